// An office for sync tests: a PostgreSQL server database holding a small demo office (dropped
// afterwards), and desks — each a fresh SQLite store with
// its own context and sync worker — that download the office's data from it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { openServer } from '../../src/main/sync/server'
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
  /** The desk's own connection to the office server (closed by dispose). */
  server: Db
  worker: SyncWorker
  dispose(): Promise<void>
}

/**
 * A new desk of `office`: an empty SQLite store (schema only) and a worker that has not run yet
 * (call `worker.syncNow()` for the first download). The worker's timer is not started.
 */
export async function createDesk(
  office: Pick<Office, 'url'>,
  options: Partial<Omit<SyncWorkerOptions, 'local' | 'server' | 'origin' | 'clock'>> & {
    officeId?: string
    counterNumber?: number
    statementTimeoutMs?: number
  } = {},
): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'okno-desk-'))
  const db = openDb({ client: 'sqlite', filename: join(dir, 'okno.sqlite') })
  await migrateToLatest(db.knex)
  const test = makeContext(db, {
    settings: {
      ...(options.officeId ? { officeId: options.officeId } : {}),
      ...(options.counterNumber ? { counterNumber: options.counterNumber } : {}),
    },
  })
  const server = openServer(office.url, {
    ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    connectTimeoutMs: 2_000,
  })
  const worker = new SyncWorker({
    local: db,
    server,
    origin: test.settings.get().workstationId,
    clock: test.clock,
    intervalMs: options.intervalMs ?? 1_000,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    backoff: options.backoff ?? { baseMs: 50, maxMs: 500 },
  })
  return {
    ...test,
    db,
    server,
    worker,
    async dispose() {
      await worker.stop()
      await server.close()
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
