// Wakes waiting pulls: one dedicated PostgreSQL connection per server process LISTENs on
// okno_changes; a push or an operation on any server NOTIFYs after its commit. A lost connection
// is made again, and every waiting pull is woken to look for itself (a notice may have been missed).
import { EventEmitter } from 'node:events'
import type { Knex } from 'knex'
import { ScramOnlyClient } from '../db/pg-scram-client'
import { withoutValues } from '../db/errors'

export const CHANGES_CHANNEL = 'okno_changes'
const RETRY_MIN_MS = 500
const RETRY_MAX_MS = 10_000

/** Tells the other servers' pulls (and this one's) that the change log grew. Call after commit. */
export async function notifyChanges(knex: Knex): Promise<void> {
  await knex.raw(`NOTIFY ${CHANGES_CHANNEL}`)
}

export class ChangeNotifier {
  private client: ScramOnlyClient | null = null
  private closed = false
  private retryMs = RETRY_MIN_MS
  private timer: NodeJS.Timeout | null = null
  private readonly events = new EventEmitter().setMaxListeners(0)
  /** Grows with every notice: a pull that saw generation g waits only while it is still g. */
  private counter = 0

  constructor(
    private readonly connectionString: string,
    private readonly log: (line: string) => void,
  ) {}

  get generation(): number {
    return this.counter
  }

  async start(): Promise<void> {
    const client = new ScramOnlyClient({ connectionString: this.connectionString })
    client.on('notification', () => this.wake())
    client.on('error', (err) => this.lost(client, err))
    client.on('end', () => this.lost(client, null))
    await client.connect()
    await client.query(`LISTEN ${CHANGES_CHANNEL}`)
    this.client = client
    this.retryMs = RETRY_MIN_MS
  }

  private wake(): void {
    this.counter++
    this.events.emit('change')
  }

  private lost(client: ScramOnlyClient, err: Error | null): void {
    if (this.client !== client || this.closed) return
    this.client = null
    client.end().catch(() => {})
    this.log(
      `Соединение LISTEN с PostgreSQL потеряно${err ? `: ${withoutValues(err)}` : ''}; восстанавливаю.`,
    )
    this.wake()
    this.retry()
  }

  private retry(): void {
    if (this.closed) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.start().then(
        () => {
          this.log('Соединение LISTEN с PostgreSQL восстановлено.')
          this.wake()
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS)
          this.retry()
        },
      )
    }, this.retryMs)
  }

  /** Resolves on the next notice after `seen`, after `timeoutMs`, or when `signal` aborts. */
  wait(seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.counter !== seen || timeoutMs <= 0 || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.events.off('change', done)
        signal.removeEventListener('abort', done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.events.on('change', done)
      signal.addEventListener('abort', done)
    })
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.wake()
    const client = this.client
    this.client = null
    await client?.end().catch(() => {})
  }
}
