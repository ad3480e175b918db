// A fresh demo database per test file: SQLite in a temp folder always, and the same data on
// PostgreSQL when OKNO_TEST_PG_URL names a server (a database is created for the file and
// dropped after it). `describeEachDatabase` runs one suite body on each. The standard demo is
// copied from the template the global setup built; other options build their own.
import { isDeepStrictEqual } from 'node:util'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { buildDemoSqlite, seedDemo } from '../../src/main/demo/build'
import type { DemoOptions } from '../../src/main/demo/generator'
import { makeContext, type TestContext } from './context'
import { adminQuery, withDatabase } from './pg-admin'

/**
 * The demo data every database-backed test file starts from. 3,000 accounts (not fewer) so the
 * streets with «ё» have accounts, two-letter fragments match more than a page, and the
 * generator's batching is exercised; it builds in about a second.
 */
export const DEMO: Readonly<Required<DemoOptions>> = { accounts: 3000, asOf: '2026-11-22', seed: 20261122 }

export type DatabaseKind = 'sqlite' | 'pg'

export const PG_URL_VARIABLE = 'OKNO_TEST_PG_URL'

export function pgUrl(): string | undefined {
  return process.env[PG_URL_VARIABLE] || undefined
}

export interface TestDatabase {
  kind: DatabaseKind
  db: Db
  dispose(): Promise<void>
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The standard demo, built once by the global setup ('' where there is none). */
    demoTemplate: { sqliteFile: string; pgName: string }
  }
}

/** The global setup's template of `options`, when they are the standard demo. */
function template(options: DemoOptions): { sqliteFile: string; pgName: string } | null {
  if (!isDeepStrictEqual({ ...options }, { ...DEMO })) return null
  try {
    return inject('demoTemplate') ?? null
  } catch {
    return null
  }
}

async function sqliteDatabase(options: DemoOptions): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'okno-test-'))
  const filename = join(dir, 'okno.sqlite')
  try {
    const source = template(options)?.sqliteFile
    if (source) copyFileSync(source, filename)
    else await buildDemoSqlite(filename, options)
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
  const db = openDb({ client: 'sqlite', filename })
  return {
    kind: 'sqlite',
    db,
    async dispose() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export { adminQuery, withDatabase }

async function pgDatabase(serverUrl: string, options: DemoOptions): Promise<TestDatabase> {
  const name = `okno_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const source = template(options)?.pgName
  await adminQuery(
    serverUrl,
    source ? `CREATE DATABASE ${name} TEMPLATE ${source}` : `CREATE DATABASE ${name}`,
  )
  const db = openDb({ client: 'pg', connectionString: withDatabase(serverUrl, name) })
  const dispose = async (): Promise<void> => {
    await db.close()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
  try {
    if (!source) {
      await migrateToLatest(db.knex)
      await seedDemo(db, options)
    }
  } catch (err) {
    await dispose()
    throw err
  }
  return { kind: 'pg', db, dispose }
}

/** A new database filled with the demo data (PostgreSQL needs OKNO_TEST_PG_URL). */
export function createTestDatabase(kind: DatabaseKind, options: DemoOptions = DEMO): Promise<TestDatabase> {
  if (kind === 'sqlite') return sqliteDatabase(options)
  const url = pgUrl()
  if (!url) throw new Error(`${PG_URL_VARIABLE} is not set`)
  return pgDatabase(url, options)
}

/** Registers hooks that create a database before the enclosing suite and drop it after. */
export function useTestDatabase(kind: DatabaseKind): () => Db {
  let current: TestDatabase | undefined
  beforeAll(async () => {
    current = await createTestDatabase(kind)
  })
  afterAll(async () => {
    await current?.dispose()
    current = undefined
  })
  return () => {
    if (!current) throw new Error('The test database is not ready (use it inside a test or hook)')
    return current.db
  }
}

export interface TestEnv extends TestContext {
  kind: DatabaseKind
  db: Db
}

const LABELS: Record<DatabaseKind, string> = { sqlite: 'SQLite', pg: 'PostgreSQL' }

/**
 * Runs `body` once per database: SQLite, and PostgreSQL when OKNO_TEST_PG_URL is set (the
 * global setup prints why it is skipped otherwise). `getCtx()` gives the current test a
 * context with its own fake clock and in-memory settings (a new workstation each test) over
 * the suite's database; called in a beforeAll hook it gives one for that hook.
 */
export function describeEachDatabase(name: string, body: (getCtx: () => TestEnv) => void): void {
  for (const kind of ['sqlite', 'pg'] as const) {
    describe.skipIf(kind === 'pg' && !pgUrl())(`${name} [${LABELS[kind]}]`, () => {
      const getDb = useTestDatabase(kind)
      let env: TestEnv | undefined
      beforeEach(() => {
        env = undefined
      })
      body(() => {
        env ??= { kind, db: getDb(), ...makeContext(getDb()) }
        return env
      })
    })
  }
}
