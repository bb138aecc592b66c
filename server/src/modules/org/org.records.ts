import { and, desc, isNotNull } from 'drizzle-orm';
import { registerRecordType } from '../../platform/access/records.ts';
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
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: orgUnits.id, label: orgUnits.name, deletedAt: orgUnits.deletedAt, deletedBy: orgUnits.deletedBy })
      .from(orgUnits)
      .where(and(unitScope(ctx.principal, { onlyDeleted: true }), isNotNull(orgUnits.deletedAt)))
      .orderBy(desc(orgUnits.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreUnit,
});

registerRecordType({
  type: 'user',
  findVisible: async (ctx, id, opts) => {
    const u = await findUser(ctx.readDb, ctx.principal, id, opts);
    return u && { id: u.id, label: u.name };
  },
  listDeleted: (ctx, limit) =>
    ctx.readDb
      .select({ id: users.id, label: users.name, deletedAt: users.deletedAt, deletedBy: users.deletedBy })
      .from(users)
      .where(userScope(ctx.principal, { onlyDeleted: true }))
      .orderBy(desc(users.deletedAt))
      .limit(limit) as Promise<{ id: string; label: string; deletedAt: Date; deletedBy: string | null }[]>,
  restore: restoreUser,
});
