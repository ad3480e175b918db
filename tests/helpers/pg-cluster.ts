// A private, throwaway PostgreSQL cluster for one test file: the sync fault tests stop and start
// the server under the desks' feet, which the shared OKNO_TEST_PG_URL server must never suffer.
// initdb and pg_ctl come from the highest /usr/lib/postgresql/*/bin; as root they run as the
// `postgres` user (runuser). Where that is impossible, startCluster says why, and the file skips.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { openDb, type Db } from '../../src/main/db/connection'
import { migrateToLatest } from '../../src/main/db/migrate'
import { seedDemo } from '../../src/main/demo/build'
import type { DemoOptions } from '../../src/main/demo/generator'
import { adminQuery, withDatabase } from './database'

const run = promisify(execFile)

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

const ROOT = '/usr/lib/postgresql'

/** The bin folder of the highest installed PostgreSQL, or null. */
function binDir(): string | null {
  if (!existsSync(ROOT)) return null
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')) && existsSync(join(ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
  return versions[0] ? join(ROOT, versions[0], 'bin') : null
}

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function failure(err: unknown): string {
  const e = err as { stderr?: string; message?: string }
  return (e.stderr?.trim() || e.message || String(err)).slice(0, 600)
}

export async function startCluster(): Promise<Cluster | { unavailable: string }> {
  const bin = binDir()
  if (!bin) return { unavailable: `PostgreSQL binaries (initdb, pg_ctl) not found under ${ROOT}/*/bin` }
  const asRoot = process.getuid?.() === 0
  // initdb refuses root: run the server's tools as `postgres` then.
  const tool = (name: string, args: string[]): Promise<unknown> =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args], { timeout: 60_000 })
      : run(join(bin, name), args, { timeout: 60_000 })

  const dir = mkdtempSync(join(tmpdir(), 'okno-pg-'))
  const data = join(dir, 'data')
  try {
    if (asRoot) await run('chown', ['postgres:', dir])
    await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    return { unavailable: `initdb failed${asRoot ? ' (as postgres via runuser)' : ''}: ${failure(err)}` }
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
    return { unavailable: `pg_ctl start failed: ${failure(err)}` }
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
