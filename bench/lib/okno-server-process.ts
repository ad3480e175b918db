// The sync bench's okno-server: a real `serve` process of src/main/server/cli.ts on 127.0.0.1 with a
// temp data dir, against the bench's office database; its memory read from /proc/<pid>/status.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')
const CLI = join(ROOT, 'src', 'main', 'server', 'cli.ts')
const STARTUP_TIMEOUT_MS = 120_000
/** The server's last lines, shown when it fails. */
const KEPT_LINES = 40

export interface OknoServerProcess {
  url: string
  fingerprint: string
  pid: number
  /** Resident memory of the server process now, in bytes (VmRSS). */
  rss(): number
  /** The server's last lines of output. */
  tail(): string
  stop(): Promise<void>
  stopNow(): void
}

function vmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
  if (!kb) throw new Error(`Нет VmRSS в /proc/${pid}/status`)
  return Number(kb) * 1024
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((r) => child.once('exit', () => r()))
}

/** A folder for the server's CPU profile (node --cpu-prof), to see where its time goes. */
export const PROFILE_VARIABLE = 'OKNO_BENCH_SERVER_PROFILE'

export async function startOknoServer(pgUrl: string, dataDir: string): Promise<OknoServerProcess> {
  const profile = process.env[PROFILE_VARIABLE]
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      '--import',
      'tsx',
      CLI,
      'serve',
      '--pg',
      pgUrl,
      '--listen',
      '127.0.0.1:0',
      '--data-dir',
      dataDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const lines: string[] = []
  let text = ''
  const keep = (chunk: Buffer): void => {
    text += chunk.toString('utf8')
    const parts = text.split('\n')
    text = parts.pop() ?? ''
    lines.push(...parts)
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES)
  }
  const tail = (): string => [...lines, text].join('\n')
  const { url, fingerprint } = await new Promise<{ url: string; fingerprint: string }>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`okno-server не запустился за ${STARTUP_TIMEOUT_MS / 1000} с:\n${tail()}`))
    }, STARTUP_TIMEOUT_MS)
    let seen = ''
    const onData = (chunk: Buffer): void => {
      keep(chunk)
      seen += chunk.toString('utf8')
      const found = /слушает (https:\/\/\S+)/.exec(seen)?.[1]
      const print = /\(SHA-256\): ([0-9A-F:]{95})/.exec(seen)?.[1]
      if (found && print) {
        clearTimeout(timer)
        child.stdout?.off('data', onData).on('data', keep)
        child.stderr?.off('data', onData).on('data', keep)
        ok({ url: found, fingerprint: print })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`okno-server завершился (${code}) до начала работы:\n${tail()}`))
    })
  })
  const pid = child.pid as number
  return {
    url,
    fingerprint,
    pid,
    rss: () => vmRss(pid),
    tail,
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
    },
    stopNow() {
      child.kill('SIGKILL')
    },
  }
}
