/**
 * Two-character chunks of a text, the unit Chinese search is indexed by. pg_trgm needs three
 * characters and so cannot index 火炬 or 船务; a GIN index over these chunks answers
 * `grams @> chunks(keyword)` for any keyword of two or more characters, and a substring test on
 * the row removes chunk combinations that are not adjacent.
 */
export function chunks(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** Marks "a name starts with this character": lets a one-character keyword use the index as a prefix search. */
export const startToken = (text: string): string | null => {
  const first = Array.from(text)[0];
  return first ? `^${first}` : null;
};
