// The result envelope every channel returns: errors are values with a Russian message for the clerk.
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'UNAUTHENTICATED',
  'SCREEN_LOCKED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'LOGIN_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'IDENTITY_MISMATCH',
  'UNAVAILABLE',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface OknoErrorData {
  code: ErrorCode
  message: string
  /** Per-field messages for a form (field name → what to fix). */
  fields?: Record<string, string>
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: OknoErrorData }

/** An error meant for the clerk: `message` is a Russian sentence saying what to do next. */
export class OknoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'OknoError'
  }

  toData(): OknoErrorData {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}
