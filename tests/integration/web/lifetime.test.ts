// npm start in browser mode stops as a whole: a SIGTERM that ends only npm's shell, or Ctrl+C in
// the terminal, stops the script and the desk it runs, and frees the port and the database.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDemoSqlite } from '../../../src/main/demo/build'
import { DEMO } from '../../helpers/database'

const ROOT = resolve(__dirname, '../../..')
const LIMIT = { timeout: 60_000, interval: 100 }

let dir: string
let template: string
const started: ChildProcess[] = []
const pids: number[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okno-lifetime-'))
  template = inject('demoTemplate')?.sqliteFile ?? ''
  if (!template) {
    template = join(dir, 'template.sqlite')
    await buildDemoSqlite(template, DEMO)
  }
  return () => rmSync(dir, { recursive: true, force: true })
})

afterEach(() => {
  // Anything still alive after a failed test is ended here, by its own id.
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  for (const pid of pids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL')
})

interface Desk {
  shell: ChildProcess
  scriptPid: number
  deskPid: number
  port: number
}

/** `sh -c` runs the script as npm does, in a process group of its own (the terminal's, for Ctrl+C). */
async function startDesk(name: string): Promise<Desk> {
  const home = join(dir, name)
  mkdirSync(join(home, 'renderer'), { recursive: true })
  writeFileSync(join(home, 'renderer', 'index.html'), '<!doctype html><title>Окно</title>')
  copyFileSync(template, join(home, 'okno.sqlite'))
  const shell = spawn('sh', ['-c', '"$0" tests/helpers/run-web-child.mjs; exit $?', process.execPath], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      OKNO_DB: join(home, 'okno.sqlite'),
      OKNO_SETTINGS: join(home, 'okno-settings.json'),
      OKNO_RENDERER_DIR: join(home, 'renderer'),
      OKNO_PASSPORT_KEY: randomBytes(32).toString('base64'),
      OKNO_PORT: '0',
    },
  })
  started.push(shell)
  let output = ''
  shell.stdout?.setEncoding('utf8').on('data', (s: string) => (output += s))
  shell.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s))
  await expect.poll(() => /127\.0\.0\.1:(\d+)/.test(output) || shell.exitCode !== null, LIMIT).toBe(true)
  expect(shell.exitCode, output).toBeNull()
  const number = (re: RegExp) => Number(re.exec(output)?.[1])
  const desk = {
    shell,
    scriptPid: number(/script pid (\d+)/),
    deskPid: number(/desk pid (\d+)/),
    port: number(/127\.0\.0\.1:(\d+)/),
  }
  pids.push(desk.scriptPid, desk.deskPid)
  return desk
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function expectAllStopped(desk: Desk): Promise<void> {
  await expect.poll(() => alive(desk.scriptPid), LIMIT).toBe(false)
  await expect.poll(() => alive(desk.deskPid), LIMIT).toBe(false)
  expect(await portTaken(desk.port)).toBe(false)
}

describe('npm start in browser mode', () => {
  it('stops the script and the desk when a SIGTERM ends only npm’s shell', async () => {
    const desk = await startDesk('term')
    expect(alive(desk.deskPid)).toBe(true)
    expect(await portTaken(desk.port)).toBe(true)
    desk.shell.kill('SIGTERM')
    await expectAllStopped(desk)
  }, 180_000)

  it('stops everything on Ctrl+C in the terminal (SIGINT to the whole group)', async () => {
    const desk = await startDesk('int')
    process.kill(-(desk.shell.pid as number), 'SIGINT')
    await expectAllStopped(desk)
  }, 180_000)
})
