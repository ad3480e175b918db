// The sync worker of one desk in office mode, over the office link (link/types.ts): it pushes the
// outbox promptly (a nudge after each call that wrote, and every interval), keeps a long poll open
// for the other desks' changes, and the first time downloads the office's data. A failure worth
// retrying (the network, a restart, a timeout) makes it back off — 1 s, 2 s, 4 s… up to a
// minute — and try again; nothing is lost meanwhile, the outbox keeps every change. A refusal of
// the desk itself (revoked, a changed certificate, another schema) stops it with the server's
// message. Direct operations run on the server through it, one at a time with its pushes.
import type { Db } from '../db/connection'
import { clerkNames } from '../db/repositories/clerks'
import { outboxCounts } from '../db/repositories/outbox'
import { readState, writeState } from '../db/repositories/sync-state'
import { loggableError } from '../db/errors'
import { OknoError, type ErrorCode } from '../../shared/ipc/envelope'
import type { OfficeOp } from '../../shared/office/protocol'
import type { DownloadProgress, SyncState, SyncStatus } from '../../shared/domain/sync'
import type { Clock } from '../services/core/context'
import type { ChargesRefresh } from './apply'
import { shortName, type ClerkSessions } from './clerk-sessions'
import { initialDownload, isDownloaded } from './download'
import { describeServerError, isDeskRefusal, isTransient } from './errors'
import { OfficeLinkError, type OfficeLink } from './link/types'
import { PULL_WAIT_MS, pullAll, pullBatch } from './pull'
import { pushAll } from './push'
import { schemaMismatch } from './server'

export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 }

export interface SyncWorkerOptions {
  local: Db
  link: OfficeLink
  clock: Clock
  intervalMs: number
  /**
   * This desk's schema version and demo flag: a server of another is refused. The flag is null
   * while the store holds no organisation yet (a new desk takes the server's).
   */
  schemaVersion: number
  demo: boolean | null
  sessions: ClerkSessions
  backoff?: BackoffPolicy
  /** How long a pull waits at the server for a change (tests shorten it). */
  pullWaitMs?: number
  /** How a pulled charges refresh replaces the month's charges here. */
  refresh?: ChargesRefresh
  /** Where a desk used alone before keeps a copy of its old store at the first download. */
  backupPath?: string
  log?: (line: string) => void
}

/** The desk cannot exchange with this server until an administrator acts; the message says what. */
class DeskRefused extends Error {}

/** The delay before attempt `failures` (1, 2, …): doubling from the base, capped, ±20 %. */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}

/** The server's refusal of an operation as the desk's error code (the message is the server's). */
const OP_CODES: Record<string, ErrorCode> = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  LOCKED: 'LOGIN_LOCKED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
}

/** A direct operation refused because the server cannot be reached; `why` is the link's message. */
export function unreachableFor(what: string, why: string | null): OknoError {
  return new OknoError(
    'UNAVAILABLE',
    `Нет связи с сервером «Окно»: ${what} выполняется только на сервере, чтобы учесть все окна. Повторите, когда связь восстановится.${why ? ` (${why})` : ''}`,
  )
}

export class SyncWorker {
  private state: SyncState = 'offline'
  private lastError: string | null = null
  /** Who must sign in for the held-back changes to go («Иванова А. П.»), empty when none. */
  private waiting: string | null = null
  private lastSyncAt: string | null = null
  private nextAttemptAt: string | null = null
  private download: DownloadProgress | null = null
  private failures = 0
  /** Schema, server and download checked on the current connection (reset by a failure). */
  private ready = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private queue: Promise<unknown> = Promise.resolve()
  private downloads = 0
  private pulling: Promise<void> | null = null
  private wake: (() => void) | null = null

  constructor(private readonly o: SyncWorkerOptions) {}

  get options(): SyncWorkerOptions {
    return this.o
  }

  /** How many first downloads this worker has finished (each replaces the desk's data). */
  get downloadCount(): number {
    return this.downloads
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.schedule(0)
    this.pulling = this.pullLoop()
  }

