import { can, type Principal } from '../../platform/access/principal.ts';
import { compareMoney, money2 } from '../orders/money.ts';
import { presentLine } from '../orders/orders.presenter.ts';
import type { QuoteLineRow, QuoteRow } from './quotes.queries.ts';
import type { QuoteDto } from './quotes.types.ts';

export function presentQuote(p: Principal, q: QuoteRow, limitPct: string): Omit<QuoteDto, 'lines'> {
  return {
    id: q.id, number: q.number, revision: q.revision, title: q.title, accountId: q.accountId, accountName: q.accountName, opportunityId: q.opportunityId,
    status: q.status, currency: q.currency, subtotal: money2(q.subtotal)!, taxAmount: money2(q.taxAmount)!, total: money2(q.total)!,
    maxDiscountPct: money2(q.maxDiscountPct)!, needsApproval: compareMoney(q.maxDiscountPct, limitPct) > 0,
    validUntil: q.validUntil, note: q.note, decidedBy: q.decidedBy, decidedByName: q.decidedByName, decidedAt: q.decidedAt?.toISOString() ?? null,
    decisionNote: q.decisionNote, ownerId: q.ownerId, ownerName: q.ownerName, unitId: q.unitId, version: q.version, createdAt: q.createdAt.toISOString(),
    permissions: {
      update: can(p, 'quote', 'update') && ['draft', 'rejected'].includes(q.status),
      approve: can(p, 'quote', 'approve') && q.status === 'pending_approval',
      send: can(p, 'quote', 'update') && q.status === 'approved',
      order: can(p, 'order', 'create') && ['approved', 'sent'].includes(q.status),
    },
  };
}

export const presentFullQuote = (p: Principal, q: QuoteRow, lines: QuoteLineRow[], limitPct: string): QuoteDto => ({
  ...presentQuote(p, q, limitPct),
  lines: lines.map((l) => presentLine(l)),
});
