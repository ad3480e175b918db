// An office for sync tests: a PostgreSQL database holding a small demo office (dropped
// afterwards), and desks — each a fresh SQLite store with its own context, enrolled at an
// okno-server serving that database, and a sync worker over the HTTPS link.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { CURRENT_SCHEMA_VERSION } from '../../src/main/db/migrate'
import { ClerkSessions } from '../../src/main/sync/clerk-sessions'
import { refreshOverLink } from '../../src/main/sync/refresh-link'
import { enrollDesk, openOfficeLink } from '../../src/main/sync/link/https-link'
import type { DeskCredential, OfficeLink } from '../../src/main/sync/link/types'
import { SyncWorker, type SyncWorkerOptions } from '../../src/main/sync/worker'
import { makeContext, type TestContext } from './context'
import type { DemoOptions } from '../../src/main/demo/generator'
import { createTestDatabase, pgUrl, type TestDatabase } from './database'

export interface Office {
  /** The server database's URL (the desks' connection). */
  url: string
  /** The test's own connection to the server (assertions, setup). */
  server: Db
  dispose(): Promise<void>
}

/**
 * The office of the sync tests: 600 accounts with a year of history. Small enough that every desk
 * downloads it in a second or two, large enough for several offices, counters and indebted
 * accounts; the download bench measures the large office.
 */
export const SYNC_DEMO: Required<DemoOptions> = { accounts: 600, asOf: '2026-11-22', seed: 20261130 }

/** A new office server with a demo office; needs OKNO_TEST_PG_URL. */
export async function createOffice(options: DemoOptions = SYNC_DEMO): Promise<Office> {
  if (!pgUrl()) throw new Error('OKNO_TEST_PG_URL is not set')
  const database: TestDatabase = await createTestDatabase('pg', options)
  const url = (database.db.knex.client.config.connection as { connectionString: string }).connectionString
  return { url, server: database.db, dispose: () => database.dispose() }
}

export interface Desk extends TestContext {
  db: Db
  worker: SyncWorker
  /** The desk's link to the okno-server (closed by the worker's stop). */
  link: OfficeLink
  /** The clerks' server sessions held by this desk. */
  sessions: ClerkSessions
  credential: DeskCredential
  /**
   * Signs the clerk in at the server (their changes are accepted only with a session at this
   * desk) and makes them the desk's acting clerk, as the dispatcher does per call.
   */
  signIn(clerk: { id: string; login: string }, password: string): Promise<void>
  dispose(): Promise<void>
}

/** Where a desk is enrolled: an okno-server's address and pinned certificate. */
export interface DeskServer {
  url: string
  fingerprint: string
  enroll(officeCode: string, counter: number): Promise<string>
}

/**
 * A new desk enrolled at `server` for the office `officeCode`, window `counterNumber`: an empty
 * SQLite store (schema only) and a worker over the HTTPS link that has not run yet (call
 * `worker.syncNow()` for the first download). The worker's loops are not started.
 */
export async function createDesk(
  server: DeskServer,
  options: { officeCode: string; counterNumber: number } & Partial<
    Pick<SyncWorkerOptions, 'intervalMs' | 'backoff' | 'pullWaitMs'>
  >,
): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'okno-desk-'))
  const db = openDb({ client: 'sqlite', filename: join(dir, 'okno.sqlite') })
  await migrateToLatest(db.knex)
  const test = makeContext(db)
  const target = { url: server.url, fingerprint: server.fingerprint }
  const enrolled = await enrollDesk(target, {
    code: await server.enroll(options.officeCode, options.counterNumber),
    workstationId: test.settings.get().workstationId,
    name: `test-desk-${options.counterNumber}`,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    demo: true,
  })
  test.settings.update({ officeId: enrolled.officeId, counterNumber: enrolled.counterNumber })
  const credential = { deskId: enrolled.deskId, secret: enrolled.secret }
  const link = openOfficeLink(target, credential)
  const sessions = new ClerkSessions()
  const worker = new SyncWorker({
    local: db,
    link,
    clock: test.clock,
    intervalMs: options.intervalMs ?? 1_000,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    demo: null,
    sessions,
    backoff: options.backoff ?? { baseMs: 50, maxMs: 500 },
    pullWaitMs: options.pullWaitMs ?? 2_000,
    refresh: refreshOverLink(link),
  })
  return {
    ...test,
    db,
    worker,
    link,
    sessions,
    credential,
    async signIn(clerk, password) {
      sessions.signedIn(await link.signIn(clerk.login, password))
      test.ctx.actorId = clerk.id
    },
    async dispose() {
      await worker.stop()
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
