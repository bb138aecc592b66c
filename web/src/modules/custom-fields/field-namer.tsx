import type { CustomField } from '../../app/api/schemas';
import type { Locale } from '../../app/i18n/locale';
import type { FieldNamer } from '../audit-log/ChangeList';
import { CustomFieldValue } from './CustomFieldValue';
import { localized } from './localized';

const defOf = (defs: CustomField[], field: string) => (field.startsWith('custom.') ? defs.find((d) => `custom.${d.key}` === field) : undefined);

/**
 * How history and the timeline show a record type's custom fields (`custom.<key>`): their labels and
 * their values as forms show them. Archived fields included, since old changes still mention them.
 */
export function customFieldNamer(defs: CustomField[], locale: Locale): FieldNamer {
  return {
    name: (field) => {
      const def = defOf(defs, field);
      return def && localized(def.label, locale);
    },
    value: (field, value) => {
      const def = defOf(defs, field);
      return def ? <CustomFieldValue def={def} value={value} /> : undefined;
    },
  };
}
