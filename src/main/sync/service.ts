// The desk's sync as the IPC handlers use it: the mode and server connection from the settings
// (the password sealed by the OS key store), the worker of office mode, the supervisor's view of
// the outbox, and direct operations — on the server in office mode, here in standalone mode.
import type { KeySealer } from '../config/passport-key'
import { storedSyncView, type StoredServer } from '../config/settings'
import type { Db } from '../db/connection'
import { outboxCounts, unparkFailed } from '../db/repositories/outbox'
import { OknoError } from '../../shared/ipc/envelope'
import type { SyncServerInput, SyncSettingsInput } from '../../shared/ipc/schemas/sync'
import type { OutboxList, ServerCheck, SyncSettingsView, SyncStatus } from '../../shared/domain/sync'
import { recordAudit } from '../services/core/audit'
import type { ServiceContext } from '../services/core/context'
import { queueRows } from './queue'
import { checkServer, openServer, serverUrl, type ServerConfig } from './server'
import { SyncWorker } from './worker'

export interface SyncService {
  status(): Promise<SyncStatus>
  syncNow(): Promise<SyncStatus>
  outbox(filter: 'pending' | 'failed', limit: number): Promise<OutboxList>
  retryFailed(clerkId: string): Promise<SyncStatus>
  settings(): SyncSettingsView
  saveSettings(clerkId: string, input: SyncSettingsInput): Promise<SyncSettingsView>
  testServer(input: SyncServerInput): Promise<ServerCheck>
  /** An operation that must see every desk's state (see SyncWorker.direct). */
  direct<T>(what: string, op: (ctx: ServiceContext) => Promise<T>): Promise<T>
  /** Grows each time a download from the server replaced the desk's data (and its clerks). */
  generation(): number
  close(): Promise<void>
}

export interface SyncServiceOptions {
  ctx: ServiceContext
  /** The OS key store (Electron safeStorage); browser mode has none. */
  sealer: KeySealer | null
  backupPath?: string
  log?: (line: string) => void
}

function sealPassword(sealer: KeySealer | null, password: string): StoredServer['password'] {
  return sealer
    ? { format: 'os', data: sealer.seal(Buffer.from(password, 'utf8')) }
    : { format: 'plain', data: Buffer.from(password, 'utf8').toString('base64') }
}

function openPassword(sealer: KeySealer | null, stored: StoredServer['password']): string | null {
  if (!stored) return null
  if (stored.format === 'plain') return Buffer.from(stored.data, 'base64').toString('utf8')
  if (!sealer) {
    throw new OknoError(
      'UNAVAILABLE',
      'Пароль сервера защищён системным хранилищем и доступен только в настольном приложении «Окно».',
    )
  }
  return sealer.open(stored.data).toString('utf8')
}

/** Standalone mode has no queue to push: every figure of the status is empty. */
async function standaloneStatus(): Promise<SyncStatus> {
  return {
    mode: 'standalone',
    state: 'standalone',
    pending: 0,
    failed: 0,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
    download: null,
  }
}

function serverConfig(sealer: KeySealer | null, s: StoredServer): ServerConfig {
  return {
    host: s.host,
    port: s.port,
    database: s.database,
    user: s.user,
    password: openPassword(sealer, s.password),
  }
}

/** The input's server with the password to use: typed, or the saved one when left out. */
function inputServer(
  sealer: KeySealer | null,
  saved: StoredServer | null | undefined,
  input: SyncServerInput,
): StoredServer {
  const password =
    input.password === undefined
      ? (saved?.password ?? null)
      : input.password === ''
        ? null
        : sealPassword(sealer, input.password)
  return { host: input.host, port: input.port, database: input.database, user: input.user, password }
}

/** Browser mode cannot open a password sealed by the OS key store, so cannot run office mode with it. */
function requireOpenablePassword(
  sealer: KeySealer | null,
  mode: SyncSettingsInput['mode'],
  server: StoredServer | null | undefined,
): void {
  if (mode === 'office' && server?.password?.format === 'os' && !sealer) {
    throw new OknoError('UNAVAILABLE', 'Пароль сервера защищён системным хранилищем: введите его заново.', {
      password: 'Введите пароль заново',
    })
  }
}

/** Office mode's worker, started, with its connection to the server; null in standalone mode. */
function startOfficeWorker(options: SyncServiceOptions): { worker: SyncWorker; server: Db } | null {
  const { ctx, sealer } = options
  const s = ctx.settings.get().sync
  if (s.mode !== 'office' || !s.server) return null
  let url: string
  try {
    url = serverUrl(serverConfig(sealer, s.server))
  } catch (err) {
    options.log?.(`Обмен с сервером не запущен: ${(err as Error).message}`)
    return null
  }
  const server = openServer(url)
  const worker = new SyncWorker({
    local: ctx.db,
    server,
    origin: ctx.settings.get().workstationId,
    clock: ctx.clock,
    intervalMs: s.intervalSeconds * 1000,
    ...(options.backupPath ? { backupPath: options.backupPath } : {}),
    ...(options.log ? { log: options.log } : {}),
  })
  worker.start()
  return { worker, server }
}

async function testServerConnection(sealer: KeySealer | null, s: StoredServer): Promise<ServerCheck> {
  const db = openServer(serverUrl(serverConfig(sealer, s)))
  try {
    return await checkServer(db)
  } finally {
    await db.close()
  }
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { ctx, sealer } = options
  let worker: SyncWorker | null = null
  let server: Db | null = null
  // Downloads of workers already stopped (a settings change starts a new worker).
  let pastDownloads = 0

  function stored(): ReturnType<ServiceContext['settings']['get']>['sync'] {
    return ctx.settings.get().sync
  }

  async function stopWorker(): Promise<void> {
    await worker?.stop()
    pastDownloads += worker?.downloadCount ?? 0
    await server?.close()
    worker = null
    server = null
  }

  function startWorker(): void {
    const started = startOfficeWorker(options)
    worker = started?.worker ?? null
    server = started?.server ?? null
  }

  function view(): SyncSettingsView {
    return { ...storedSyncView(stored()), passwordSealed: sealer !== null }
  }

  startWorker()

  return {
    status: () => (worker ? worker.status() : standaloneStatus()),
    syncNow: () => (worker ? worker.syncNow() : standaloneStatus()),
    async outbox(filter, limit) {
      return { ...(await outboxCounts(ctx.db.knex)), rows: await queueRows(ctx.db, filter, limit) }
    },
    async retryFailed(clerkId) {
      const n = await unparkFailed(ctx.db.knex)
      await recordAudit(ctx, { action: 'sync.retry_failed', clerkId, details: { rows: n } })
      return worker ? worker.syncNow() : standaloneStatus()
    },
    settings: view,
    async saveSettings(clerkId, input) {
      const server = input.server ? inputServer(sealer, stored().server, input.server) : stored().server
      requireOpenablePassword(sealer, input.mode, server)
      await stopWorker()
      ctx.settings.update({ sync: { mode: input.mode, server, intervalSeconds: input.intervalSeconds } })
      await recordAudit(ctx, {
        action: 'sync.settings',
        clerkId,
        details: { mode: input.mode, host: server?.host ?? null, database: server?.database ?? null },
      })
      startWorker()
      return view()
    },
    async testServer(input) {
      return testServerConnection(sealer, inputServer(sealer, stored().server, input))
    },
    direct(what, op) {
      return worker ? worker.direct(ctx, what, op) : op(ctx)
    },
    generation: () => pastDownloads + (worker?.downloadCount ?? 0),
    close: stopWorker,
  }
}
