import type { Executor } from './engine.ts';

/**
 * Statements of the hot read paths (a record by id, a page's related rows), built once per database
 * handle and sent as named prepared statements. An ordinary drizzle query rebuilds its SQL text on
 * every call (a fifth of a point lookup's CPU under load), and the postgres driver sends an unnamed
 * statement with parameters in two round trips (parse and describe, then bind and execute) that
 * PostgreSQL parses and plans each time; a prepared one is one round trip, parsed once per connection.
 *
 * Only statements whose text does not depend on the request belong here: what varies goes into
 * placeholders (`sql.placeholder`), and the few shapes a statement takes (a data scope's kind, with
 * or without deleted records) are `variant` keys, so the number of prepared statements is bounded.
 * A transaction is its own handle: statements run in it are prepared for it.
 */
export function preparedPerDb<V extends string, Q>(build: (db: Executor, variant: V) => Q): (db: Executor, variant: V) => Q {
  const byDb = new WeakMap<Executor, Map<V, Q>>();
  return (db, variant) => {
    let variants = byDb.get(db);
    if (!variants) byDb.set(db, (variants = new Map()));
    let query = variants.get(variant);
    if (!query) variants.set(variant, (query = build(db, variant)));
    return query;
  };
}

/** A list of uuids as one PostgreSQL array parameter (`= any(${placeholder}::uuid[])`): one statement for any length. */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
