// Opens the workstation's data for either shell (Electron or browser mode): creates the demo
// database on first start, brings the schema up to date, loads the workstation's settings.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { bufferedRandom, uuidV7Generator } from '../../shared/uuid'
import { loadPassportKey, type KeySealer } from '../config/passport-key'
import { fileSettings } from '../config/settings'
import { createPassportVault, unavailableVault } from '../security/passport-vault'
import { openDb } from '../db/connection'
import { migrateToLatest } from '../db/migrate'
import { findOrganisation, listOffices } from '../db/repositories/organisation'
import { buildDemoSqlite } from '../demo/build'
import { systemClock, type ServiceContext } from '../services/context'

export const DEMO_ACCOUNTS = 5000

export interface Workstation {
  ctx: ServiceContext
  close(): Promise<void>
}

export async function openWorkstation(options: {
  dbPath: string
  settingsPath: string
  /** The OS key store (Electron safeStorage); browser mode has none. */
  keySealer: KeySealer | null
  log?: (line: string) => void
}): Promise<Workstation> {
  const log = options.log ?? (() => {})
  if (!existsSync(options.dbPath)) {
    log(`Базы данных нет (${options.dbPath}): создаю демонстрационную на ${DEMO_ACCOUNTS} лицевых счетов…`)
    mkdirSync(dirname(options.dbPath), { recursive: true })
    await buildDemoSqlite(options.dbPath, {
      accounts: DEMO_ACCOUNTS,
      asOf: businessDate(systemClock.now(), DEFAULT_TIME_ZONE),
    })
  }
  const db = openDb({ client: 'sqlite', filename: options.dbPath })
  const applied = await migrateToLatest(db.knex)
  if (applied.length > 0) log(`Схема базы обновлена: ${applied.join(', ')}`)
  const settings = fileSettings(options.settingsPath)
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
  })
  if (key.key === null) log(`Паспортные данные недоступны: ${key.reason}`)
  else if (key.warning) log(key.warning)
  const ctx: ServiceContext = {
    db,
    clock: systemClock,
    newId: uuidV7Generator(bufferedRandom((n) => randomBytes(n))),
    settings,
    vault: key.key ? createPassportVault(key.key) : unavailableVault(key.reason),
  }
  return { ctx, close: () => db.close() }
}
