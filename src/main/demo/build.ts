// Builds a demo database: a new SQLite file (written aside and renamed into place, so a crash
// never leaves a half-built database under the real name), or the demo rows in an empty
// PostgreSQL database.
import { existsSync, rmSync, renameSync } from 'node:fs'
import { openDb, type Db } from '../db/connection'
import { migrateToLatest } from '../db/migrate'
import { BULK_TABLES, generateDemo, type DemoBuildOptions } from './generator'
import { KnexSink, SqliteBulkSink, type RawSqlite } from './sinks'

type RawExec = RawSqlite & {
  exec(sql: string, cb: (err: Error | null) => void): void
  all(sql: string, cb: (err: Error | null, rows: unknown[]) => void): void
}

const exec = (conn: RawExec, sql: string): Promise<void> =>
  new Promise((resolve, reject) => conn.exec(sql, (err) => (err ? reject(err) : resolve())))
const all = <T>(conn: RawExec, sql: string): Promise<T[]> =>
  new Promise((resolve, reject) => conn.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as T[]))))

function removeDbFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}

export type BuildPhase = 'rows' | 'indexes' | 'analyze'

export async function buildDemoSqlite(
  filename: string,
  options: DemoBuildOptions,
  onPhase: (phase: BuildPhase) => void = () => {},
): Promise<void> {
  const building = `${filename}.building`
  removeDbFiles(building)
  const db = openDb({ client: 'sqlite', filename: building })
  try {
    await migrateToLatest(db.knex)
    const conn = (await db.knex.client.acquireConnection()) as RawExec
    try {
      // A throwaway file until the rename: no journal, no fsync, and indexes built once at the
      // end from sorted data instead of row by row.
      await exec(
        conn,
        'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY; PRAGMA threads = 2',
      )
      const indexes = await all<{ name: string; sql: string }>(
        conn,
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK_TABLES.map((t) => `'${t}'`).join(',')})`,
      )
      for (const ix of indexes) await exec(conn, `DROP INDEX ${ix.name}`)
      onPhase('rows')
      await exec(conn, 'BEGIN')
      const sink = new SqliteBulkSink(conn)
      await generateDemo(sink, options)
      await sink.finish()
      await exec(conn, 'COMMIT')
      onPhase('indexes')
      for (const ix of indexes) await exec(conn, ix.sql)
      onPhase('analyze')
      await exec(conn, 'PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA journal_mode = WAL')
    } finally {
      await db.knex.client.releaseConnection(conn)
    }
  } finally {
    await db.close()
  }
  if (existsSync(filename)) removeDbFiles(filename)
  renameSync(building, filename)
}

/** Fills an already migrated, empty database through knex (PostgreSQL, or SQLite in tests). */
export async function seedDemo(db: Db, options: DemoBuildOptions): Promise<void> {
  await db.knex.transaction((trx) => generateDemo(new KnexSink(trx, db.dialect), options))
}
