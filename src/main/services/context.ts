// What every service function receives: the database, the clock, id generation and the
// workstation's settings. Built once in the composition root (Electron or browser mode) and
// in tests, so services never reach for globals.
import type { Db } from '../db/connection'
import type { SettingsStore } from '../config/settings'
import type { PassportVault } from '../security/passport-vault'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface ServiceContext {
  db: Db
  clock: Clock
  newId: () => string
  settings: SettingsStore
  /** Seals and finds passports; refuses with the reason where the workstation has no key. */
  vault: PassportVault
}