  /** Stops both loops and closes the link (a waiting pull is cut). */
  async stop(): Promise<void> {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.wake?.()
    await this.queue.catch(() => {})
    await this.o.link.close().catch(() => {})
    await this.pulling?.catch(() => {})
  }

  /** A call wrote something: push it now instead of at the next interval. */
  nudge(): void {
    if (this.running && this.state !== 'refused') this.schedule(0)
  }

  /**
   * One exchange now: a push, then the server's changes without waiting (waits for a running
   * push first). Never throws: the outcome is in the status.
   */
  async syncNow(): Promise<SyncStatus> {
    await this.exclusive(async () => {
      await this.cycle()
      if (this.state !== 'online') return
      try {
        await this.succeeded(await pullAll(this.o.local, this.o.link, this.o.refresh))
      } catch (err) {
        this.failed(err)
      }
    })
    return this.status()
  }

  async status(): Promise<SyncStatus> {
    const counts = await outboxCounts(this.o.local.knex)
    return {
      mode: 'office',
      state: this.state,
      ...counts,
      lastSyncAt: this.lastSyncAt ?? (await readState(this.o.local.knex, 'last_sync_at')),
      lastError: this.lastError ?? this.waiting,
      nextAttemptAt: this.nextAttemptAt,
      download: this.download,
    }
  }

