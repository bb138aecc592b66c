import { companyMailDomain, isValidCreditCode, normalizeCreditCode, normalizeEmail, normalizePhone } from './contact-keys.ts';
import { isShortForm } from './abbreviation.ts';
import { compareNames, type NameMatch, type NameMatchKind } from './name-score.ts';
import { normalizeCompanyName, type NormalizedName } from './normalize.ts';

/** What the matcher needs of an account; every field but id and name is optional. */
export interface AccountRecord {
  id: string;
  name: string;
  shortName?: string | null;
  englishName?: string | null;
  formerNames?: readonly string[] | null;
  creditCode?: string | null;
  phones?: readonly (string | null | undefined)[] | null;
  emails?: readonly (string | null | undefined)[] | null;
}

export type MatchReasonKind =
  | NameMatchKind
  | 'former_name' // a former name of one matches a name of the other
  | 'credit_code' // identical unified social credit code
  | 'credit_code_conflict' // both have valid, different codes: two legal entities
  | 'phone'
  | 'email'
  | 'email_domain'; // e-mail addresses at the same company domain

export interface MatchReason {
  kind: MatchReasonKind;
  detail: string;
  /** This reason's own evidence, 0..1, before it is combined with the others. */
  score: number;
}

export interface MatchResult {
  /** 0..1; at or above LIKELY_DUPLICATE_THRESHOLD the two are probably one account. */
  score: number;
  likelyDuplicate: boolean;
  /** Strongest reason first. */
  reasons: MatchReason[];
}

/** Precision ≥ 0.98 at this threshold on bench/dedup-quality.ts; below it, down to POSSIBLE, show as "possibly related". */
export const LIKELY_DUPLICATE_THRESHOLD = 0.8;
export const POSSIBLE_DUPLICATE_THRESHOLD = 0.5;

const EVIDENCE = { creditCode: 1, invalidCreditCode: 0.9, email: 0.9, phone: 0.85, emailDomain: 0.4, conflictCap: 0.6, formerNameFactor: 0.97, shortNameCap: 0.7 } as const;

type NameSource = 'name' | 'short_name' | 'english_name' | 'former_name';

/** An account with its names parsed and its identifiers normalised, ready to be compared many times. */
export interface PreparedAccount {
  id: string;
  names: { source: NameSource; name: NormalizedName }[];
  creditCode?: string;
  creditCodeValid: boolean;
  phones: string[];
  emails: string[];
}

export function prepareAccount(record: AccountRecord): PreparedAccount {
  const names: PreparedAccount['names'] = [];
  const seen = new Set<string>();
  const add = (source: NameSource, raw: string | null | undefined) => {
    if (!raw || raw.trim() === '') return;
    const name = normalizeCompanyName(raw);
    if (name.core === '' || seen.has(name.text)) return;
    seen.add(name.text);
    names.push({ source, name });
  };
  add('name', record.name);
  add('short_name', record.shortName);
  add('english_name', record.englishName);
  for (const former of record.formerNames ?? []) add('former_name', former);
  const creditCode = normalizeCreditCode(record.creditCode);
  return {
    id: record.id,
    names,
    creditCode,
    creditCodeValid: creditCode !== undefined && isValidCreditCode(creditCode),
    phones: unique((record.phones ?? []).map(normalizePhone)),
    emails: unique((record.emails ?? []).map(normalizeEmail)),
  };
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))];
}

export function scoreAccounts(a: AccountRecord, b: AccountRecord): MatchResult {
  return scorePrepared(prepareAccount(a), prepareAccount(b));
}

