// An office server for end-to-end scripts: a new database on the PostgreSQL server that
// OKNO_TEST_PG_URL names, migrated and filled with a small demo of the template's seed and day
// (so its offices are the desk's), and dropped afterwards with everything the desks sent.
import { randomBytes } from 'node:crypto'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { seedDemo } from '../../src/main/demo/build'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { adminQuery, withDatabase } from '../helpers/pg-admin'
import { TEMPLATE_SEED } from './global-setup'
import { E2E_CLOCK_START } from './template'

export const PG_URL_VARIABLE = 'OKNO_TEST_PG_URL'

/** The server to use, or why the office tests are skipped. */
export function pgServer(): { url: string; skip: null } | { url: null; skip: string } {
  const url = process.env[PG_URL_VARIABLE]
  return url
    ? { url, skip: null }
    : { url: null, skip: `${PG_URL_VARIABLE} не задан: нет сервера PostgreSQL для офисного режима` }
}

export interface OfficeServer {
  /** What the administrator types into «Сервер отделения». */
  host: string
  port: number
  database: string
  user: string
  password: string
  /** The test's own connection, for checking what reached the server. */
  db: Db
  dispose(): Promise<void>
}

export async function createOfficeServer(serverUrl: string, accounts = 300): Promise<OfficeServer> {
  const database = `okno_e2e_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${database}`)
  const db = openDb({ client: 'pg', connectionString: withDatabase(serverUrl, database) })
  const dispose = async (): Promise<void> => {
    await db.close()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  }
  try {
    await migrateToLatest(db.knex)
    await seedDemo(db, {
      accounts,
      seed: TEMPLATE_SEED,
      asOf: businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE),
    })
  } catch (err) {
    await dispose()
    throw err
  }
  const url = new URL(serverUrl)
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    database,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    db,
    dispose,
  }
}
