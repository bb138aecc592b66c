import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api-types';
import { toApiError } from './api-error';

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: (() => void) | undefined;

/** The session's CSRF token (from /auth/login or /auth/me); sent on every request that changes something. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** Server error messages come back in the interface language. */
export const setRequestLanguage = (locale: string) => {
  language = locale;
};
/** Called when a request finds the session gone (expired, signed out elsewhere, password reset by an admin). */
export const handleUnauthenticated = (handler: (() => void) | undefined) => {
  onUnauthenticated = handler;
};

// A 401 from these means "wrong password" or "not signed in yet", not "your session ended".
const isSessionProbe = (method: string, path: string) =>
  path === '/api/v1/auth/login' || (method === 'GET' && path === '/api/v1/auth/me');

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response, schemaPath }) {
    if (response.status === 401 && !isSessionProbe(request.method, schemaPath)) onUnauthenticated?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'include' });
api.use(sessionMiddleware);

/**
 * Sends a file as the raw request body (attachments and vCard imports take the bytes, not a form):
 * openapi-fetch sends JSON only, so this is fetch with the headers the middleware would set.
 * Returns the parsed answer.
 */
export async function sendFile(method: 'PUT' | 'POST', url: string, file: Blob): Promise<unknown> {
  const headers: Record<string, string> = { 'Accept-Language': language, 'Content-Type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(url, { method, body: file, headers, credentials: 'include' });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) onUnauthenticated?.();
  if (!response.ok) throw toApiError(response.status, body);
  return body;
}

type Outcome = { data?: unknown; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the error body. */
export async function call<R extends Outcome>(request: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  const result = await request;
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  // openapi-fetch types data as possibly undefined because the same object describes failures; a
  // successful response carries it (for 204 it is empty and typed never, so nobody reads it).
  return result.data as Exclude<R['data'], undefined>;
}
