// A private, throwaway PostgreSQL cluster for one test file: the sync fault tests stop and start
// the server under the desks' feet, which the shared OKNO_TEST_PG_URL server must never suffer.
// initdb and pg_ctl come from the highest /usr/lib/postgresql/*/bin; as root they run as the
// `postgres` user (runuser). Where that is impossible, startCluster says why, and the file skips.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { seedDemo } from '../../src/main/demo/build'
import type { DemoOptions } from '../../src/main/demo/generator'
import { adminQuery, withDatabase } from './database'
import {
  freePort,
  handToPostgres,
  POSTGRES_ROOT,
  postgresBinDir,
  runningAsRoot,
  runTool,
} from './local-postgres'

export type StopMode = 'fast' | 'immediate'

export interface Cluster {
  /** The cluster's `postgres` database as its superuser. */
  url: string
  dir: string
  stop(mode?: StopMode): Promise<void>
  start(): Promise<void>
  /** Stops the cluster (immediately) and removes its files. */
  dispose(): Promise<void>
}

export async function startCluster(): Promise<Cluster | { unavailable: string }> {
  const bin = postgresBinDir()
  if (!bin)
    return { unavailable: `PostgreSQL binaries (initdb, pg_ctl) not found under ${POSTGRES_ROOT}/*/bin` }
  const asRoot = runningAsRoot()
  const tool = (name: string, args: string[]): Promise<void> => runTool(bin, name, args)

  const dir = mkdtempSync(join(tmpdir(), 'okno-pg-'))
  const data = join(dir, 'data')
  try {
    await handToPostgres(dir)
    await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    return {
      unavailable: `initdb failed${asRoot ? ' (as postgres via runuser)' : ''}: ${(err as Error).message}`,
    }
  }

  const port = await freePort()
  const start = async (): Promise<void> => {
    await tool('pg_ctl', [
      '-D',
      data,
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ])
  }
  const stop = async (mode: StopMode = 'fast'): Promise<void> => {
    await tool('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'])
  }
  try {
    await start()
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    return { unavailable: `pg_ctl start failed: ${(err as Error).message}` }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    start,
    stop,
    async dispose() {
      await stop('immediate').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Small and quick: 300 accounts of the demo. */
export const SMALL_DEMO: Required<DemoOptions> = { accounts: 300, asOf: '2026-11-22', seed: 7 }

export interface ClusterOffice {
  /** The office database's URL (the desks' connection). */
  url: string
  /** The test's own connection to it (assertions). */
  server: Db
  dispose(): Promise<void>
}

/** An office database in the cluster with the small demo, like createOffice() on the shared server. */
export async function createClusterOffice(cluster: Cluster, name = 'okno_office'): Promise<ClusterOffice> {
  await adminQuery(cluster.url, `CREATE DATABASE ${name}`)
  const url = withDatabase(cluster.url, name)
  const server = openDb({ client: 'pg', connectionString: url })
  await migrateToLatest(server.knex)
  await seedDemo(server, SMALL_DEMO)
  return { url, server, dispose: () => server.close() }
}