  /**
   * Runs an operation that must see every desk's state on the okno-server: the desk's own
   * changes go first, then the operation under the clerk's session, then the server's changes
   * come back. Refused with UNAVAILABLE while the server cannot be reached.
   */
  async direct(what: string, op: OfficeOp, input: unknown, token: string): Promise<unknown> {
    return this.exclusive(async () => {
      const offline = (err: unknown): OknoError => unreachableFor(what, describeServerError(err))
      try {
        await this.prepare()
        await this.push()
      } catch (err) {
        this.failed(err)
        if (err instanceof DeskRefused || isDeskRefusal(err)) {
          throw new OknoError('UNAVAILABLE', (err as Error).message)
        }
        throw offline(err)
      }
      let result: unknown
      try {
        result = await this.o.link.op(op, input, token)
      } catch (err) {
        if (isTransient(err) || isDeskRefusal(err)) {
          this.failed(err)
          throw isDeskRefusal(err) ? new OknoError('UNAVAILABLE', (err as Error).message) : offline(err)
        }
        if (err instanceof OfficeLinkError) {
          throw new OknoError(OP_CODES[err.code] ?? 'CONFLICT', err.message)
        }
        throw err
      }
      try {
        await this.succeeded(await pullAll(this.o.local, this.o.link, this.o.refresh))
      } catch (err) {
        // Done on the server; the rows reach this desk with the next pull.
        this.failed(err)
      }
      return result
    })
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => {})
    return run
  }

  private schedule(delayMs: number): void {
    if (!this.running) return
    if (this.timer) clearTimeout(this.timer)
    this.nextAttemptAt = new Date(this.o.clock.now().getTime() + delayMs).toISOString()
    this.timer = setTimeout(() => {
      this.timer = null
      void this.exclusive(() => this.cycle()).then(() => {
        if (this.timer) return // nudged meanwhile
        const delay = this.failures === 0 ? this.o.intervalMs : backoffDelay(this.failures, this.policy())
        this.schedule(delay)
      })
    }, delayMs)
  }

  private policy(): BackoffPolicy {
    return this.o.backoff ?? DEFAULT_BACKOFF
  }

  /**
   * Once per connection: the server's hello (schema, demo), and the first download when this
   * store has not downloaded from that server yet (a desk that downloaded from the same office
   * database before, directly or through another server, keeps its data and cursor).
   */
  private async prepare(): Promise<void> {
    if (this.ready) return
    const hello = await this.o.link.hello()
    const mismatch = schemaMismatch(hello.schemaVersion, this.o.schemaVersion)
    if (mismatch) throw new DeskRefused(mismatch)
    if (this.o.demo !== null && hello.demo !== this.o.demo) {
      throw new DeskRefused(
        hello.demo
          ? 'Сервер «Окно» работает с демонстрационными данными, а это окно — с настоящими. Подключите окно к серверу своей организации.'
          : 'Это окно работает с демонстрационными данными, а сервер «Окно» — с настоящими. Обратитесь к администратору сервера.',
      )
    }
    const knownId = await readState(this.o.local.knex, 'server_id')
    const downloaded = await isDownloaded(this.o.local)
    if (downloaded && knownId !== null && knownId !== hello.serverId) {
      const unsent = (await outboxCounts(this.o.local.knex)).pending
      if (unsent > 0) {
        throw new DeskRefused(
          `Окно связано с другим сервером отделения, и ${unsent} изменений ещё не отправлены туда. Подключите окно к прежнему серверу, чтобы отправить их, или обратитесь к администратору.`,
        )
      }
    }
    if (!downloaded || knownId !== hello.serverId) {
      this.state = 'downloading'
      const started = Date.now()
      const { rows } = await initialDownload(this.o.local, this.o.link, (p) => (this.download = p), {
        ...(this.o.backupPath ? { backupTo: this.o.backupPath } : {}),
      })
      this.download = null
      this.downloads++
      this.o.log?.(`Первичная загрузка: ${rows} строк за ${Math.round((Date.now() - started) / 1000)} с`)
    }
    this.ready = true
    this.wake?.()
  }

  /** The outbox through the server; the held-back changes' clerks named in the status. */
  private async push(): Promise<number> {
    await this.o.sessions.resume(this.o.link)
    const r = await pushAll(this.o.local, this.o.link, () => this.o.sessions.all(), this.o.clock)
    if (r.waitingClerks.length === 0) {
      this.waiting = null
    } else {
      const names = await clerkNames(this.o.local.knex, r.waitingClerks)
      const list = r.waitingClerks.map((id) => shortName(names.get(id) ?? 'сотрудник')).join(', ')
      this.waiting = `Изменения ждут входа сотрудника: ${list}`
    }
    return r.sent + r.failed
  }

  private async cycle(): Promise<void> {
    try {
      await this.prepare()
      await this.succeeded(await this.push())
    } catch (err) {
      this.failed(err)
    }
  }

  /**
   * The long poll: one pull after another while the worker runs, each answered at once when
   * another desk changed something. Its own backoff after a failure; it waits for the first
   * download before its first pull.
   */
  private async pullLoop(): Promise<void> {
    let failures = 0
    while (this.running) {
      if (!this.ready || this.state === 'refused') {
        await this.pause(failures > 0 ? backoffDelay(failures, this.policy()) : this.o.intervalMs)
        continue
      }
      try {
        const n = await pullBatch(
          this.o.local,
          this.o.link,
          this.o.pullWaitMs ?? PULL_WAIT_MS,
          this.o.refresh,
        )
        failures = 0
        if (n > 0 && this.running) await this.succeeded(n)
      } catch (err) {
        if (!this.running) return
        failures++
        await this.exclusive(async () => this.failed(err))
        await this.pause(backoffDelay(failures, this.policy()))
      }
    }
  }

  /** Waits `ms`, or less when the worker stops or becomes ready. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms)
      const wake = (): void => done()
      this.wake = wake
      function done(): void {
        clearTimeout(t)
        resolve()
      }
    })
  }

  /**
   * A successful exchange. Its time is kept in the store too (shown after a restart) when rows
   * moved or on the first success since start, not every quiet cycle.
   */
  private async succeeded(moved: number): Promise<void> {
    const first = this.lastSyncAt === null
    this.failures = 0
    this.state = 'online'
    this.lastError = null
    this.lastSyncAt = this.o.clock.now().toISOString()
    if (moved > 0 || first) await writeState(this.o.local.knex, 'last_sync_at', this.lastSyncAt)
  }

  private failed(err: unknown): void {
    this.failures++
    this.download = null
    this.ready = false
    if (err instanceof DeskRefused || isDeskRefusal(err)) {
      this.state = 'refused'
      this.lastError = (err as Error).message
      return
    }
    this.state = 'offline'
    this.lastError = isTransient(err)
      ? describeServerError(err)
      : `Ошибка обмена: ${describeServerError(err)}`
    if (!isTransient(err)) this.o.log?.(`Обмен с сервером: ${loggableError(err)}`)
  }
}
