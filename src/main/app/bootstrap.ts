// Opens the workstation's data for either shell (Electron or browser mode): creates the demo
// database on first start (owner-only, like its folder), brings the schema up to date, loads the
// workstation's settings.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { bufferedRandom, uuidV7Generator } from '../../shared/uuid'
import { loadPassportKey, type KeySealer } from '../config/passport-key'
import { ownerOnlyDatabase, preparePrivateDir } from '../config/paths'
import { fileSettings } from '../config/settings'
import { createPassportVault, unavailableVault } from '../security/passport-vault'
import { openDb } from '../db/connection'
import { migrateToLatest } from '../db/migrate'
import { findOrganisation, listOffices } from '../db/repositories/organisation'
import { buildDemoSqlite } from '../demo/build'
import { shiftedClock, systemClock, type Clock, type ServiceContext } from '../services/core/context'
import { createSyncService, type SyncService } from '../sync/service'

export const DEMO_ACCOUNTS = 5000

export interface Workstation {
  ctx: ServiceContext
  sync: SyncService
  close(): Promise<void>
}

export async function openWorkstation(options: {
  dbPath: string
  settingsPath: string
  /** The OS key store (Electron safeStorage); browser mode has none. */
  keySealer: KeySealer | null
  /** Opens a key file an untrusted OS store sealed before (see electron/sealer-choice.ts). */
  keyLegacyOpen?: ((sealed: string) => Buffer) | null
  /** Why the desktop shell keeps secrets without the OS key store, when it does. */
  keyStoreWarning?: string | null
  log?: (line: string) => void
}): Promise<Workstation> {
  const log = options.log ?? (() => {})
  const clock = clockFromEnvironment(process.env.OKNO_CLOCK_START, log)
  preparePrivateDir(dirname(options.dbPath))
  const settings = fileSettings(options.settingsPath)
  const officeMode = settings.get().sync.mode === 'office'
  if (!existsSync(options.dbPath) && officeMode) {
    // A new desk of an office: an empty store, filled by the first download from the server.
    log(`Базы данных нет (${options.dbPath}): создаю пустую, данные придут с сервера отделения.`)
  } else if (!existsSync(options.dbPath)) {
    log(`Базы данных нет (${options.dbPath}): создаю демонстрационную на ${DEMO_ACCOUNTS} лицевых счетов…`)
    await buildDemoSqlite(options.dbPath, {
      accounts: DEMO_ACCOUNTS,
      asOf: businessDate(clock.now(), DEFAULT_TIME_ZONE),
    })
  }
  ownerOnlyDatabase(options.dbPath)
  const db = openDb({ client: 'sqlite', filename: options.dbPath })
  const applied = await migrateToLatest(db.knex)
  if (applied.length > 0) log(`Схема базы обновлена: ${applied.join(', ')}`)
  const org = await findOrganisation(db)
  if (org?.is_demo && settings.get().officeId === null) {
    // A demo desk starts at the first office so the clerk sees a working counter at once.
    const first = (await listOffices(db))[0]
    if (first) settings.update({ officeId: first.id })
  }
  const key = loadPassportKey({
    path: join(dirname(options.dbPath), 'okno-passport.key'),
    sealer: options.keySealer,
    envKey: process.env.OKNO_PASSPORT_KEY,
    legacyOpen: options.keyLegacyOpen ?? null,
    ...(options.keyStoreWarning ? { plainWarning: options.keyStoreWarning } : {}),
  })
  if (key.key === null) log(`Паспортные данные недоступны: ${key.reason}`)
  else if (key.warning) log(key.warning)
  const ctx: ServiceContext = {
    db,
    clock,
    newId: uuidV7Generator(bufferedRandom((n) => randomBytes(n))),
    settings,
    vault: key.key ? createPassportVault(key.key) : unavailableVault(key.reason),
  }
  const sync = createSyncService({
    ctx,
    sealer: options.keySealer,
    backupPath: join(dirname(options.dbPath), `okno-standalone-${Date.now()}.sqlite`),
    log,
  })
  return {
    ctx,
    sync,
    async close() {
      await sync.close()
      await db.close()
    },
  }
}

/** OKNO_CLOCK_START=2026-11-22T07:00:00Z starts the desk's clock there (tests, demonstrations). */
function clockFromEnvironment(start: string | undefined, log: (line: string) => void): Clock {
  if (!start) return systemClock
  const instant = new Date(start)
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`OKNO_CLOCK_START=${start}: ожидалось время ISO 8601, например 2026-11-22T07:00:00Z`)
  }
  log(`Часы рабочего места начинают с ${instant.toISOString()} (OKNO_CLOCK_START)`)
  return shiftedClock(instant)
}
