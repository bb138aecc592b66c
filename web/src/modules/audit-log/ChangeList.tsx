import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { AuditEvent } from '../../app/api/schemas';
import { useT } from '../../app/i18n/i18n-context';
import type { Translate } from '../../app/i18n/translate';
import { useUserName } from '../org/users/user-names';
import { fieldLabel } from './labels';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function renderValue(t: Translate, value: unknown, nameOf: (id: string) => string | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') return uuid.test(value) ? (nameOf(value) ?? value.slice(0, 8)) : value;
  if (Array.isArray(value)) return value.length ? value.map((v) => renderValue(t, v, nameOf)).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A person named by id (an owner), as far as the reader may see users. */
function UserName({ id }: { id: string }) {
  return <>{useUserName(id) ?? id.slice(0, 8)}</>;
}

/**
 * How a record type names fields the dictionary does not know (custom fields) and shows values that
 * are keys or codes (a type key, a region code, an option value). Undefined: the default.
 */
export interface FieldNamer {
  name(field: string): string | undefined;
  value(field: string, value: unknown): ReactNode | undefined;
}

interface Row {
  field: string;
  before: ReactNode;
  after: ReactNode;
  /** the field had no value before (nothing to strike through) */
  wasBlank: boolean;
}

/** A record's field changes as "field: before → after"; fields empty on both sides are left out. */
export function ChangeList({ objectType, changes, nameOf, fields }: {
  objectType: string;
  changes: AuditEvent['changes'];
  nameOf: (id: string) => string | undefined;
  fields?: FieldNamer;
}) {
  const t = useT();
  const show = (field: string, value: unknown): ReactNode => {
    if (isBlank(value)) return '—';
    const named = fields?.value(field, value);
    if (named !== undefined) return named;
    if (field === 'ownerId' && typeof value === 'string') return <UserName id={value} />;
    return renderValue(t, value, nameOf);
  };
  const rows: Row[] = Object.entries(changes ?? {})
    .filter(([, [before, after]]) => !(isBlank(before) && isBlank(after)))
    .map(([field, [before, after]]) => ({
      field: fields?.name(field) ?? fieldLabel(t, field, objectType),
      before: show(field, before),
      after: show(field, after),
      wasBlank: isBlank(before),
    }));
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'field', dataIndex: 'field', title: t('audit.field'), width: 140 },
        {
          key: 'before',
          title: t('audit.before'),
          render: (_, r) => (
            <Typography.Text delete={!r.wasBlank} type="secondary" style={{ wordBreak: 'break-all' }}>
              {r.before}
            </Typography.Text>
          ),
        },
        { key: 'arrow', title: '', width: 32, render: () => <ArrowRightOutlined /> },
        { key: 'after', title: t('audit.after'), render: (_, r) => <span style={{ wordBreak: 'break-all' }}>{r.after}</span> },
      ]}
    />
  );
}
