// The desk's sync as the IPC handlers use it: the mode and the okno-server enrollment from the
// settings (the desk's credential sealed by the OS key store), the worker of office mode, the
// clerks' server sessions, the supervisor's view of the outbox, and direct operations — on the
// server in office mode, here in standalone mode.
import { hostname } from 'node:os'
import type { KeySealer } from '../config/passport-key'
import { storedSyncView } from '../config/settings'
import { CURRENT_SCHEMA_VERSION } from '../db/migrate'
import { findClerkById, toClerkInfo } from '../db/repositories/clerks'
import { findOffice, findOrganisation } from '../db/repositories/organisation'
import { outboxCounts, unparkFailed, unsentOfClerk } from '../db/repositories/outbox'
import { OknoError } from '../../shared/ipc/envelope'
import type { ClerkInfo } from '../../shared/domain/clerk'
import type { OfficeOp } from '../../shared/office/protocol'
import type { SyncEnrollInput, SyncSettingsInput } from '../../shared/ipc/schemas/sync'
import type { OutboxList, ServerProbe, SyncSettingsView, SyncStatus } from '../../shared/domain/sync'
import { recordAudit } from '../services/core/audit'
import type { ServiceContext } from '../services/core/context'
import { authenticate } from '../services/clerks/sign-in'
import { ClerkSessions } from './clerk-sessions'
import { openCredential, sealSecret } from './credential'
import { describeServerError, isDeskRefusal, isTransient } from './errors'
import { OfficeLinkError } from './link/types'
import { httpsLinks, type OfficeLinks } from './office-links'
import { queueRows } from './queue'
import { refreshOverLink } from './refresh-link'
import { SyncWorker, unreachableFor } from './worker'

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

