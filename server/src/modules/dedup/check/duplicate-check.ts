import { aliasedTable, and, eq, inArray, isNull } from 'drizzle-orm';
import { can, inScope, type Principal } from '../../../platform/access/principal.ts';
import type { Executor } from '../../../platform/db/engine.ts';
import { accounts } from '../../accounts/accounts.schema.ts';
import { orgUnits, users } from '../../org/org.schema.ts';
import { seesPoolOf } from '../../pool/pool-access.ts';
import { findPoolHolder } from '../../pool/pool-holder.ts';
import { riskWarningsForAccounts, type RiskWarning } from '../../risk-flags/risk-flags.lookup.ts';
import { dedupKeys } from '../keys/dedup-keys.schema.ts';
import {
  blockingKeys, isRegisteredName, isShortFormKey, LIKELY_DUPLICATE_THRESHOLD, POSSIBLE_DUPLICATE_THRESHOLD, prepareAccount, scorePrepared,
  type AccountRecord, type MatchReason,
} from '../matcher/index.ts';

export interface DuplicateCandidate {
  /** null when the account is outside the caller's scope: they learn that it exists and who holds it, not the record */
  id: string | null;
  name: string;
  ownerName: string | null;
  unitName: string | null;
  inPool: boolean;
  score: number;
  likelyDuplicate: boolean;
  reasons: MatchReason[];
  riskWarnings: RiskWarning[];
}

/** Accounts sharing one short-form key (华为-anything) are many; more than this are not all read. */
const PER_KEY_LIMIT = 200;
const MAX_RESULTS = 20;

/**
 * Candidates for an account being entered, tenant-wide: a rep must learn that a customer is already
 * someone's even in another branch (the first to register owns it). Out-of-scope candidates come
 * with name, owner, unit, score and reasons only.
 */
export async function findDuplicates(db: Executor, p: Principal, input: Omit<AccountRecord, 'id'>, excludeId?: string): Promise<DuplicateCandidate[]> {
  return (await findHeldDuplicates(db, p, input, excludeId)).map((d) => d.candidate);
}

/** The same, with each candidate's owner id for the server's own decisions (never sent out). */
export async function findHeldDuplicates(
  db: Executor, p: Principal, input: Omit<AccountRecord, 'id'>, excludeId?: string,
): Promise<{ ownerId: string; candidate: DuplicateCandidate }[]> {
  const prepared = prepareAccount({ ...input, id: excludeId ?? 'new' });
  const keys = blockingKeys(prepared);
  if (!keys.length) return [];
  const strong = keys.filter((k) => !isShortFormKey(k));
  const short = keys.filter(isShortFormKey);
  const ids = new Map<string, boolean>(); // id → shares a key that counts whatever the names
  if (strong.length) {
    const rows = await db.selectDistinct({ id: dedupKeys.accountId }).from(dedupKeys)
      .where(and(eq(dedupKeys.tenantId, p.tenantId), inArray(dedupKeys.key, strong))).limit(2000);
    for (const r of rows) ids.set(r.id, true);
  }
  for (const key of short) {
    const rows = await db.select({ id: dedupKeys.accountId }).from(dedupKeys)
      .where(and(eq(dedupKeys.tenantId, p.tenantId), eq(dedupKeys.key, key))).limit(PER_KEY_LIMIT);
    for (const r of rows) if (!ids.has(r.id)) ids.set(r.id, false);
  }
  if (excludeId) ids.delete(excludeId);
  if (!ids.size) return [];
  const owner = aliasedTable(users, 'owner');
  const rows = await db
    .select({
      id: accounts.id, name: accounts.name, shortName: accounts.shortName, englishName: accounts.englishName, formerNames: accounts.formerNames,
      creditCode: accounts.creditCode, phones: accounts.phones, emails: accounts.emails, ownerId: accounts.ownerId, unitId: accounts.unitId,
      ownerName: owner.name, unitName: orgUnits.name,
    })
    .from(accounts)
    .leftJoin(owner, and(eq(owner.tenantId, accounts.tenantId), eq(owner.id, accounts.ownerId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .where(and(eq(accounts.tenantId, p.tenantId), inArray(accounts.id, [...ids.keys()]), isNull(accounts.deletedAt)));
  const newIsRegistered = isRegisteredName(prepared);
  const scored = rows
    .map((row) => ({ row, prepared: prepareAccount(row) }))
    // Pairs that meet only through short-form keys count when one of the two is named by a short form.
    .filter(({ row, prepared: other }) => ids.get(row.id) || !newIsRegistered || !isRegisteredName(other))
    .map(({ row, prepared: other }) => ({ row, match: scorePrepared(prepared, other) }))
    .filter(({ match }) => match.score >= POSSIBLE_DUPLICATE_THRESHOLD)
    .sort((a, b) => b.match.score - a.match.score)
    .slice(0, MAX_RESULTS);
  const holderId = await findPoolHolder(db, p.tenantId);
  const warnings = await riskWarningsForAccounts(db, p.tenantId, scored.map((s) => s.row.id));
  return scored.map(({ row, match }) => {
    const inPool = row.ownerId === holderId;
    // A pool customer of a unit whose pool the caller sees is theirs to claim: its id is given.
    const visible = can(p, 'account', 'read') && (inScope(p, 'account', row) || (inPool && seesPoolOf(p, row.unitId)));
    const candidate = {
      id: visible ? row.id : null,
      name: row.name,
      ownerName: inPool ? null : row.ownerName,
      unitName: row.unitName,
      inPool,
      score: Math.round(match.score * 1000) / 1000,
      likelyDuplicate: match.score >= LIKELY_DUPLICATE_THRESHOLD,
      reasons: match.reasons,
      riskWarnings: warnings.get(row.id) ?? [],
    };
    return { ownerId: row.ownerId, candidate };
  });
}
