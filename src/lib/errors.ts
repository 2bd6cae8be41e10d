/**
 * The one catalog of error codes. Services throw `AppError`s by code and know nothing of HTTP;
 * the HTTP error handler and the WebSocket gateway map the same codes to statuses and frames.
 */
export const errorCatalog = {
  validation_failed: { status: 400, title: 'Validation failed' },
  bad_request: { status: 400, title: 'Bad request' },
  invalid_json: { status: 400, title: 'Malformed JSON' },
  invalid_token: { status: 400, title: 'Invalid or expired token' },
  invalid_cursor: { status: 400, title: 'Invalid cursor' },
  unknown_frame: { status: 400, title: 'Unknown frame type' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  token_expired: { status: 401, title: 'Token expired' },
  invalid_credentials: { status: 401, title: 'Invalid credentials' },
  invalid_mfa_code: { status: 401, title: 'Invalid MFA code' },
  session_revoked: { status: 401, title: 'Session revoked' },
  email_not_verified: { status: 403, title: 'E-mail not verified' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_friends: { status: 403, title: 'Not friends' },
  blocked: { status: 403, title: 'Blocked' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  request_timeout: { status: 408, title: 'Request timeout' },
  conflict: { status: 409, title: 'Conflict' },
  username_taken: { status: 409, title: 'Username taken' },
  already_friends: { status: 409, title: 'Already friends' },
  request_pending: { status: 409, title: 'Request pending' },
  already_member: { status: 409, title: 'Already a member' },
  group_full: { status: 409, title: 'Group full' },
  too_many_reactions: { status: 409, title: 'Too many reactions' },
  too_many_pins: { status: 409, title: 'Too many pins' },
  mfa_already_enabled: { status: 409, title: 'MFA already enabled' },
  mfa_not_enabled: { status: 409, title: 'MFA not enabled' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  range_not_satisfiable: { status: 416, title: 'Range not satisfiable' },
  upgrade_required: { status: 426, title: 'Upgrade required' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'Request header fields too large' },
  internal_error: { status: 500, title: 'Internal server error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  storage_quota_exceeded: { status: 507, title: 'Storage quota exceeded' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** Seconds, for `rate_limited`. */
  readonly retryAfter: number | undefined;
  /** The bucket size, for `rate_limited`. */
  readonly limit: number | undefined;

  constructor(code: ErrorCode, detail?: string, extra: { errors?: FieldError[]; retryAfter?: number; limit?: number } = {}) {
    super(detail ?? errorCatalog[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.errors = extra.errors;
    this.retryAfter = extra.retryAfter;
    this.limit = extra.limit;
  }
}

/** Shorthand for the common "absent or not visible to you" answer. */
export function notFound(what = 'Resource'): AppError {
  return new AppError('not_found', `${what} not found`);
}
