// An okno-server for end-to-end scripts: a real server process (tests/helpers/okno-server-process.ts)
// on a new database of the PostgreSQL server that OKNO_TEST_PG_URL names, migrated and filled with
// a small demo of the template's seed and day (so its offices and clerks are the desk's); stopped
// and the database dropped afterwards, with everything the desks sent.
import { randomBytes } from 'node:crypto'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { seedDemo } from '../../src/main/demo/build'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { startServerProcess } from '../helpers/okno-server-process'
import { adminQuery, withDatabase } from '../helpers/pg-admin'
import { TEMPLATE_SEED } from './global-setup'
import { E2E_CLOCK_START } from './template'

export const PG_URL_VARIABLE = 'OKNO_TEST_PG_URL'

/** The PostgreSQL server to use, or why the office tests are skipped. */
export function pgServer(): { url: string; skip: null } | { url: null; skip: string } {
  const url = process.env[PG_URL_VARIABLE]
  return url
    ? { url, skip: null }
    : { url: null, skip: `${PG_URL_VARIABLE} не задан: нет сервера PostgreSQL для сервера «Окно»` }
}

export interface OfficeServer {
  /** What the administrator types into «Адрес сервера «Окно»»: https://127.0.0.1:PORT. */
  url: string
  /** The certificate's SHA-256 as the server printed it («AB:CD:…»). */
  fingerprint: string
  /** A one-time enrollment code for a counter of an office (by its code, e.g. GAG). */
  enroll(officeCode: string, counter: number): Promise<string>
  /** The test's own connection to the server's database, for checking what reached it. */
  db: Db
  /** Everything the server printed (attached to a failed test). */
  output(): string
  dispose(): Promise<void>
}

export async function createOfficeServer(pgUrl: string, accounts = 300): Promise<OfficeServer> {
  const database = `okno_e2e_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = withDatabase(pgUrl, database)
  await adminQuery(pgUrl, `CREATE DATABASE ${database}`)
  const db = openDb({ client: 'pg', connectionString: url })
  const drop = async (): Promise<void> => {
    await db.close()
    await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  }
  try {
    await migrateToLatest(db.knex)
    await seedDemo(db, {
      accounts,
      seed: TEMPLATE_SEED,
      asOf: businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE),
    })
  } catch (err) {
    await drop()
    throw err
  }
  // The process drops the database when it stops (or fails to start).
  const server = await startServerProcess(url, { url, server: db, dispose: drop })
  return {
    url: server.url,
    fingerprint: server.fingerprint,
    enroll: (officeCode, counter) => server.enroll(officeCode, counter),
    db,
    output: server.output,
    dispose: () => server.stop(),
  }
}