/** A failure of the link at enrollment or probe as the administrator's form shows it. */
function linkRefusal(err: unknown): OknoError {
  if (err instanceof OknoError) return err
  if (err instanceof OfficeLinkError) {
    if (err.code === 'ENROLL_REFUSED' || err.code === 'VALIDATION') {
      return new OknoError('VALIDATION', err.message, { code: err.message })
    }
    if (err.code === 'PIN_MISMATCH')
      return new OknoError('VALIDATION', err.message, { fingerprint: err.message })
    if (err.transient) return new OknoError('UNAVAILABLE', err.message)
    return new OknoError('CONFLICT', err.message)
  }
  return new OknoError('UNAVAILABLE', describeServerError(err))
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

  async function view(): Promise<SyncSettingsView> {
    const s = stored()
    const { officeId } = ctx.settings.get()
    const office = s.server && officeId ? await findOffice(ctx.db, officeId) : undefined
    return {
      ...storedSyncView(s),
      osKeyStore: sealer !== null,
      officeName: office && office.code === s.server?.officeCode ? office.name : null,
    }
  }

  async function status(): Promise<SyncStatus> {
    if (worker) return worker.status()
    const s = stored()
    if (s.mode === 'office' && s.legacy && !s.server) return stoppedStatus(ctx, 'unenrolled', LEGACY_MESSAGE)
    if (s.mode === 'office' && startError) return stoppedStatus(ctx, 'refused', startError)
    return standaloneStatus()
  }

  const started = startWorker()

  return {
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
    settings: view,
    async saveSettings(clerkId, input) {
      await started
      await stopWorker()
      ctx.settings.update({ sync: { ...stored(), intervalSeconds: input.intervalSeconds } })
      await recordAudit(ctx, {
        action: 'sync.settings',
        clerkId,
        details: { intervalSeconds: input.intervalSeconds },
      })
      await startWorker()
      return view()
    },
    async probe(url) {
      try {
        const { fingerprint, hello } = await links.probe(url)
        return {
          fingerprint,
          organisation: hello.organisation,
          demo: hello.demo,
          schemaVersion: hello.schemaVersion,
        }
      } catch (err) {
        throw linkRefusal(err)
      }
    },
    async enroll(clerkId, input) {
      await started
      const org = await findOrganisation(ctx.db)
      let enrolled
      try {
        // A new desk's store holds no organisation yet: it joins the server's kind of data.
        const demo = org ? Boolean(org.is_demo) : (await links.probe(input.url)).hello.demo
        enrolled = await links.enroll(
          { url: input.url, fingerprint: input.fingerprint },
          {
            code: input.code,
            workstationId: ctx.settings.get().workstationId,
            name: hostname().slice(0, 200) || 'окно',
            schemaVersion: CURRENT_SCHEMA_VERSION,
            demo,
          },
        )
      } catch (err) {
        throw linkRefusal(err)
      }
      await stopWorker()
      sessions.clear()
      ctx.settings.update({
        officeId: enrolled.officeId,
        counterNumber: enrolled.counterNumber,
        sync: {
          mode: 'office',
          legacy: false,
          intervalSeconds: stored().intervalSeconds,
          server: {
            url: input.url,
            fingerprint: input.fingerprint,
            deskId: enrolled.deskId,
            secret: sealSecret(sealer, enrolled.secret),
            officeCode: enrolled.officeCode,
            counterNumber: enrolled.counterNumber,
            serverId: enrolled.serverId,
          },
        },
      })
      await recordAudit(ctx, {
        action: 'sync.enrolled',
        clerkId,
        details: {
          url: input.url,
          fingerprint: input.fingerprint,
          deskId: enrolled.deskId,
          officeCode: enrolled.officeCode,
          counterNumber: enrolled.counterNumber,
        },
      })
      await startWorker()
      return view()
    },
    async disconnect(clerkId) {
      await started
      const was = stored().server
      await stopWorker()
      sessions.clear()
      ctx.settings.update({
        sync: { mode: 'standalone', server: null, legacy: false, intervalSeconds: stored().intervalSeconds },
      })
      await recordAudit(ctx, {
        action: 'sync.disconnected',
        clerkId,
        details: { url: was?.url ?? null, deskId: was?.deskId ?? null },
      })
      return view()
    },
    async authenticate(callCtx, login, password) {
      await started
      const w = worker
      if (!w) return authenticate(callCtx, login, password)
      try {
        const answer = await w.options.link.signIn(login, password)
        sessions.signedIn(answer)
        const row = await findClerkById(callCtx.db, answer.clerk.id)
        return row ? toClerkInfo(row) : { ...answer.clerk }
      } catch (err) {
        if (err instanceof OfficeLinkError && !err.transient && !isDeskRefusal(err)) {
          // The server's word is final: the lockout lives there, for the whole office.
          throw new OknoError(err.code === 'LOCKED' ? 'LOGIN_LOCKED' : 'BAD_CREDENTIALS', err.message)
        }
        if (!isTransient(err) && !isDeskRefusal(err)) throw err
      }
      const clerk = await authenticate(callCtx, login, password)
      sessions.remember(clerk.id, login, password)
      return clerk
    },
    async signedOut(clerkId) {
      const w = worker
      if (!w) {
        sessions.forget(clerkId)
        return
      }
      // The clerk's changes go with their session; the session ends only when none is left.
      await w.syncNow()
      if ((await unsentOfClerk(ctx.db.knex, clerkId)) > 0) return
      const token = sessions.forget(clerkId)
      if (token) await w.options.link.signOut(token).catch(() => {})
    },
    async direct<T>(
      what: string,
      op: OfficeOp,
      input: unknown,
      clerkId: string,
      local: () => Promise<T>,
    ): Promise<T> {
      await started
      if (!worker) {
        if (stored().mode === 'office') {
          throw new OknoError('UNAVAILABLE', `${LEGACY_MESSAGE} До этого нельзя выполнить: ${what}.`)
        }
        return local()
      }
      let token = sessions.tokenOf(clerkId)
      if (!token) {
        // Signed in here while the server was out of reach: an exchange now signs the clerk in
        // there too when it answers.
        const after = await worker.syncNow()
        token = sessions.tokenOf(clerkId)
        if (!token && after.state === 'refused') throw new OknoError('UNAVAILABLE', after.lastError ?? what)
        if (!token && after.state !== 'online') throw unreachableFor(what, after.lastError)
      }
      if (!token) {
        throw new OknoError(
          'UNAVAILABLE',
          `Сервер «Окно» не подтвердил ваш вход (пароль на сервере мог смениться): ${what} выполняется только на сервере. Выйдите и войдите снова с паролем, который знает сервер.`,
        )
      }
      return (await worker.direct(what, op, input, token)) as T
    },
    generation: () => pastDownloads + (worker?.downloadCount ?? 0),
    async close() {
      await started
      await stopWorker()
      sessions.clear()
    },
  }
}
