// Failed sign-ins of logins without an active clerk, kept in memory per workstation so they count
// down and lock exactly as a real login does: no answer tells which logins exist. Keyed by a hash
// of the login, never its text; bounded, the least recently used forgotten first.
import { createHash } from 'node:crypto'
import type { SettingsStore } from '../../config/settings'

export interface Strikes {
  /** Failed attempts since the last lock (0 after a lock, as for a clerk). */
  failed: number
  lockedUntil: string | null
}

/** Enough for any office's mistyped logins; a flood of invented ones only forgets the oldest. */
export const STRIKES_KEPT = 5_000

export class LoginStrikes {
  private readonly entries = new Map<string, Strikes>()

  constructor(private readonly limit = STRIKES_KEPT) {}

  private key(login: string): string {
    return createHash('sha256').update(login.trim().toLowerCase()).digest('hex')
  }

  get(login: string): Strikes {
    return this.entries.get(this.key(login)) ?? { failed: 0, lockedUntil: null }
  }

  set(login: string, strikes: Strikes): void {
    const key = this.key(login)
    this.entries.delete(key)
    this.entries.set(key, strikes)
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string)
  }

  get size(): number {
    return this.entries.size
  }
}

// One per workstation's settings store: the desk has one; each test context its own.
const byWorkstation = new WeakMap<SettingsStore, LoginStrikes>()

export function strikesOf(settings: SettingsStore): LoginStrikes {
  let strikes = byWorkstation.get(settings)
  if (!strikes) byWorkstation.set(settings, (strikes = new LoginStrikes()))
  return strikes
}
