/**
 * Duplicate check (查重) for accounts: a pure library, no database.
 *
 * On entry (create, edit, import row):
 *   1. prepareAccount(record) once; blockingKeys(prepared) gives the keys to store with every
 *      account (an indexed text[] column) and to look candidates up with;
 *   2. candidates = accounts sharing a key. Keys where isShortFormKey(key) is true only count when
 *      one of the two accounts is named by a short form (isRegisteredName false); ignore the others;
 *   3. scorePrepared(prepared, candidate) for each; show results with score ≥ POSSIBLE_DUPLICATE_THRESHOLD,
 *      warn / propose a merge from LIKELY_DUPLICATE_THRESHOLD. Every result carries its reasons.
 * In bulk (admin report): findDuplicateGroups(allAccounts) → groups of likely duplicates.
 *
 * Quality and speed are measured by bench/dedup-quality.ts (npm run dedup -w bench).
 */
export {
  LIKELY_DUPLICATE_THRESHOLD,
  POSSIBLE_DUPLICATE_THRESHOLD,
  isRegisteredName,
  prepareAccount,
  scoreAccounts,
  scorePrepared,
  type AccountRecord,
  type MatchReason,
  type MatchReasonKind,
  type MatchResult,
  type PreparedAccount,
} from './score.ts';
export { blockingKeys, isShortFormKey } from './blocking.ts';
export {
  findDuplicateGroups,
  type DuplicateGroup,
  type DuplicateLink,
  type DuplicateReport,
  type DuplicateReportOptions,
} from './bulk.ts';
export { normalizeCompanyName, type NormalizedName } from './normalize.ts';
export { isValidCreditCode, normalizeCreditCode, normalizeEmail, normalizePhone } from './contact-keys.ts';
