import type { Action } from '../access/permissions.ts';

/**
 * What every route must declare. `public`: no sign-in (login, health). `signedIn`: any signed-in
 * user, the handler decides (own profile). `object`+`action`: the caller's roles must grant it.
 * `capability`: an admin capability. A route without one fails at start-up (see app.ts).
 */
export type RoutePermission =
  | { public: true }
  | { signedIn: true }
  | { object: string; action: Action }
  | { capability: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
}

export const describePermission = (p: RoutePermission): string =>
  'public' in p ? 'public' : 'signedIn' in p ? 'signed-in' : 'capability' in p ? `capability:${p.capability}` : `${p.object}:${p.action}`;
