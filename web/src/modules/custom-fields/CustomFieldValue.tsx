import { Tag, Typography } from 'antd';
import type { CustomField } from '../../app/api/schemas';
import { formatDateTime, formatMoney } from '../../app/format';
import { useI18n } from '../../app/i18n/i18n-context';
import { RegionValue } from '../accounts/regions/RegionValue';
import { useUserName } from '../org/users/user-names';
import { isEmpty } from './custom-values';
import { optionLabel } from './localized';

function UserValue({ id }: { id: string }) {
  return <>{useUserName(id) ?? '…'}</>;
}

/** A stored custom value as people read it: option labels, names for users and regions, links for addresses. */
export function CustomFieldValue({ def, value }: { def: CustomField; value: unknown }) {
  const { t, locale } = useI18n();
  if (isEmpty(value)) return <>—</>;
  const s = String(value);
  switch (def.type) {
    case 'money':
      return <>{formatMoney(s)}</>;
    case 'number':
      return <>{typeof value === 'number' ? value.toLocaleString(locale) : s}</>;
    case 'datetime':
      return <>{formatDateTime(s)}</>;
    case 'single_select':
      return <>{optionLabel(def, value, locale)}</>;
    case 'multi_select':
      return (
        <>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Tag key={String(v)}>{optionLabel(def, v, locale)}</Tag>
          ))}
        </>
      );
    case 'boolean':
      return <>{t(value === true ? 'common.yes' : 'common.no')}</>;
    case 'user':
      return <UserValue id={s} />;
    case 'region':
      return <RegionValue code={s} />;
    case 'url':
      return (
        <Typography.Link href={s} target="_blank" rel="noreferrer">
          {s}
        </Typography.Link>
      );
    case 'email':
      return <Typography.Link href={`mailto:${s}`}>{s}</Typography.Link>;
    case 'long_text':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span>;
    default:
      return <>{s}</>;
  }
}
