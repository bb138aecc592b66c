import type { User } from '../../../app/api/schemas';

/**
 * The list endpoint may return fewer fields when asked (`fields=`); this page never asks, so every
 * item is complete. The check makes that a fact the compiler can use rather than a cast.
 */
export const isCompleteUser = (u: Partial<User>): u is User =>
  typeof u.id === 'string' && typeof u.name === 'string' && typeof u.version === 'number' && !!u.permissions && Array.isArray(u.roleIds);
