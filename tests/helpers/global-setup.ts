// Runs once before all test files: says whether the PostgreSQL half of the database suites
// runs (failing early when OKNO_TEST_PG_URL is set but the server cannot be reached), and builds
// the demo database every database suite starts from once, as a template the files copy: a
// SQLite file, and a PostgreSQL template database. Seeding a year of history takes seconds on
// SQLite and tens of seconds on PostgreSQL; a copy takes a fraction of that.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDb } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { buildDemoSqlite, seedDemo } from '../../src/main/demo/build'
import { adminQuery, DEMO, PG_URL_VARIABLE, pgUrl, withDatabase } from './database'

async function checkServer(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
    const where = new URL(url)
    console.log(
      `[okno tests] PostgreSQL ${rows[0]?.server_version ?? '?'} at ${where.host}: database suites run on it too.`,
    )
  } catch (err) {
    throw new Error(`${PG_URL_VARIABLE} is set, but the server does not answer: ${(err as Error).message}`, {
      cause: err,
    })
  } finally {
    await client.end().catch(() => {})
  }
}

async function pgTemplate(url: string): Promise<string> {
  const name = `okno_template_${process.pid}`
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`)
  await adminQuery(url, `CREATE DATABASE ${name}`)
  const db = openDb({ client: 'pg', connectionString: withDatabase(url, name) })
  try {
    await migrateToLatest(db.knex)
    await seedDemo(db, DEMO)
  } finally {
    // A template must have no connections while it is copied.
    await db.close()
  }
  return name
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = pgUrl()
  if (!url) {
    console.log(`[okno tests] PostgreSQL suites skipped: ${PG_URL_VARIABLE} is not set (SQLite suites run).`)
  } else {
    await checkServer(url)
  }
  const dir = mkdtempSync(join(tmpdir(), 'okno-template-'))
  const sqliteFile = join(dir, 'demo.sqlite')
  const started = performance.now()
  const [, pgName] = await Promise.all([
    buildDemoSqlite(sqliteFile, DEMO),
    url ? pgTemplate(url) : Promise.resolve(''),
  ])
  console.log(
    `[okno tests] demo template (${DEMO.accounts} accounts, a year of history) built in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  project.provide('demoTemplate', { sqliteFile, pgName })
  return async () => {
    rmSync(dir, { recursive: true, force: true })
    if (url && pgName) await adminQuery(url, `DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`)
  }
}
