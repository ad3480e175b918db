// The okno-server process itself for tests, apart from any test runner (vitest suites use it
// through okno-server.ts, the Playwright fixture directly): `node --import tsx src/main/server/cli.ts
// serve` on 127.0.0.1 with a temp data dir, against a given database; resolves once it prints «слушает».
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Office } from './sync'

// `__dirname`, not import.meta: both vitest and Playwright's CommonJS transform provide it.
const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'src/main/server/cli.ts')
const STARTUP_TIMEOUT_MS = 120_000

export interface OknoServer {
  /** https://127.0.0.1:PORT */
  url: string
  fingerprint: string
  pgUrl: string
  dataDir: string
  /** The office database when this server made it (null when given a pgUrl). */
  office: Office | null
  /** A one-time enrollment code made with the CLI (`enroll --office --counter`). */
  enroll(officeCode: string, counter: number, minutes?: number): Promise<string>
  /** Everything the process printed so far. */
  output(): string
  /** SIGTERM and wait; drops the database it made and its data dir. */
  stop(): Promise<void>
  /** SIGKILL and wait (keeps the database and data dir for a restart). */
  kill(): Promise<void>
  /** Starts again on the same port and data dir (after stop without cleanup, or kill). */
  restart(): Promise<void>
}

export interface StartOptions {
  /** Serve this database instead of a new demo office (a second server on one database). */
  pgUrl?: string
  /** Keep certificates here (the same identity across processes); a temp dir by default. */
  dataDir?: string
  port?: number
  /** The server's PostgreSQL statement timeout (--statement-timeout-ms); its default otherwise. */
  statementTimeoutMs?: number
}

export async function runCli(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    timeout: STARTUP_TIMEOUT_MS,
  })
}

function launch(
  args: readonly string[],
  log: string[],
): Promise<{ child: ChildProcess; url: string; fingerprint: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolvePromise, reject) => {
    let url = ''
    let text = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`okno-server did not start:\n${log.join('')}`))
    }, STARTUP_TIMEOUT_MS)
    const onData = (chunk: Buffer): void => {
      log.push(chunk.toString('utf8'))
      text += chunk.toString('utf8')
      url ||= /слушает (https:\/\/\S+)/.exec(text)?.[1] ?? ''
      const fingerprint = /\(SHA-256\): ([0-9A-F:]{95})/.exec(text)?.[1]
      if (url && fingerprint) {
        clearTimeout(timer)
        resolvePromise({ child, url, fingerprint })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`okno-server exited (${code}) before listening:\n${log.join('')}`))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => child.once('exit', () => r()))
}

/**
 * A server on `database`; `office` (made by the caller) is disposed of by stop(), and by a
 * failed start, with the data dir this made.
 */
export async function startServerProcess(
  database: string,
  office: Office | null,
  options: Omit<StartOptions, 'pgUrl'> = {},
): Promise<OknoServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'okno-server-'))
  const ownsDir = options.dataDir === undefined
  const log: string[] = []
  const args = (port: number): string[] => [
    'serve',
    '--pg',
    database,
    '--listen',
    `127.0.0.1:${port}`,
    '--data-dir',
    dataDir,
    ...(options.statementTimeoutMs ? ['--statement-timeout-ms', String(options.statementTimeoutMs)] : []),
  ]
  let running = await launch(args(options.port ?? 0), log).catch(async (err: unknown) => {
    await office?.dispose()
    if (ownsDir) rmSync(dataDir, { recursive: true, force: true })
    throw err
  })
  const port = Number(new URL(running.url).port)
  const server: OknoServer = {
    url: running.url,
    fingerprint: running.fingerprint,
    pgUrl: database,
    dataDir,
    office,
    async enroll(officeCode, counter, minutes) {
      const { stdout } = await runCli([
        'enroll',
        '--pg',
        database,
        '--office',
        officeCode,
        '--counter',
        String(counter),
        ...(minutes === undefined ? [] : ['--minutes', String(minutes)]),
      ])
      const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(stdout)?.[0]
      if (!code) throw new Error(`No enrollment code in: ${stdout}`)
      return code
    },
    output: () => log.join(''),
    async stop() {
      running.child.kill('SIGTERM')
      await exited(running.child)
      await office?.dispose()
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true })
    },
    async kill() {
      running.child.kill('SIGKILL')
      await exited(running.child)
    },
    async restart() {
      running.child.kill('SIGTERM')
      await exited(running.child)
      running = await launch(args(port), log)
      server.fingerprint = running.fingerprint
    },
  }
  return server
}
