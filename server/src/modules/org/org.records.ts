import { and, isNotNull } from 'drizzle-orm';
import { listDeletedRows, registerRecordType } from '../../platform/access/records.ts';
import { orgUnits, users } from './org.schema.ts';
import { findUnit, unitScope } from './units/units.queries.ts';
import { restoreUnit } from './units/units.commands.ts';
import { findUser, userScope } from './users/users.queries.ts';
import { restoreUser } from './users/users.commands.ts';

registerRecordType({
  type: 'org_unit',
  findVisible: async (ctx, id, opts) => {
    const u = await findUnit(ctx.readDb, ctx.principal, id, opts);
    return u && { id: u.id, label: u.name };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, orgUnits, orgUnits.name, and(unitScope(ctx.principal, { onlyDeleted: true }), isNotNull(orgUnits.deletedAt)), limit),
  restore: restoreUnit,
});

registerRecordType({
  type: 'user',
  findVisible: async (ctx, id, opts) => {
    const u = await findUser(ctx.readDb, ctx.principal, id, opts);
    return u && { id: u.id, label: u.name };
  },
  listDeleted: (ctx, limit) => listDeletedRows(ctx, users, users.name, userScope(ctx.principal, { onlyDeleted: true }), limit),
  restore: restoreUser,
});
