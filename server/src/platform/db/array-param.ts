import { sql, type SQL } from 'drizzle-orm';

const element = (v: string) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * A text[] passed as one parameter (an array literal), for `= any(…)` over thousands of values:
 * drizzle turns a JS array into one parameter per element, which the server then parses and plans
 * one by one.
 */
export const textArrayParam = (values: readonly string[]): SQL => sql`${`{${values.map(element).join(',')}}`}::text[]`;
