import { Checkbox, Select, Table, Tooltip } from 'antd';
import type { Action, DataScope, RoleCatalog } from '../../../app/api/schemas';
import { useSignedIn } from '../../../app/auth/auth-context';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { actionColumns, type RoleDraft } from './role-draft';

export const actionLabel: Record<Action, MessageKey> = {
  read: 'perm.read', create: 'perm.create', update: 'perm.update', delete: 'perm.delete',
  export: 'perm.export', assign: 'perm.assign', import: 'perm.import', approve: 'perm.approve',
};
export const scopeLabel: Record<DataScope, MessageKey> = {
  own: 'scope.own', unit: 'scope.unit', subtree: 'scope.subtree', all: 'scope.all',
};
const scopeRank: Record<DataScope, number> = { own: 0, unit: 1, subtree: 2, all: 3 };

type CatalogObject = RoleCatalog['objects'][number];

/**
 * Object types × actions, plus a data scope per object. What the editor does not hold is disabled:
 * the server refuses a role that grants more than its author has.
 */
export function PermissionMatrix({ catalog, draft, onChange }: { catalog: RoleCatalog; draft: RoleDraft; onChange: (d: RoleDraft) => void }) {
  const t = useT();
  const { me } = useSignedIn();
  const columns = actionColumns(catalog);

  const setGrant = (type: string, patch: Partial<RoleDraft['grants'][string]>) =>
    onChange({ ...draft, grants: { ...draft.grants, [type]: { ...draft.grants[type], ...patch } } });

  const toggle = (type: string, action: Action, on: boolean) => {
    const current = draft.grants[type].actions;
    // Every other action needs read: a right on records one cannot see is meaningless.
    let next = on ? [...current, action] : current.filter((a) => a !== action);
    if (on && action !== 'read' && !next.includes('read')) next = ['read', ...next];
    if (!on && action === 'read') next = [];
    setGrant(type, { actions: columns.filter((a) => next.includes(a)) });
  };

  return (
    <Table<CatalogObject>
      rowKey="type"
      size="small"
      pagination={false}
      dataSource={catalog.objects}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'object', title: t('role.object'), render: (_, o) => o.label, fixed: 'left' },
        ...columns.map((action) => ({
          key: action,
          title: t(actionLabel[action]),
          align: 'center' as const,
          render: (_: unknown, o: CatalogObject) => {
            if (!o.actions.includes(action)) return null;
            const mine = me.grants[o.type]?.actions.includes(action) ?? false;
            const box = (
              <Checkbox
                aria-label={`${o.label} ${t(actionLabel[action])}`}
                checked={draft.grants[o.type].actions.includes(action)}
                disabled={!mine}
                onChange={(e) => toggle(o.type, action, e.target.checked)}
              />
            );
            return mine ? box : <Tooltip title={t('role.beyondYou')}>{box}</Tooltip>;
          },
        })),
        {
          key: 'scope',
          title: t('role.scope'),
          render: (_, o) => {
            const mine = me.grants[o.type]?.scope;
            return (
              <Select<DataScope>
                size="small"
                style={{ width: 150 }}
                value={draft.grants[o.type].scope}
                disabled={!draft.grants[o.type].actions.length}
                onChange={(scope) => setGrant(o.type, { scope })}
                options={catalog.scopes.map((s) => ({
                  value: s,
                  label: t(scopeLabel[s]),
                  disabled: !mine || scopeRank[s] > scopeRank[mine],
                }))}
              />
            );
          },
        },
      ]}
    />
  );
}
