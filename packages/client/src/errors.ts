/** One invalid field of a `validation_failed` answer. */
export interface FieldError {
  path: string;
  message: string;
}

/** Stable codes of the API (`code` of every problem+json answer); others may be added. */
export type KnownErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'invalid_token'
  | 'invalid_cursor'
  | 'unauthorized'
  | 'token_expired'
  | 'invalid_credentials'
  | 'invalid_mfa_code'
  | 'session_revoked'
  | 'email_not_verified'
  | 'forbidden'
  | 'not_friends'
  | 'blocked'
  | 'not_found'
  | 'conflict'
  | 'username_taken'
  | 'already_friends'
  | 'request_pending'
  | 'already_member'
  | 'group_full'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';

/** An answer of the server other than 2xx, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: KnownErrorCode | (string & {});
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** Seconds to wait, from `Retry-After` (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    retryAfter?: number | undefined;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? init.code;
    this.detail = init.detail ?? this.title;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** Reads a non-2xx response (problem+json, or anything else a proxy may answer). */
  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    return new ApiError({
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
      title: typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      ...(typeof problem.detail === 'string' ? { detail: problem.detail } : {}),
      errors: Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [],
      retryAfter,
    });
  }
}

/** The request never got an answer (offline, DNS, connection reset, server down). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : 'Network request failed', { cause });
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Worth trying again later: no answer, a server error, or rate limited. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ApiError && (error.status >= 500 || error.status === 429 || error.status === 408);
}
