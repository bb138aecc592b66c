/** One problem with one input field, as the server reports it (`body.name`, `newPassword`, `grants.user`). */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** The error body every Kehu endpoint returns: `{ error: { code, message, issues?, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an error body defensively: a proxy or a crashed server may answer with HTML or nothing. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return new ApiError(status, status >= 500 ? 'internal' : 'http_error', `HTTP ${status}`);
  const issues = Array.isArray(error.issues)
    ? error.issues.filter(isRecord).map((i) => ({ field: String(i.field ?? ''), reason: String(i.reason ?? '') }))
    : [];
  return new ApiError(
    status,
    typeof error.code === 'string' ? error.code : 'http_error',
    typeof error.message === 'string' ? error.message : `HTTP ${status}`,
    issues,
    isRecord(error.details) ? error.details : {},
  );
}
