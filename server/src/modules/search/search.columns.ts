import { sql } from 'drizzle-orm';
import { index, text, type AnyPgColumn, type ExtraConfigColumn } from 'drizzle-orm/pg-core';

/**
 * The search columns a searchable record carries, filled by buildSearchDocument on every write.
 * They are derived data: a change to the normalisation rules is applied by rewriting them.
 */
export const searchColumns = () => ({
  searchNames: text('search_names').notNull().default(''),
  searchLatin: text('search_latin').notNull().default(''),
  searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
  searchKeys: text('search_keys').array().notNull().default(sql`'{}'::text[]`),
});

export interface SearchColumns {
  searchNames: AnyPgColumn;
  searchLatin: AnyPgColumn;
  searchGrams: AnyPgColumn;
  searchKeys: AnyPgColumn;
}

/**
 * Three GIN indexes: chunks (Chinese keywords, initials, one-character prefixes), exact keys
 * (phone, e-mail, code, whole name) and trigrams of the Latin forms (pinyin of 3+ letters).
 * GIN has no operator class for uuid, so these cannot lead with tenant_id; every query adds the
 * tenant condition and the planner combines it from the primary key.
 */
export const searchIndexes = (table: string, t: { searchGrams: ExtraConfigColumn; searchKeys: ExtraConfigColumn; searchLatin: ExtraConfigColumn }) => [
  index(`${table}_search_grams_idx`).using('gin', t.searchGrams),
  index(`${table}_search_keys_idx`).using('gin', t.searchKeys),
  index(`${table}_search_latin_idx`).using('gin', t.searchLatin.op('gin_trgm_ops')),
];
