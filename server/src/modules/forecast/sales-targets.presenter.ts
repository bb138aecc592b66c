import { can, type Principal } from '../../platform/access/principal.ts';
import type { SalesTargetRecord } from './sales-targets.queries.ts';
import type { SalesTargetDto } from './sales-targets.types.ts';

export function presentSalesTarget(p: Principal, t: SalesTargetRecord): SalesTargetDto {
  return {
    id: t.id,
    userId: t.userId,
    userName: t.userName,
    unitId: t.unitId,
    unitName: t.unitName,
    period: t.period,
    periodStart: t.periodStart,
    amount: t.amount,
    currency: t.currency,
    note: t.note,
    version: t.version,
    permissions: { update: can(p, 'sales_target', 'update'), delete: can(p, 'sales_target', 'delete') },
  };
}
