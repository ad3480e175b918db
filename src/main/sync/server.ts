// The office server as the desk reaches it: the connection from the settings, the schema check
// that refuses a server of another version, and the context a direct operation runs in.
import { createHash } from 'node:crypto'
import { openDb, type Db } from '../db/connection'
import { CURRENT_SCHEMA_VERSION, schemaVersion } from '../db/migrate'
import { ensureServerId } from '../db/repositories/sync-state'
import type { ServiceContext } from '../services/core/context'
import { serverChangeLog } from './change-log'
import { describeServerError } from './errors'

/** What a direct connection's check found (the server's own CLI and tests). */
export interface ServerCheck {
  ok: boolean
  message: string
  serverVersion: number | null
  localVersion: number
}

export interface ServerConfig {
  host: string
  port: number
  database: string
  user: string
  password: string | null
}

export const SERVER_STATEMENT_TIMEOUT_MS = 30_000
export const SERVER_CONNECT_TIMEOUT_MS = 5_000

export function serverUrl(c: ServerConfig): string {
  const url = new URL('postgres://localhost')
  url.hostname = c.host
  url.port = String(c.port)
  url.pathname = `/${c.database}`
  url.username = c.user
  if (c.password) url.password = c.password
  return url.toString()
}

export function openServer(
  connectionString: string,
  options: { statementTimeoutMs?: number; connectTimeoutMs?: number } = {},
): Db {
  return openDb({
    client: 'pg',
    connectionString,
    statementTimeoutMs: options.statementTimeoutMs ?? SERVER_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: options.connectTimeoutMs ?? SERVER_CONNECT_TIMEOUT_MS,
  })
}

/**
 * The server's identity: a UUID kept in its own `sync_state`, made the first time a desk asks.
 * A desk remembers the server it downloaded from, so pointing it at another office's server
 * starts a new download instead of mixing two offices.
 */
export async function serverIdentity(server: Db): Promise<string> {
  return ensureServerId(server.knex)
}

/** Null when the server's schema is this desk's; otherwise what is wrong and what to do. */
export function schemaMismatch(server: number, local: number = CURRENT_SCHEMA_VERSION): string | null {
  if (server === local) return null
  if (server === 0) {
    return 'На сервере отделения нет базы «Окна»: подготовьте её командой npm run server:migrate.'
  }
  if (server > local) {
    return `Схема базы на сервере новее (версия ${server}), чем у этого рабочего места (версия ${local}): обновите «Окно» на этом рабочем месте.`
  }
  return `Схема базы на сервере старее (версия ${server}), чем у этого рабочего места (версия ${local}): обновите схему сервера командой npm run server:migrate.`
}

/** Connects, reads the schema version, compares it with this desk's. Never throws. */
export async function checkServer(server: Db): Promise<ServerCheck> {
  try {
    const version = await schemaVersion(server.knex)
    const mismatch = schemaMismatch(version)
    return {
      ok: mismatch === null,
      message: mismatch ?? `Соединение установлено, схема базы версии ${version} совпадает.`,
      serverVersion: version,
      localVersion: CURRENT_SCHEMA_VERSION,
    }
  } catch (err) {
    return {
      ok: false,
      message: describeServerError(err),
      serverVersion: null,
      localVersion: CURRENT_SCHEMA_VERSION,
    }
  }
}

/**
 * The audit chain a desk's direct operations write on the server: its own (derived from the
 * desk's id), so the desk's local chain and the server-made entries never compete for a number.
 */
export function directChainId(workstationId: string): string {
  const h = createHash('sha256').update(`${workstationId}:server`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The context of an operation that runs on the office server and logs its changes there. */
export function serverContext(ctx: ServiceContext, server: Db): ServiceContext {
  const chain = directChainId(ctx.settings.get().workstationId)
  return {
    ...ctx,
    db: server,
    settings: { get: () => ({ ...ctx.settings.get(), workstationId: chain }), update: ctx.settings.update },
    changeLog: serverChangeLog,
  }
}
