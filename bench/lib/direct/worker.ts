// The office sync as it was before the okno-server (issue 14): a desk straight on PostgreSQL.
// Kept for the bench only, to measure today's direct figures beside the server's in one run.
// The sync worker of one desk in office mode: every interval it pushes the outbox and pulls the
// server's changes; the first time, it downloads the office's data. A failure worth retrying
// (the network, a restart, a timeout) makes it back off — 1 s, 2 s, 4 s… up to a minute — and
// try again; nothing is lost meanwhile, the outbox keeps every change. Direct operations (those
// that must see every desk's state) run through it, one at a time with its cycles.
import type { Db } from '../../../src/main/db/connection'
import { outboxCounts } from '../../../src/main/db/repositories/outbox'
import { readState, writeState } from '../../../src/main/db/repositories/sync-state'
import { loggableError } from '../../../src/main/db/errors'
import { schemaVersion } from '../../../src/main/db/migrate'
import { OknoError } from '../../../src/shared/ipc/envelope'
import type { DownloadProgress, SyncState, SyncStatus } from '../../../src/shared/domain/sync'
import type { Clock, ServiceContext } from '../../../src/main/services/core/context'
import { initialDownload, isDownloaded } from './download'
import { describeServerError, isTransient } from '../../../src/main/sync/errors'
import { pullAll } from './pull'
import { pushAll } from './push'
import { schemaMismatch, serverContext, serverIdentity } from '../../../src/main/sync/server'

export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 }
export const DEFAULT_BATCH = 500

export interface SyncWorkerOptions {
  local: Db
  server: Db
  /** This desk's workstation id: the origin of its pushed changes. */
  origin: string
  clock: Clock
  intervalMs: number
  batchSize?: number
  backoff?: BackoffPolicy
  /** Where a desk used alone before keeps a copy of its old store at the first download. */
  backupPath?: string
  log?: (line: string) => void
}

class SchemaRefused extends Error {}

/** The delay before attempt `failures` (1, 2, …): doubling from the base, capped, ±20 %. */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}

export class SyncWorker {
  private state: SyncState = 'offline'
  private lastError: string | null = null
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
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.queue.catch(() => {})
  }

  /** One cycle now (waits for a running one first). Never throws: the outcome is in the status. */
  async syncNow(): Promise<SyncStatus> {
    await this.exclusive(() => this.cycle())
    return this.status()
  }

  async status(): Promise<SyncStatus> {
    const counts = await outboxCounts(this.o.local.knex)
    return {
      mode: 'office',
      state: this.state,
      ...counts,
      lastSyncAt: this.lastSyncAt ?? (await readState(this.o.local.knex, 'last_sync_at')),
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      download: this.download,
    }
  }

  /**
   * Runs an operation that must see every desk's state on the office server: the desk's own
   * changes go first, then the operation (in `what`'s words when refused), then the server's
   * changes come back. Refused with UNAVAILABLE while the server cannot be reached.
   */
  async direct<T>(
    ctx: ServiceContext,
    what: string,
    op: (serverCtx: ServiceContext) => Promise<T>,
  ): Promise<T> {
    return this.exclusive(async () => {
      const offline = (err: unknown): OknoError =>
        new OknoError(
          'UNAVAILABLE',
          `Нет связи с сервером отделения: ${what} выполняется только на сервере, чтобы учесть все окна. Повторите, когда связь восстановится. (${describeServerError(err)})`,
        )
      try {
        await this.prepare()
        await pushAll(this.o.local, this.o.server, this.o.origin, this.o.clock, this.batch())
      } catch (err) {
        this.failed(err)
        if (err instanceof SchemaRefused) throw new OknoError('UNAVAILABLE', err.message)
        throw offline(err)
      }
      let result: T
      try {
        result = await op(serverContext(ctx, this.o.server))
      } catch (err) {
        if (isTransient(err)) {
          this.failed(err)
          throw offline(err)
        }
        throw err
      }
      try {
        await this.succeeded(await pullAll(this.o.local, this.o.server, this.o.origin, this.batch()))
      } catch (err) {
        // Done on the server; the rows reach this desk with the next pull.
        this.failed(err)
      }
      return result
    })
  }

  private batch(): number {
    return this.o.batchSize ?? DEFAULT_BATCH
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
        const delay = this.failures === 0 ? this.o.intervalMs : backoffDelay(this.failures, this.policy())
        this.schedule(delay)
      })
    }, delayMs)
  }

  private policy(): BackoffPolicy {
    return this.o.backoff ?? DEFAULT_BACKOFF
  }

  /**
   * Once per connection: the schema check, the server's identity, and the first download when
   * this store has not downloaded from that server yet. Later cycles skip all of it.
   */
  private async prepare(): Promise<void> {
    if (this.ready) return
    const mismatch = schemaMismatch(await schemaVersion(this.o.server.knex))
    if (mismatch) throw new SchemaRefused(mismatch)
    const serverId = await serverIdentity(this.o.server)
    const knownId = await readState(this.o.local.knex, 'server_id')
    const downloaded = await isDownloaded(this.o.local)
    if (downloaded && knownId !== null && knownId !== serverId) {
      const unsent = (await outboxCounts(this.o.local.knex)).pending
      if (unsent > 0) {
        throw new SchemaRefused(
          `Рабочее место связано с другим сервером отделения, и ${unsent} изменений ещё не отправлены туда. Верните в настройках прежний сервер, чтобы отправить их, или обратитесь к администратору.`,
        )
      }
    }
    if (!downloaded || (knownId !== null && knownId !== serverId)) {
      this.state = 'downloading'
      const started = Date.now()
      const { rows } = await initialDownload(this.o.local, this.o.server, (p) => (this.download = p), {
        ...(this.o.backupPath ? { backupTo: this.o.backupPath } : {}),
        serverId,
      })
      this.download = null
      this.downloads++
      this.o.log?.(`Первичная загрузка: ${rows} строк за ${Math.round((Date.now() - started) / 1000)} с`)
    }
    this.ready = true
  }

  private async cycle(): Promise<void> {
    try {
      await this.prepare()
      const pushed = await pushAll(this.o.local, this.o.server, this.o.origin, this.o.clock, this.batch())
      const pulled = await pullAll(this.o.local, this.o.server, this.o.origin, this.batch())
      await this.succeeded(pushed.sent + pushed.failed + pulled)
    } catch (err) {
      this.failed(err)
    }
  }

  /**
   * A successful exchange. Its time is kept in the store too (shown after a restart) when rows
   * moved or on the first success since start, not every quiet cycle: a write with fsync every
   * two seconds would buy nothing.
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
    if (err instanceof SchemaRefused) {
      this.state = 'refused'
      this.lastError = err.message
      return
    }
    this.ready = false
    this.state = 'offline'
    this.lastError = isTransient(err)
      ? describeServerError(err)
      : `Ошибка обмена: ${describeServerError(err)}`
    if (!isTransient(err)) this.o.log?.(`Обмен с сервером: ${loggableError(err)}`)
  }
}
