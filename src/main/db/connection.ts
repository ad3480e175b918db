// Opens the database: the workstation's SQLite file, or a PostgreSQL server (office mode, tests).
import knexFactory, { type Knex } from 'knex'
import pg from 'pg'
import { OknoSqliteClient } from './sqlite-client'

export type DbConfig =
  | { client: 'sqlite'; filename: string }
  | {
      client: 'pg'
      connectionString: string
      /** The server cancels a statement running longer (the office server: a stuck lock). */
      statementTimeoutMs?: number
      /** Give up connecting after this long (the office server: a dead network). */
      connectTimeoutMs?: number
    }

export type Dialect = 'sqlite' | 'pg'

export interface Db {
  knex: Knex
  dialect: Dialect
  close(): Promise<void>
}

// DESIGN.md «Data»: WAL for readers beside a writer, foreign keys enforced, FULL sync because
// this store holds cash, and a busy timeout instead of an immediate SQLITE_BUSY.
const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 10000',
  'PRAGMA cache_size = -65536',
]

type RawSqlite = { exec(sql: string, cb: (err: Error | null) => void): void }

export function openDb(config: DbConfig): Db {
  if (config.client === 'sqlite') {
    const knex = knexFactory({
      client: OknoSqliteClient as unknown as typeof Knex.Client,
      connection: { filename: config.filename },
      useNullAsDefault: true,
      pool: {
        min: 1,
        max: 1,
        afterCreate(conn: RawSqlite, done: (err: Error | null, conn: RawSqlite) => void) {
          conn.exec(SQLITE_PRAGMAS.join(';\n'), (err) => done(err, conn))
        },
      },
    })
    return { knex, dialect: 'sqlite', close: () => knex.destroy() }
  }
  // BIGINT (kopecks, milli-units) arrives as text from pg; our values stay far below 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
  const knex = knexFactory({
    client: 'pg',
    connection: {
      connectionString: config.connectionString,
      ...(config.statementTimeoutMs ? { statement_timeout: config.statementTimeoutMs } : {}),
      ...(config.connectTimeoutMs ? { connectionTimeoutMillis: config.connectTimeoutMs } : {}),
    },
    pool: { min: 0, max: 8 },
    ...(config.connectTimeoutMs ? { acquireConnectionTimeout: config.connectTimeoutMs * 2 } : {}),
  })
  return { knex, dialect: 'pg', close: () => knex.destroy() }
}
