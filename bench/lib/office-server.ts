// The sync bench's office server: the PostgreSQL server OKNO_BENCH_PG_URL names (its database
// `postgres` or any other: only the server is taken from it), or a cluster of the bench's own in
// bench/.data/pg, created once, started on a free port for the run and stopped at its end. The
// office database okno_bench_<N> is filled once from the bench SQLite database of N accounts
// (pg-copy.ts) and kept; a comment on it marks it complete, so an interrupted fill is redone.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import pg from 'pg'
import { openDb } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { openServer } from '../../src/main/sync/server'
import { BENCH_HISTORY_MONTHS, type BenchArgs } from './args'
import { copySqliteToPg } from './pg-copy'
import { fmt } from './report'
import { withDatabase } from '../../tests/helpers/pg-admin'
import {
  freePort,
  handToPostgres,
  POSTGRES_ROOT,
  postgresBinDir,
  runTool,
  toolCommand,
} from '../../tests/helpers/local-postgres'

export const PG_URL_VARIABLE = 'OKNO_BENCH_PG_URL'
const CLUSTER_DIR = join(__dirname, '..', '.data', 'pg')
/** The comment a completely filled office database carries (what follows is informative). */
const COMPLETE_MARK = 'okno-bench: заполнена'

/**
 * The cluster's settings: room for a bulk load (few checkpoints, memory for the indexes), while
 * commits stay durable as on a real office server (fsync and synchronous_commit are left on; the
 * fill turns synchronous_commit off in its own transactions only).
 */
const CLUSTER_SETTINGS = [
  'shared_buffers=1GB',
  'max_wal_size=8GB',
  'checkpoint_timeout=30min',
  'maintenance_work_mem=512MB',
  'work_mem=32MB',
  'max_connections=50',
]

export interface OfficeServer {
  /** The server's `postgres` database (creating and dropping the office database). */
  adminUrl: string
  /** Where it came from, for the report. */
  describe: string
  /** The cluster's files when they are here (the bench's own cluster), for the disk space check. */
  dataDir: string | null
  /** Stops the cluster the bench started (nothing for a server it was given or found running). */
  stop(): Promise<void>
  /** The same, synchronously: for a signal handler. */
  stopNow(): void
}

function binDir(): string {
  const bin = postgresBinDir()
  if (!bin) {
    throw new Error(
      `Нет PostgreSQL для бенчмарка: не найдены initdb и pg_ctl в ${POSTGRES_ROOT}/*/bin. ` +
        `Установите PostgreSQL или укажите сервер в ${PG_URL_VARIABLE}.`,
    )
  }
  return bin
}

/** The server from OKNO_BENCH_PG_URL, or the bench's own cluster (created and started here). */
export async function officeServer(): Promise<OfficeServer> {
  const given = process.env[PG_URL_VARIABLE]
  if (given) {
    return {
      adminUrl: withDatabase(given, 'postgres'),
      describe: `${PG_URL_VARIABLE} (${new URL(given).host})`,
      dataDir: null,
      stop: () => Promise.resolve(),
      stopNow: () => {},
    }
  }
  const bin = binDir()
  const command = (name: string, args: string[]): [string, string[]] => toolCommand(bin, name, args)
  const tool = (name: string, args: string[]): Promise<void> => runTool(bin, name, args, 600_000)
  const data = join(CLUSTER_DIR, 'data')
  const shown = relative(process.cwd(), CLUSTER_DIR)
  if (!existsSync(join(data, 'PG_VERSION'))) {
    rmSync(data, { recursive: true, force: true })
    mkdirSync(CLUSTER_DIR, { recursive: true })
    await handToPostgres(CLUSTER_DIR)
    console.log(`Создаю кластер PostgreSQL бенчмарка: ${shown}`)
    await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'])
  }

  // A cluster left running (another run, a killed one) is used as it is and left running.
  const pidFile = join(data, 'postmaster.pid')
  if (existsSync(pidFile)) {
    const [file, argv] = command('pg_ctl', ['-D', data, 'status'])
    if (spawnSync(file, argv).status === 0) {
      const port = readFileSync(pidFile, 'utf8').split('\n')[3]?.trim()
      return {
        adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
        describe: `кластер ${shown} (уже запущен, порт ${port})`,
        dataDir: data,
        stop: () => Promise.resolve(),
        stopNow: () => {},
      }
    }
  }
  const port = await freePort()
  const options = [`-h 127.0.0.1 -p ${port} -k ${CLUSTER_DIR}`, ...CLUSTER_SETTINGS.map((s) => `-c ${s}`)]
  await tool('pg_ctl', [
    '-D',
    data,
    '-o',
    options.join(' '),
    '-l',
    join(CLUSTER_DIR, 'log'),
    '-w',
    '-t',
    '600',
    'start',
  ])
  let stopped = false
  const stopArgs = ['-D', data, '-m', 'fast', '-w', 'stop']
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    describe: `кластер ${shown} (порт ${port})`,
    dataDir: data,
    async stop() {
      if (stopped) return
      stopped = true
      await tool('pg_ctl', stopArgs)
    },
    stopNow() {
      if (stopped) return
      stopped = true
      const [file, argv] = command('pg_ctl', stopArgs)
      spawnSync(file, argv)
    },
  }
}

