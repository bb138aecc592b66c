import { Segmented, Table } from 'antd';
import type { RoleCatalog } from '../../../app/api/schemas';
import { useT } from '../../../app/i18n/i18n-context';
import { fieldLabel } from '../../audit-log/labels';
import type { FieldRule, RoleDraft } from './role-draft';

interface Row {
  key: string;
  type: string;
  objectLabel: string;
  field: string;
}

/** Sensitive fields (phone, e-mail…) shown in full, masked (138****8000) or hidden for this role. */
export function FieldRulesTable({ catalog, draft, onChange }: { catalog: RoleCatalog; draft: RoleDraft; onChange: (d: RoleDraft) => void }) {
  const t = useT();
  const rows: Row[] = catalog.objects.flatMap((o) =>
    o.sensitiveFields.map((field) => ({ key: `${o.type}.${field}`, type: o.type, objectLabel: o.label, field })),
  );

  const setRule = (type: string, field: string, rule: FieldRule | 'visible') => {
    const rules = { ...(draft.fieldRules[type] ?? {}) };
    if (rule === 'visible') delete rules[field];
    else rules[field] = rule;
    const fieldRules = { ...draft.fieldRules, [type]: rules };
    if (!Object.keys(rules).length) delete fieldRules[type];
    onChange({ ...draft, fieldRules });
  };

  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'object', title: t('role.object'), dataIndex: 'objectLabel' },
        { key: 'field', title: t('audit.field'), render: (_, r) => fieldLabel(t, r.field, r.type) },
        {
          key: 'rule',
          title: t('role.fieldRule'),
          render: (_, r) => (
            <Segmented<FieldRule | 'visible'>
              size="small"
              value={draft.fieldRules[r.type]?.[r.field] ?? 'visible'}
              onChange={(v) => setRule(r.type, r.field, v)}
              options={[
                { value: 'visible', label: t('role.field.visible') },
                { value: 'masked', label: t('role.field.masked') },
                { value: 'hidden', label: t('role.field.hidden') },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
