/**
 * Storage keys are built by the server, never taken from a user: `tenants/<tenant>/<area>/<yyyy>/<mm>/<id>`.
 * The tenant leads so one tenant's files can be copied, moved or deleted as a prefix; the month keeps
 * a disk folder from holding millions of entries. A user's file name is kept in the database only,
 * so no name can climb out of the store's folder or collide with another.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/** Every segment starts with a letter or digit: no "..", no hidden names (the disk store's partial files start with "."). */
export function isValidKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_LENGTH && key.split('/').every((s) => SEGMENT.test(s));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

export function tenantFileKey(tenantId: string, area: string, id: string, at: Date = new Date()): string {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const key = `tenants/${tenantId}/${area}/${yyyy}/${mm}/${id}`;
  assertValidKey(key);
  return key;
}
