import type { AccountType, CustomField } from '../../../app/api/schemas';
import type { Locale } from '../../../app/i18n/locale';
import type { Translate } from '../../../app/i18n/translate';
import type { FieldNamer } from '../../audit-log/ChangeList';
import { customFieldNamer } from '../../custom-fields/field-namer';
import { RegionValue } from '../regions/RegionValue';
import { typeLabel } from '../use-account-types';

const regionFields = new Set(['provinceCode', 'cityCode', 'districtCode']);

/** An account's changes with names for what is stored as keys and codes: kind, type, tier, regions, custom fields. */
export function accountFieldNamer(t: Translate, locale: Locale, types: AccountType[], defs: CustomField[]): FieldNamer {
  const custom = customFieldNamer(defs, locale);
  return {
    name: custom.name,
    value: (field, value) => {
      if (field.startsWith('custom.')) return custom.value(field, value);
      if (typeof value !== 'string') return undefined;
      if (field === 'kind') return t(value === 'person' ? 'account.kind.person' : 'account.kind.company');
      if (field === 'type') return typeLabel(types, value, locale);
      if (field === 'tier') return t('account.tier.value', { tier: value });
      if (regionFields.has(field)) return <RegionValue code={value} />;
      return undefined;
    },
  };
}
