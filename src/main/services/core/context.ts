// What every service function receives: the database, the clock, id generation and the
// workstation's settings. Built once in the composition root (Electron or browser mode) and
// in tests, so services never reach for globals.
import type { Db } from '../../db/connection'
import type { SettingsStore } from '../../config/settings'
import type { PassportVault } from '../../security/passport-vault'
import type { FiscalRegister } from '../../fiscal/fiscal-register'
import type { ChangeLog } from './changes'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * A clock that starts at `start` and runs at the real pace: a demo or a test desk can live on a
 * chosen business day (the readings window, the month's charges) without freezing time.
 */
export function shiftedClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime()
  return { now: () => new Date(real.now().getTime() + offset) }
}

export interface ServiceContext {
  db: Db
  clock: Clock
  newId: () => string
  settings: SettingsStore
  /** Seals and finds passports; refuses with the reason where the workstation has no key. */
  vault: PassportVault
  /** The counter's fiscal register (54-ФЗ); none configured when absent. */
  fiscal?: FiscalRegister
  /**
   * Present when this context writes on the office server (a direct operation): its changes go
   * to the server's change log for every desk to pull, not to an outbox.
   */
  changeLog?: ChangeLog
  /**
   * The clerk on whose behalf this call runs (set per call by the IPC dispatcher and the office
   * server); recorded with every change the call leaves for the office server.
   */
  actorId?: string | null
  /**
   * Told when the call recorded changes for the office server (the dispatcher then has the sync
   * push them at once, instead of after every call, reads included).
   */
  changesRecorded?: () => void
}
