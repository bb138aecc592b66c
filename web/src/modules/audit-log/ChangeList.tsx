import { Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { AuditEvent } from '../../app/api/schemas';
import { useT } from '../../app/i18n/i18n-context';
import type { Translate } from '../../app/i18n/translate';
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

interface Row {
  field: string;
  before: string;
  after: string;
}

/** A record's field changes as "field: before → after". */
export function ChangeList({ objectType, changes, nameOf }: { objectType: string; changes: AuditEvent['changes']; nameOf: (id: string) => string | undefined }) {
  const t = useT();
  const rows: Row[] = Object.entries(changes ?? {}).map(([field, [before, after]]) => ({
    field: fieldLabel(t, field, objectType),
    before: renderValue(t, before, nameOf),
    after: renderValue(t, after, nameOf),
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
        { key: 'before', dataIndex: 'before', title: t('audit.before'), render: (v: string) => <Typography.Text delete={v !== '—'} type="secondary" style={{ wordBreak: 'break-all' }}>{v}</Typography.Text> },
        { key: 'arrow', title: '', width: 32, render: () => <ArrowRightOutlined /> },
        { key: 'after', dataIndex: 'after', title: t('audit.after'), render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
      ]}
    />
  );
}
