// The server's side of HTTP: envelope answers with the protocol's status codes, JSON bodies read
// with a size limit and checked by their schema, and the one error type a route throws.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { validationError } from '../ipc/validation-envelope'
import { MAX_BODY_BYTES, type OfficeError, type OfficeErrorCode } from '../../shared/office/protocol'

export const STATUS: Record<OfficeErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  DESK_REVOKED: 401,
  ENROLL_REFUSED: 403,
  FORBIDDEN: 403,
  LOCKED: 423,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  CONFLICT: 409,
  SCHEMA: 409,
  DEMO_MISMATCH: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
}

/** A refusal the route means: answered as its envelope, never logged as a failure. */
export class HttpError extends Error {
  constructor(
    readonly code: OfficeErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }

  toError(): OfficeError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

export function sendData(res: ServerResponse, data: unknown): void {
  sendJson(res, 200, { ok: true, data })
}

export function sendError(res: ServerResponse, error: OfficeError): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  sendJson(res, STATUS[error.code], { ok: false, error })
}

const TOO_LARGE = (): HttpError =>
  new HttpError('TOO_LARGE', `Запрос больше ${MAX_BODY_BYTES / 1024 / 1024} МБ: отправьте изменения частями.`)

/** The body as text, refused with 413 as soon as it is longer than the limit. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw TOO_LARGE()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw TOO_LARGE()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The JSON body parsed by `schema`; any other media type, bad JSON or shape is a VALIDATION. */
export async function readJson<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limit = MAX_BODY_BYTES,
): Promise<z.output<S>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new HttpError('VALIDATION', 'Запрос должен быть в формате JSON (application/json).')
  }
  const text = await readBody(req, limit)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError('VALIDATION', 'Запрос не разобран: это не JSON.')
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const envelope = validationError(parsed.error)
    if (envelope.ok) throw new Error('unreachable')
    throw new HttpError('VALIDATION', envelope.error.message, envelope.error.fields)
  }
  return parsed.data
}
