/**
 * The one domain error type. Domain code throws it with a code from the table
 * below; the HTTP edge maps the code to a status and sends
 * { error: { code, message } }. Anything else becomes a 500 whose message is
 * never shown to the client.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_NUMBER: 400,
  INVALID_PATTERN: 400,
  INVALID_SPELLING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  HANDLE_TAKEN: 409,
  EMAIL_TAKEN: 409,
  NUMBER_TAKEN: 409,
  NUMBER_HELD: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SEQUENCE_EXHAUSTED: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, safe-to-show details (which field, when to retry...). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ErrorBody = { error: { code: ErrorCode; message: string } & Record<string, unknown> };

export function errorBody(err: DomainError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details ?? {}) } };
}
