// The sync worker of one desk in office mode, over the office link (link/types.ts): it pushes the
// outbox promptly (a nudge after each call that wrote, and every interval), keeps a long poll open
// for the other desks' changes (pull-loop.ts), and the first time downloads the office's data
// (server-check.ts). A failure worth retrying (the network, a restart, a timeout) makes it back
// off (backoff.ts) and try again; nothing is lost meanwhile, the outbox keeps every change. A
// refusal of the desk itself (revoked, a changed certificate, another schema) stops it with the
// server's message. Direct operations (direct-op.ts) run one at a time with its pushes.
import type { Db } from '../db/connection'
import { clerkNames } from '../db/repositories/clerks'
import { outboxCounts } from '../db/repositories/outbox'
import { readState, writeState } from '../db/repositories/sync-state'
import { loggableError } from '../db/errors'
import type { OfficeOp } from '../../shared/office/protocol'
import type { DownloadProgress, SyncState, SyncStatus } from '../../shared/domain/sync'
import type { Clock } from '../services/core/context'
import type { ChargesRefresh } from './apply'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import { shortName, type ClerkSessions } from './clerk-sessions'
import { runDirect } from './direct-op'
import { describeServerError, isDeskRefusal, isTransient } from './errors'
import type { OfficeLink } from './link/types'
import { pullAll } from './pull'
import { PullLoop } from './pull-loop'
import { pushAll } from './push'
import { checkServer, DeskRefused } from './server-check'

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
  private readonly pullLoop: PullLoop

  constructor(private readonly o: SyncWorkerOptions) {
    this.pullLoop = new PullLoop(
      {
        local: o.local,
        link: o.link,
        intervalMs: o.intervalMs,
        policy: this.policy(),
        ...(o.pullWaitMs !== undefined ? { waitMs: o.pullWaitMs } : {}),
        ...(o.refresh ? { refresh: o.refresh } : {}),
      },
      {
        running: () => this.running,
        ready: () => this.ready && this.state !== 'refused',
        pulled: (n) => this.succeeded(n),
        failed: (err) => this.exclusive(async () => this.failed(err)),
      },
    )
  }

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
    this.pulling = this.pullLoop.run()
  }

  /** Stops both loops and closes the link (a waiting pull is cut). */
  async stop(): Promise<void> {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pullLoop.wake()
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
   * Runs an operation that must see every desk's state on the okno-server (direct-op.ts), in
   * turn with the pushes. Refused with UNAVAILABLE while the server cannot be reached.
   */
  async direct(what: string, op: OfficeOp, input: unknown, token: string): Promise<unknown> {
    return this.exclusive(() =>
      runDirect(
        {
          link: this.o.link,
          sendOutbox: async () => {
            await this.prepare()
            await this.push()
          },
          pullBack: async () => this.succeeded(await pullAll(this.o.local, this.o.link, this.o.refresh)),
          failed: (err) => this.failed(err),
        },
        what,
        op,
        input,
        token,
      ),
    )
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

  /** Once per connection: the server checked and, the first time, its data downloaded. */
  private async prepare(): Promise<void> {
    if (this.ready) return
    const downloaded = await checkServer(this.o, {
      started: () => (this.state = 'downloading'),
      progress: (p) => (this.download = p),
    })
    if (downloaded) {
      this.download = null
      this.downloads++
    }
    this.ready = true
    this.pullLoop.wake()
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