/** Compare two prepared accounts: every kind of evidence, combined as independent (noisy-or). */
export function scorePrepared(a: PreparedAccount, b: PreparedAccount): MatchResult {
  const reasons: MatchReason[] = [];
  const name = bestNameMatch(a, b);
  if (name) reasons.push(name);

  let conflict = false;
  if (a.creditCode && a.creditCode === b.creditCode) {
    // An invalid code typed identically twice is still strong, but could be the same placeholder.
    const score = a.creditCodeValid ? EVIDENCE.creditCode : EVIDENCE.invalidCreditCode;
    reasons.push({ kind: 'credit_code', detail: `same credit code ${a.creditCode}${a.creditCodeValid ? '' : ' (fails its check digit)'}`, score });
  } else if (a.creditCodeValid && b.creditCodeValid) {
    conflict = true;
    reasons.push({ kind: 'credit_code_conflict', detail: `different credit codes ${a.creditCode} / ${b.creditCode}: two legal entities`, score: 0 });
  }
  const phone = a.phones.find((p) => b.phones.includes(p));
  if (phone) reasons.push({ kind: 'phone', detail: `same phone ${phone}`, score: EVIDENCE.phone });
  const email = a.emails.find((e) => b.emails.includes(e));
  if (email) {
    reasons.push({ kind: 'email', detail: `same e-mail ${email}`, score: EVIDENCE.email });
  } else {
    const domainsB = new Set(b.emails.map(companyMailDomain));
    const domain = a.emails.map(companyMailDomain).find((d) => d !== undefined && domainsB.has(d));
    if (domain) reasons.push({ kind: 'email_domain', detail: `e-mail at the same domain ${domain}`, score: EVIDENCE.emailDomain });
  }

  let score = 1 - reasons.reduce((rest, r) => rest * (1 - r.score), 1);
  if (conflict) score = Math.min(score, EVIDENCE.conflictCap);
  score = Math.round(score * 1000) / 1000;
  reasons.sort((x, y) => y.score - x.score);
  return { score, likelyDuplicate: score >= LIKELY_DUPLICATE_THRESHOLD, reasons };
}

/**
 * The strongest name evidence over all name forms of both accounts (name, short, English, former).
 * When both accounts are named by a registered full name, those full names say who they are: a
 * short name (often ambiguous: 海德股份) cannot make two different full names a duplicate, so
 * evidence that comes only through a short-name field is capped below the threshold.
 */
function bestNameMatch(a: PreparedAccount, b: PreparedAccount): MatchReason | undefined {
  const fullNamesDecide = isRegisteredName(a) && isRegisteredName(b);
  let best: { match: NameMatch; sources: [NameSource, NameSource]; names: [string, string] } | undefined;
  for (const x of a.names) {
    for (const y of b.names) {
      let match = compareNames(x.name, y.name);
      if (match.score === 0) continue;
      if (x.source === 'former_name' || y.source === 'former_name') match = { ...match, score: match.score * EVIDENCE.formerNameFactor };
      if (fullNamesDecide && (x.source === 'short_name' || y.source === 'short_name')) match = { ...match, score: Math.min(match.score, EVIDENCE.shortNameCap) };
      if (!best || match.score > best.match.score) best = { match, sources: [x.source, y.source], names: [x.name.raw, y.name.raw] };
    }
  }
  if (!best) return undefined;
  const { match, sources, names } = best;
  const score = Math.round(match.score * 1000) / 1000;
  if (sources.includes('former_name') && score >= POSSIBLE_DUPLICATE_THRESHOLD) {
    return { kind: 'former_name', detail: `former name: ${names[0]} ~ ${names[1]} (${match.detail})`, score };
  }
  const viaShortName = sources.includes('short_name') && (match.kind === 'same_core' || match.kind === 'name_variant');
  return { kind: viaShortName ? 'short_name' : match.kind, detail: `${names[0]} ~ ${names[1]}: ${match.detail}`, score };
}

/** The account's main name is a registered full name (has a legal form), not a short form typed as the name. */
export function isRegisteredName(account: PreparedAccount): boolean {
  const main = account.names.find((n) => n.source === 'name');
  return main !== undefined && !isShortForm(main.name);
}
