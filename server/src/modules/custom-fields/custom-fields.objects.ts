import { registerCapability } from '../../platform/access/permissions.ts';
import { registerRecordType } from '../../platform/access/records.ts';
import { hasCapability } from '../../platform/access/principal.ts';
import { getDefinition } from './custom-fields.queries.ts';
import { MANAGE_CUSTOM_FIELDS } from './custom-fields.presenter.ts';

registerCapability(MANAGE_CUSTOM_FIELDS, { 'zh-CN': '管理自定义字段', 'en-US': 'Manage custom fields' });

// A field's history (who renamed it, archived it, made it unique) is for those who manage fields.
registerRecordType({
  type: 'custom_field',
  findVisible: async (ctx, id) => {
    if (!hasCapability(ctx.principal, MANAGE_CUSTOM_FIELDS)) return null;
    const def = await getDefinition(ctx.readDb, ctx.principal.tenantId, id).catch(() => null);
    return def && { id: def.id, label: `${def.label[ctx.locale ?? 'zh-CN']} (${def.key})` };
  },
});
