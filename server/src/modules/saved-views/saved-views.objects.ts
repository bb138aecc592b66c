import { registerCapability } from '../../platform/access/permissions.ts';
import { registerRecordType } from '../../platform/access/records.ts';
import { MANAGE_SHARED_VIEWS } from './saved-views.policy.ts';
import { findView } from './saved-views.queries.ts';

registerCapability(
  MANAGE_SHARED_VIEWS,
  { 'zh-CN': '管理共享视图（共享给全公司、修改他人的共享视图）', 'en-US': "Manage shared views (share with everyone, edit others' shared views)" },
  ['admin', 'head_office'],
);

// A view's history is readable by whoever can see the view.
registerRecordType({
  type: 'saved_view',
  findVisible: async (ctx, id) => {
    const view = await findView(ctx.readDb, ctx.principal, id);
    return view && { id: view.id, label: view.name };
  },
});
