// PostgreSQL on this machine, free of any test runner (vitest helpers, end-to-end tests and the
// sync bench use it): a free TCP port, the highest installed server's tools, and running them —
// as the `postgres` user when we are root, since initdb and the server refuse root.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const POSTGRES_ROOT = '/usr/lib/postgresql'

/** A TCP port nothing listens on right now (127.0.0.1): for a new server, or to be refused. */
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

/** The bin folder of the highest installed PostgreSQL with initdb and pg_ctl, or null. */
export function postgresBinDir(): string | null {
  if (!existsSync(POSTGRES_ROOT)) return null
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((v) => ['initdb', 'pg_ctl'].every((tool) => existsSync(join(POSTGRES_ROOT, v, 'bin', tool))))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
  return versions[0] ? join(POSTGRES_ROOT, versions[0], 'bin') : null
}

export const runningAsRoot = (): boolean => process.getuid?.() === 0

/** The command line of one of the server's tools: through runuser as `postgres` when root. */
export function toolCommand(bin: string, name: string, args: readonly string[]): [string, string[]] {
  return runningAsRoot()
    ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]]
    : [join(bin, name), [...args]]
}

/** Runs one of the server's tools; a failure's message carries its stderr. */
export async function runTool(
  bin: string,
  name: string,
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  const [file, argv] = toolCommand(bin, name, args)
  try {
    await run(file, argv, { timeout: timeoutMs })
  } catch (err) {
    const e = err as { stderr?: string; message?: string }
    throw new Error(`${name}: ${(e.stderr?.trim() || e.message || String(err)).slice(0, 800)}`, {
      cause: err,
    })
  }
}

/** Gives a folder to the `postgres` user when we are root (its data folder must be its own). */
export async function handToPostgres(dir: string): Promise<void> {
  if (runningAsRoot()) await run('chown', ['postgres:', dir])
}
