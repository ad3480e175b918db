// Which server failures are worth retrying as they are (the network, a restart, a timeout, a
// lock) and which are the row's own fault (a constraint, bad data): the first makes the worker
// back off and try the batch again, the second parks the row for a supervisor.
import { withoutValues } from '../db/errors'
import { OfficeLinkError } from './link/types'

const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

// SQLSTATE classes and codes: connection exceptions, insufficient resources, operator
// intervention (shutdown, statement timeout), serialization failures and deadlocks, a lock not
// available.
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57']
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03'])

const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout acquiring a connection/i,
  /connection.*(closed|ended)/i,
  /client has encountered a connection error/i,
  /server closed the connection/i,
  /the database system is (starting up|shutting down)/i,
]

/** The okno-server's refusals of the desk itself: the exchange stops until an administrator acts. */
const DESK_REFUSALS = new Set(['DESK_REVOKED', 'PIN_MISMATCH', 'SCHEMA', 'DEMO_MISMATCH'])

export function isDeskRefusal(err: unknown): boolean {
  return err instanceof OfficeLinkError && DESK_REFUSALS.has(err.code)
}

export function isTransient(err: unknown): boolean {
  if (err instanceof OfficeLinkError) return err.transient
  const e = err as { code?: unknown; message?: unknown }
  const code = typeof e?.code === 'string' ? e.code : ''
  if (TRANSIENT_NODE_CODES.has(code)) return true
  if (/^[0-9A-Z]{5}$/.test(code)) {
    return TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))
  }
  const message = typeof e?.message === 'string' ? e.message : String(err)
  return TRANSIENT_MESSAGES.some((re) => re.test(message))
}

/** The failure in Russian for the status line and the supervisor's view, with the server's text. */
export function describeServerError(err: unknown): string {
  // The link's messages are Russian and fit for a clerk already (link/types.ts).
  if (err instanceof OfficeLinkError) return err.message
  const e = err as { code?: unknown; message?: unknown }
  const code = typeof e?.code === 'string' ? e.code : ''
  // The driver's words only: the statement was set apart (db/errors.ts), a quoted value dropped.
  const text = withoutValues(err)
  if (code === 'ECONNREFUSED') return 'Сервер отделения не отвечает (соединение отклонено).'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Сервер отделения не найден: проверьте адрес.'
  if (code === 'ETIMEDOUT' || /timeout acquiring/i.test(text)) return 'Сервер отделения не ответил вовремя.'
  if (code === '57014') return 'Сервер прервал запрос по тайм-ауту; обмен будет повторён.'
  if (code === '57P01' || code === '57P02' || code === '57P03' || /shutting down|starting up/i.test(text)) {
    return 'Сервер отделения перезапускается; обмен будет повторён.'
  }
  if (code === '28P01' || code === '28000') return 'Сервер отклонил пользователя или пароль.'
  if (code === '3D000') return 'На сервере нет такой базы данных.'
  if (isTransient(err)) return `Связь с сервером прервалась: ${text}`
  return `Сервер отклонил изменение: ${text}`
}
