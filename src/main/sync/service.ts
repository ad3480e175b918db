// The desk's sync as the IPC handlers use it: the mode from the settings, the worker of office
// mode and its status, the supervisor's view of the outbox, joined with the enrollment at an
// okno-server (enrollment.ts) and the clerks' calls the server answers (clerk-calls.ts).
import type { KeySealer } from '../config/passport-key'
import { CURRENT_SCHEMA_VERSION } from '../db/migrate'
import { findOrganisation } from '../db/repositories/organisation'
import { outboxCounts, unparkFailed } from '../db/repositories/outbox'
import type { ClerkInfo } from '../../shared/domain/clerk'
import type { OfficeOp } from '../../shared/office/protocol'
import type { SyncEnrollInput, SyncSettingsInput } from '../../shared/ipc/schemas/sync'
import type { OutboxList, ServerProbe, SyncSettingsView, SyncStatus } from '../../shared/domain/sync'
import { recordAudit } from '../services/core/audit'
import type { ServiceContext } from '../services/core/context'
import { createClerkCalls } from './clerk-calls'
import { ClerkSessions } from './clerk-sessions'
import { openCredential } from './credential'
import { createEnrollment } from './enrollment'
import { httpsLinks, type OfficeLinks } from './office-links'
import { queueRows } from './queue'
import { refreshOverLink } from './refresh-link'
import { SyncWorker } from './worker'

export const LEGACY_MESSAGE =
  'Подключите окно к серверу «Окно»: прямое подключение к базе отделения больше не используется. Получите код подключения у администратора сервера.'

export interface SyncService {
  status(): Promise<SyncStatus>
  syncNow(): Promise<SyncStatus>
  /** A call wrote something: push it now in office mode (the dispatcher calls it). */
  nudge(): void
  outbox(filter: 'pending' | 'failed', limit: number): Promise<OutboxList>
  retryFailed(clerkId: string): Promise<SyncStatus>
  settings(): Promise<SyncSettingsView>
  saveSettings(clerkId: string, input: SyncSettingsInput): Promise<SyncSettingsView>
  probe(url: string): Promise<ServerProbe>
  enroll(clerkId: string, input: SyncEnrollInput): Promise<SyncSettingsView>
  disconnect(clerkId: string): Promise<SyncSettingsView>
  /**
   * Checks a clerk's password: at the server in office mode (its refusal is final), against the
   * synced hash when it cannot be reached or in standalone mode.
   */
  authenticate(ctx: ServiceContext, login: string, password: string): Promise<ClerkInfo>
  /** The clerk signed out: their server session ends once their changes are sent. */
  signedOut(clerkId: string): Promise<void>
  /**
   * An operation that must see every desk's state: `local` (the call's own service, here) in
   * standalone mode; in office mode `op` with `input` on the server under the clerk's session
   * (see SyncWorker.direct), answering the server's result (the channel's output).
   */
  direct<T>(what: string, op: OfficeOp, input: unknown, clerkId: string, local: () => Promise<T>): Promise<T>
  /** Grows each time a download from the server replaced the desk's data (and its clerks). */
  generation(): number
  close(): Promise<void>
}

export interface SyncServiceOptions {
  ctx: ServiceContext
  /** The OS key store (Electron safeStorage); browser mode has none. */
  sealer: KeySealer | null
  /** How the desk reaches an okno-server (tests pass a fake). */
  links?: OfficeLinks
  backupPath?: string
  /** How long a pull waits at the server (tests shorten it). */
  pullWaitMs?: number
  log?: (line: string) => void
}

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

/**
 * Office mode without a worker: a desk of the old direct mode not enrolled yet, or one whose
 * credential cannot be opened. Its outbox waits.
 */
async function stoppedStatus(
  ctx: ServiceContext,
  state: 'unenrolled' | 'refused',
  message: string,
): Promise<SyncStatus> {
  return {
    mode: 'office',
    state,
    ...(await outboxCounts(ctx.db.knex)),
    lastSyncAt: null,
    lastError: message,
    nextAttemptAt: null,
    download: null,
  }
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { ctx, sealer } = options
  const links = options.links ?? httpsLinks
  const sessions = new ClerkSessions()
  let worker: SyncWorker | null = null
  let startError: string | null = null
  // Downloads of workers already stopped (a settings change starts a new worker).
  let pastDownloads = 0

  const stored = (): ReturnType<ServiceContext['settings']['get']>['sync'] => ctx.settings.get().sync

  async function stopWorker(): Promise<void> {
    await worker?.stop()
    pastDownloads += worker?.downloadCount ?? 0
    worker = null
  }

  async function startWorker(): Promise<void> {
    startError = null
    const s = stored()
    if (s.mode !== 'office' || !s.server) return
    let credential
    try {
      credential = openCredential(sealer, s.server)
    } catch (err) {
      startError = (err as Error).message
      options.log?.(`Обмен с сервером не запущен: ${startError}`)
      return
    }
    const org = await findOrganisation(ctx.db)
    const link = links.open({ url: s.server.url, fingerprint: s.server.fingerprint }, credential)
    worker = new SyncWorker({
      local: ctx.db,
      link,
      clock: ctx.clock,
      intervalMs: s.intervalSeconds * 1000,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      demo: org ? Boolean(org.is_demo) : null,
      sessions,
      refresh: refreshOverLink(link),
      ...(options.pullWaitMs !== undefined ? { pullWaitMs: options.pullWaitMs } : {}),
      ...(options.backupPath ? { backupPath: options.backupPath } : {}),
      ...(options.log ? { log: options.log } : {}),
    })
    worker.start()
  }

  async function status(): Promise<SyncStatus> {
    if (worker) return worker.status()
    const s = stored()
    if (s.mode === 'office' && s.legacy && !s.server) return stoppedStatus(ctx, 'unenrolled', LEGACY_MESSAGE)
    if (s.mode === 'office' && startError) return stoppedStatus(ctx, 'refused', startError)
    return standaloneStatus()
  }

  const started = startWorker()
  const enrollment = createEnrollment({ ctx, sealer, links, sessions, started, stopWorker, startWorker })
  const clerkCalls = createClerkCalls({
    ctx,
    sessions,
    started,
    worker: () => worker,
    noWorkerMessage: LEGACY_MESSAGE,
  })

  return {
    ...enrollment,
    ...clerkCalls,
    status: async () => {
      await started
      return status()
    },
    syncNow: async () => {
      await started
      return worker ? worker.syncNow() : status()
    },
    nudge: () => worker?.nudge(),
    async outbox(filter, limit) {
      return { ...(await outboxCounts(ctx.db.knex)), rows: await queueRows(ctx.db, filter, limit) }
    },
    async retryFailed(clerkId) {
      const n = await unparkFailed(ctx.db.knex)
      await recordAudit(ctx, { action: 'sync.retry_failed', clerkId, details: { rows: n } })
      return worker ? worker.syncNow() : status()
    },
    generation: () => pastDownloads + (worker?.downloadCount ?? 0),
    async close() {
      await started
      await stopWorker()
      sessions.clear()
    },
  }
}
