// A clock the test moves by hand: lockouts, idle locks and business dates without sleeping.
import type { Clock } from '../../src/main/services/core/context'

/** 10:00 in Sevastopol (UTC+3) on the demo data's «as of» date. */
export const TEST_NOW = '2026-11-22T07:00:00.000Z'

export interface Duration {
  ms?: number
  seconds?: number
  minutes?: number
  hours?: number
  days?: number
}

export class FakeClock implements Clock {
  private ms: number

  constructor(start: string | Date = TEST_NOW) {
    this.ms = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.ms)
  }

  set(instant: string | Date): void {
    this.ms = new Date(instant).getTime()
  }

  advance(d: Duration): void {
    this.ms +=
      (d.ms ?? 0) +
      (d.seconds ?? 0) * 1000 +
      (d.minutes ?? 0) * 60_000 +
      (d.hours ?? 0) * 3_600_000 +
      (d.days ?? 0) * 86_400_000
  }
}
