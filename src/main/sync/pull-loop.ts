// The worker's long poll: one pull after another while the worker runs, each answered at once
// when another desk changed something. It backs off on its own after a failure and waits for the
// connection to be checked (and the first download done) before its first pull.
import type { Db } from '../db/connection'
import type { ChargesRefresh } from './apply'
import { backoffDelay, type BackoffPolicy } from './backoff'
import type { OfficeLink } from './link/types'
import { PULL_WAIT_MS, pullBatch } from './pull'

/** What the loop asks of the worker that runs it. */
export interface PullHost {
  running(): boolean
  /** The connection is checked and the desk not refused: pulls may go. */
  ready(): boolean
  /** `rows` changes came in. */
  pulled(rows: number): Promise<void>
  failed(err: unknown): Promise<void>
}

export interface PullLoopOptions {
  local: Db
  link: OfficeLink
  intervalMs: number
  policy: BackoffPolicy
  /** How long a pull waits at the server for a change. */
  waitMs?: number
  refresh?: ChargesRefresh
}

export class PullLoop {
  private wakeUp: (() => void) | null = null

  constructor(
    private readonly o: PullLoopOptions,
    private readonly host: PullHost,
  ) {}

  async run(): Promise<void> {
    let failures = 0
    while (this.host.running()) {
      if (!this.host.ready()) {
        await this.pause(failures > 0 ? backoffDelay(failures, this.o.policy) : this.o.intervalMs)
        continue
      }
      try {
        const n = await pullBatch(this.o.local, this.o.link, this.o.waitMs ?? PULL_WAIT_MS, this.o.refresh)
        failures = 0
        if (n > 0 && this.host.running()) await this.host.pulled(n)
      } catch (err) {
        if (!this.host.running()) return
        failures++
        await this.host.failed(err)
        await this.pause(backoffDelay(failures, this.o.policy))
      }
    }
  }

  /** Ends the current pause: the worker stopped or became ready. */
  wake(): void {
    this.wakeUp?.()
  }

  /** Waits `ms`, or less when woken. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms)
      this.wakeUp = done
      function done(): void {
        clearTimeout(t)
        resolve()
      }
    })
  }
}
