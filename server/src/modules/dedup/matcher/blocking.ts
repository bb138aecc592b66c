import { isShortForm } from './abbreviation.ts';
import type { NormalizedName } from './normalize.ts';
import { pinyinKey } from './pinyin.ts';
import { leadingDistrictLength } from './regions.ts';
import { isSubsequence } from './similarity.ts';
import type { PreparedAccount } from './score.ts';

/**
 * Blocking keys: two accounts are compared only if they share a key, which is what keeps a bulk
 * report over 1,000,000 accounts near linear instead of 5·10^11 comparisons. The same keys can be
 * stored in an indexed column to find candidates when an account is entered.
 *
 * Each key covers the variants that can reach the "likely duplicate" threshold:
 * - c:<core>              region moved, dropped or added, legal form changed, width, spaces, script
 *                         (also the core without a leading county, 集安益盛药业 ~ 吉林省集安 + 益盛药业)
 * - p:<pinyin of brand>|<industry>   a homophone picked by an input method (brands of 3+ characters;
 *                         shorter homophones are different brands too often to be likely duplicates)
 * - b:<brand>             a short form that is the brand (火炬 ~ 火炬润滑油)
 * - a:<two characters>    abbreviations (深振业 ~ 深圳市振业, 中机认检 ~ 中机寰宇认证检验): the first
 *                         two characters of the brand, of region + brand, of the brand after 中/中国
 * - cc:, t:, m: of credit code, phones, e-mails
 * The b: and a: keys gather many names (every 华为-something). Two accounts that both carry a
 * registered full name are judged by those names (see bestNameMatch in score.ts), so only pairs
 * where one account is named by a short form are compared through these keys.
 */
export function blockingKeys(account: PreparedAccount): string[] {
  const keys = new Set<string>();
  for (const { name } of account.names) for (const key of nameKeys(name)) keys.add(key);
  if (account.creditCode) keys.add(`cc:${account.creditCode}`);
  for (const phone of account.phones) keys.add(`t:${phone}`);
  for (const email of account.emails) keys.add(`m:${email}`);
  return [...keys];
}

/** Keys only worth comparing through when one of the two names is a short form. */
export function isShortFormKey(key: string): boolean {
  return key.startsWith('a:') || key.startsWith('b:');
}

/**
 * Cheap test before scoring a pair that shares only short-form keys: some short form of one must
 * be the other's brand or occur in order in the other's name, or the score cannot be high.
 */
export function shortFormMayMatch(a: PreparedAccount, b: PreparedAccount): boolean {
  const oneWay = (x: PreparedAccount, y: PreparedAccount) =>
    x.names.some(({ name: short }) => isShortForm(short) && y.names.some(({ name }) => short.brand === name.brand || isSubsequence(short.stem, name.stem)));
  return oneWay(a, b) || oneWay(b, a);
}

export function nameKeys(name: NormalizedName): string[] {
  const { core, stem } = name;
  const brand = name.brand || core;
  if (core.length === 0) return [];
  const keys = [`c:${core}`];
  if (name.regionalReading) keys.push(`c:${name.regionalReading.core}`);
  const district = name.latin ? 0 : leadingDistrictLength(core);
  if (district > 0) keys.push(`c:${core.slice(district)}`);
  keys.push(`b:${brand}`);
  if (!name.latin && brand.length >= 3) keys.push(`p:${pinyinKey(brand)}|${name.industries.join('')}`);
  keys.push(`a:${brand.slice(0, 2)}`);
  if (stem.length > core.length) keys.push(`a:${stem[0]}${core[0]}`);
  const national = /^中[国华]?/.exec(core)?.[0].length ?? 0;
  if (national > 0 && core.length - national >= 2) keys.push(`a:${core.slice(national, national + 2)}`);
  return keys;
}
