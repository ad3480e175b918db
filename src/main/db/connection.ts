// Opens the database: the workstation's SQLite file, or a PostgreSQL server (office mode, tests).
import knexFactory, { type Knex } from 'knex'
import pg from 'pg'
import { keepSqlApart } from './errors'
import { scramOnlyKnexClient } from './pg-scram-client'
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
      /** Refuse cleartext and MD5 password requests (okno-server: SCRAM only). */
      scramOnly?: boolean
    }

export type Dialect = 'sqlite' | 'pg'

export interface Db {
  knex: Knex
  dialect: Dialect
  close(): Promise<void>
}

// DESIGN.md «Security rules»: an error never carries a bound value (a password hash, a passport's
// digest, a customer's name), since its message reaches the console, the outbox and the status line.
const ERRORS: Pick<Knex.Config, 'compileSqlOnError'> = { compileSqlOnError: false }

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
      ...ERRORS,
      pool: {
        min: 1,
        max: 1,
        afterCreate(conn: RawSqlite, done: (err: Error | null, conn: RawSqlite) => void) {
          conn.exec(SQLITE_PRAGMAS.join(';\n'), (err) => done(err, conn))
        },
      },
    })
    keepSqlApart(knex)
    return { knex, dialect: 'sqlite', close: () => knex.destroy() }
  }
  // BIGINT (kopecks, milli-units) arrives as text from pg; our values stay far below 2^53.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
  const knex = knexFactory({
    client: config.scramOnly ? scramOnlyKnexClient : 'pg',
    connection: {
      connectionString: config.connectionString,
      ...(config.statementTimeoutMs ? { statement_timeout: config.statementTimeoutMs } : {}),
      ...(config.connectTimeoutMs ? { connectionTimeoutMillis: config.connectTimeoutMs } : {}),
    },
    pool: { min: 0, max: 8 },
    ...ERRORS,
    ...(config.connectTimeoutMs ? { acquireConnectionTimeout: config.connectTimeoutMs * 2 } : {}),
  })
  keepSqlApart(knex)
  return { knex, dialect: 'pg', close: () => knex.destroy() }
}