async function admin<T extends pg.QueryResultRow>(
  adminUrl: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return (await client.query<T>(sql, params)).rows
  } finally {
    await client.end()
  }
}

/**
 * The office database's name. `prefix` keeps apart databases of benches that must not share one
 * (the server bench migrates and enrolls desks in its own, an older checkout may fill its own).
 */
export function officeDatabaseName(args: BenchArgs, prefix = 'okno_bench'): string {
  return `${prefix}_${args.accounts}${args.historyMonths === BENCH_HISTORY_MONTHS ? '' : `_h${args.historyMonths}`}`
}

/** Whether the office database of the bench's size is there, and completely filled. */
export async function officeDatabaseState(
  server: OfficeServer,
  args: BenchArgs,
  prefix?: string,
): Promise<'complete' | 'partial' | 'missing'> {
  const [found] = await admin<{ comment: string | null }>(
    server.adminUrl,
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [officeDatabaseName(args, prefix)],
  )
  if (!found) return 'missing'
  return found.comment?.startsWith(COMPLETE_MARK) ? 'complete' : 'partial'
}

/**
 * The office database of the bench's size on the server: used as it is when complete, otherwise
 * (missing, or an interrupted fill) created anew and filled from the bench SQLite database
 * `sqlitePath`. Returns its URL.
 */
export async function ensureOfficeDatabase(
  server: OfficeServer,
  args: BenchArgs,
  sqlitePath: string,
  prefix?: string,
): Promise<string> {
  const name = officeDatabaseName(args, prefix)
  const url = withDatabase(server.adminUrl, name)
  const state = await officeDatabaseState(server, args, prefix)
  if (state === 'complete') {
    console.log(`База отделения: ${name} (уже заполнена, беру её)`)
    const db = openServer(url, { statementTimeoutMs: 0 })
    try {
      // A migration added since the fill (an empty new table, a new column) is applied here.
      const applied = await migrateToLatest(db.knex)
      if (applied.length > 0) console.log(`  применены миграции: ${applied.join(', ')}`)
    } finally {
      await db.close()
    }
    return url
  }
  if (state === 'partial') {
    console.log(`База отделения ${name} заполнена не до конца (прерванный прогон): заполняю заново`)
    await admin(server.adminUrl, `DROP DATABASE ${name} WITH (FORCE)`)
  }
  await admin(server.adminUrl, `CREATE DATABASE ${name}`)
  console.log(`Заполняю базу отделения ${name} из ${basename(sqlitePath)}…`)
  const target = openServer(url, { statementTimeoutMs: 0 })
  const source = openDb({ client: 'sqlite', filename: sqlitePath })
  try {
    await migrateToLatest(target.knex)
    const started = performance.now()
    const rows = await copySqliteToPg(source, target)
    const copied = performance.now()
    await target.knex.raw('ANALYZE')
    const seconds = (performance.now() - started) / 1000
    const [size] = (
      (await target.knex.raw('SELECT pg_database_size(current_database()) AS bytes')) as {
        rows: Array<{ bytes: number }>
      }
    ).rows
    console.log(
      `База отделения заполнена за ${fmt(seconds, 1)} с (копирование ${fmt((copied - started) / 1000, 1)} с, ` +
        `ANALYZE ${fmt((performance.now() - copied) / 1000, 1)} с): ${fmt(rows)} строк, ` +
        `${fmt(rows / seconds)} строк/с, ${fmt(Number(size?.bytes ?? 0) / 2 ** 20)} МБ`,
    )
    const mark = `${COMPLETE_MARK} из ${basename(sqlitePath)}, ${fmt(rows)} строк, ${new Date().toISOString()}`
    await target.knex.raw(`COMMENT ON DATABASE ${name} IS '${mark.replaceAll("'", "''")}'`)
  } finally {
    await source.close()
    await target.close()
  }
  return url
}
