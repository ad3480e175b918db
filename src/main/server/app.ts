// okno-server's HTTPS app: the routes of src/shared/office/protocol.ts, every answer an envelope,
// every failure answered without a stack or SQL (an unexpected one logged once with a ref code).
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import { loggableError } from '../db/errors'
import { isTransient } from '../sync/errors'
import { OknoError } from '../../shared/ipc/envelope'
import { OFFICE_API_PREFIX, type OfficeErrorCode } from '../../shared/office/protocol'
import { HttpError, sendError } from './http'
import { chargesOfMonth } from './routes/charges'
import { download } from './routes/download'
import { enroll } from './routes/enroll'
import { hello } from './routes/hello'
import { op } from './routes/ops'
import { pull } from './routes/pull'
import { push } from './routes/push'
import { signIn, signOut } from './routes/sessions'
import type { ServerState } from './state'
import type { TlsIdentity } from './tls'

/** Headers must arrive within this; a whole request body within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 20_000
const REQUEST_TIMEOUT_MS = 120_000
/** Longer than a long poll, so a desk's idle keep-alive connection is not cut under it. */
const KEEP_ALIVE_MS = 65_000

const OKNO_TO_OFFICE: Partial<Record<OknoError['code'], OfficeErrorCode>> = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  BAD_CREDENTIALS: 'UNAUTHENTICATED',
  LOGIN_LOCKED: 'LOCKED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  UNAVAILABLE: 'UNAVAILABLE',
}

/** A statement cancelled by the statement timeout, or a lock not granted: busy, not unreachable. */
const CUT_SQLSTATES = new Set(['57014', '55P03'])

type Route = (state: ServerState, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void

const ROUTES: Record<string, Route> = {
  'GET /hello': (state, _req, res) => hello(state, res),
  'POST /enroll': enroll,
  'POST /sessions': signIn,
  'DELETE /sessions': signOut,
  'POST /push': push,
  'GET /pull': pull,
  'GET /download': download,
  'GET /charges': chargesOfMonth,
}

const OPS_PREFIX = `${OFFICE_API_PREFIX}/ops/`

async function route(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://okno-server')
  if (req.method === 'POST' && url.pathname.startsWith(OPS_PREFIX)) {
    return op(state, req, res, url.pathname.slice(OPS_PREFIX.length))
  }
  const path = url.pathname.startsWith(`${OFFICE_API_PREFIX}/`)
    ? url.pathname.slice(OFFICE_API_PREFIX.length)
    : ''
  const handler = ROUTES[`${req.method ?? ''} ${path}`]
  if (!handler)
    throw new HttpError('NOT_FOUND', 'Такого адреса на сервере «Окно» нет: проверьте версию «Окна».')
  await handler(state, req, res, url)
}

function answerFailure(state: ServerState, req: IncomingMessage, res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) {
    if (err.code === 'ENROLL_REFUSED' || err.code === 'DESK_REVOKED' || err.code === 'UNAUTHENTICATED') {
      state.log(
        `Отказ ${err.code}: ${req.method} ${req.url?.split('?')[0]} с ${req.socket.remoteAddress ?? '?'}`,
      )
    }
    sendError(res, err.toError())
    return
  }
  if (err instanceof OknoError) {
    sendError(res, {
      code: OKNO_TO_OFFICE[err.code] ?? 'CONFLICT',
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
    })
    return
  }
  if (isTransient(err)) {
    const waited = CUT_SQLSTATES.has((err as { code?: unknown }).code as string)
    state.log(
      `${waited ? 'Запрос к базе данных прерван' : 'База данных недоступна'}: ${loggableError(err).split('\n')[0]}`,
    )
    sendError(res, {
      code: 'UNAVAILABLE',
      message: waited
        ? 'База данных сервера «Окно» не успела ответить (тайм-аут запроса: занята другой операцией); обмен будет повторён.'
        : 'Сервер «Окно» сейчас не может связаться с базой данных; обмен будет повторён.',
    })
    return
  }
  const ref = randomBytes(4).toString('hex').toUpperCase()
  state.log(
    `Ошибка ${ref} (${req.method} ${req.url?.split('?')[0]}): ${loggableError(err).replaceAll('\n', ' |')}`,
  )
  sendError(res, {
    code: 'INTERNAL',
    message: `Внутренняя ошибка сервера «Окно» (код ${ref}): сообщите администратору сервера.`,
  })
}

export function createApp(state: ServerState, tls: TlsIdentity): Server {
  const server = createServer(
    {
      key: tls.key,
      cert: tls.cert,
      minVersion: 'TLSv1.2',
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      keepAliveTimeout: KEEP_ALIVE_MS,
    },
    (req, res) => {
      route(state, req, res).catch((err: unknown) => answerFailure(state, req, res, err))
    },
  )
  // A TLS handshake that fails (a desk refusing the certificate) is the desk's business, not an error here.
  server.on('tlsClientError', () => {})
  return server
}
