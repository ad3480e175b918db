// Who is calling: the desk by its credential (`Authorization: Desk <deskId>.<secret>`, only the
// secret's SHA-256 kept), and the clerk by a session opened at THAT desk (`X-Okno-Session`).
import type { IncomingMessage } from 'node:http'
import type { Knex } from 'knex'
import type { ClerkRole } from '../../shared/domain/clerk'
import { DESK_AUTH_SCHEME, SESSION_HEADER } from '../../shared/office/protocol'
import { HttpError } from './http'
import type { DeskIdentity, SessionClerk } from './policy'
import { sameHash, sha256Hex } from './secrets'
import type { ServerState } from './state'

/** A desk's last contact and a session's last use are written at most this often. */
const SEEN_EVERY_MS = 60_000

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SECRET = /^[A-Za-z0-9_-]{20,100}$/

const UNKNOWN_DESK =
  'Сервер «Окно» не опознал это рабочее место. Подключите окно к серверу заново: попросите у администратора новый код подключения.'
export const DESK_REVOKED_MESSAGE =
  'Рабочее место отключено от сервера администратором. Данные на этом компьютере сохранены; ' +
  'чтобы продолжить обмен, попросите у администратора новый код подключения.'

interface DeskRow {
  id: string
  workstation_id: string
  office_id: string
  counter_id: string
  number: number
  secret_hash: string
  revoked_at: string | null
}

const lastSeen = new Map<string, number>()

function credentialOf(req: IncomingMessage): { deskId: string; secret: string } | null {
  const header = req.headers.authorization ?? ''
  const [scheme, value, ...rest] = header.split(' ')
  if (scheme !== DESK_AUTH_SCHEME || !value || rest.length > 0) return null
  const dot = value.indexOf('.')
  const deskId = value.slice(0, dot)
  const secret = value.slice(dot + 1)
  return dot > 0 && UUID.test(deskId) && SECRET.test(secret) ? { deskId, secret } : null
}

export async function authenticateDesk(state: ServerState, req: IncomingMessage): Promise<DeskIdentity> {
  const credential = credentialOf(req)
  if (!credential) throw new HttpError('UNAUTHENTICATED', UNKNOWN_DESK)
  const row = (await state.db
    .knex('server_desks as d')
    .join('counters as c', 'c.id', 'd.counter_id')
    .select(
      'd.id',
      'd.workstation_id',
      'd.office_id',
      'd.counter_id',
      'c.number',
      'd.secret_hash',
      'd.revoked_at',
    )
    .where('d.id', credential.deskId)
    .first()) as DeskRow | undefined
  // An unknown desk costs the same comparison as a known one.
  const stored = row?.secret_hash ?? '0'.repeat(64)
  const matches = sameHash(sha256Hex(credential.secret), stored)
  if (!row || !matches) throw new HttpError('UNAUTHENTICATED', UNKNOWN_DESK)
  if (row.revoked_at) throw new HttpError('DESK_REVOKED', DESK_REVOKED_MESSAGE)
  markSeen(state, 'server_desks', 'id', row.id)
  return {
    deskId: row.id,
    workstationId: row.workstation_id,
    officeId: row.office_id,
    counterId: row.counter_id,
    counterNumber: Number(row.number),
  }
}

/**
 * Writes `now` into `table`'s last_seen_at of `id` unless this process wrote it less than a minute
 * ago: a desk's last contact and a session's last use, without a write per request.
 */
function markSeen(
  state: ServerState,
  table: 'server_desks' | 'server_sessions',
  key: string,
  value: string,
): void {
  const now = state.clock.now()
  const seen = `${table}:${value}`
  const before = lastSeen.get(seen)
  if (before !== undefined && now.getTime() - before < SEEN_EVERY_MS) return
  lastSeen.set(seen, now.getTime())
  state.db
    .knex(table)
    .where({ [key]: value })
    .update({ last_seen_at: now.toISOString() })
    .catch(() => lastSeen.delete(seen))
}

/** The sessions a request used were seen now (at most one write a minute per session). */
export function markSessionsSeen(state: ServerState, clerks: Iterable<{ tokenHash: string }>): void {
  for (const clerk of clerks) markSeen(state, 'server_sessions', 'token_hash', clerk.tokenHash)
}

export interface SessionRow extends SessionClerk {
  login: string
  fullName: string
  tokenHash: string
}

/** The clerks whose sessions (by token) are open at `desk`; unknown or ended tokens are left out. */
export async function sessionClerks(
  knex: Knex | Knex.Transaction,
  desk: DeskIdentity,
  tokens: readonly string[],
): Promise<Map<string, SessionRow>> {
  const clerks = new Map<string, SessionRow>()
  if (tokens.length === 0) return clerks
  const rows = (await knex('server_sessions as s')
    .join('clerks as c', 'c.id', 's.clerk_id')
    .select('s.token_hash', 'c.id', 'c.role', 'c.office_id', 'c.login', 'c.full_name')
    .whereIn(
      's.token_hash',
      tokens.map((t) => sha256Hex(t)),
    )
    .andWhere('s.desk_id', desk.deskId)
    .whereNull('s.ended_at')
    .andWhere('c.active', true)) as Array<{
    token_hash: string
    id: string
    role: ClerkRole
    office_id: string | null
    login: string
    full_name: string
  }>
  for (const r of rows) {
    clerks.set(r.id, {
      id: r.id,
      role: r.role,
      officeId: r.office_id,
      login: r.login,
      fullName: r.full_name,
      tokenHash: r.token_hash,
    })
  }
  return clerks
}

/** The clerk of the request's session at `desk`, or 401. */
export async function authenticateClerk(
  state: ServerState,
  desk: DeskIdentity,
  req: IncomingMessage,
): Promise<SessionRow> {
  const header = req.headers[SESSION_HEADER]
  const token = typeof header === 'string' ? header.trim() : ''
  const clerk = token ? [...(await sessionClerks(state.db.knex, desk, [token])).values()][0] : undefined
  if (!clerk) {
    throw new HttpError(
      'UNAUTHENTICATED',
      'Вход сотрудника на сервере «Окно» завершён или не выполнен: войдите в систему заново.',
    )
  }
  markSessionsSeen(state, [clerk])
  return clerk
}
