// Runs once before all test files: says whether the PostgreSQL half of the database suites
// runs, and fails early when OKNO_TEST_PG_URL is set but the server cannot be reached.
import pg from 'pg'
import { PG_URL_VARIABLE, pgUrl } from './database'

export default async function setup(): Promise<void> {
  const url = pgUrl()
  if (!url) {
    console.log(`[okno tests] PostgreSQL suites skipped: ${PG_URL_VARIABLE} is not set (SQLite suites run).`)
    return
  }
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
