// The end-to-end fixtures: `desk` is a browser-mode desk of its own for each test — a copy of
// the template database in a fresh temp folder, `node out/main/web.js` on a free port — stopped
// and removed after the test; `secondDesk` is another such desk (two counters of one office) with
// `secondPage` in a browser context of its own. Per-test workstation settings:
// test.use({ deskSettings: {...} }); a clock starting elsewhere than E2E_CLOCK_START (a working day
// of the offices, say): test.use({ deskClock: '2026-11-23T05:30:00.000Z' }).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import type { PrinterSettings } from '../../src/shared/print/document'
import { copyTemplateDb, E2E_CLOCK_START } from './template'

export interface DeskSettings {
  officeId: string | null
  counterNumber: number
  idleLockMinutes: number
  printer: PrinterSettings
  /** The settings file's sync part as written (a desk of an older version, say). */
  sync: Record<string, unknown>
}

export interface Desk {
  /** The link the desk printed: opening it sets the cookies and lands on the desk. */
  url: string
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  dbPath: string
  /** Everything the desk has printed so far (stdout and stderr). */
  output(): string
}

const WEB_JS = join(__dirname, '../../out/main/web.js')
const URL_LINE = /Откройте в браузере на этом компьютере: (http:\/\/\S+)/
// Guards against a desk that hangs, not speed checks: a busy two-core machine starts one slowly.
const START_LIMIT_MS = 60_000
const STOP_LIMIT_MS = 30_000

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, url?: string): void => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve(url as string)
    }
    const onData = (): void => {
      const m = URL_LINE.exec(output())
      if (m) done(null, m[1])
    }
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`Рабочее место завершилось (код ${code}, сигнал ${signal}) до ссылки:\n${output()}`))
    const timer = setTimeout(
      () => done(new Error(`Рабочее место не напечатало ссылку за ${START_LIMIT_MS / 1000} с:\n${output()}`)),
      START_LIMIT_MS,
    )
    child.stdout?.on('data', onData)
    child.on('exit', onExit)
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`Рабочее место не остановилось по SIGTERM за ${STOP_LIMIT_MS / 1000} с`))
    }, STOP_LIMIT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Starts a desk, hands it to `use`, stops and removes it; its output is attached on failure. */
async function runDesk(
  name: string,
  deskSettings: Partial<DeskSettings> | undefined,
  deskClock: string,
  use: (desk: Desk) => Promise<void>,
  testInfo: TestInfo,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'okno-e2e-'))
  const dbPath = join(dir, 'okno.sqlite')
  copyTemplateDb(dbPath)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OKNO_DB: dbPath,
    OKNO_PORT: '0',
    OKNO_CLOCK_START: deskClock,
  }
  delete env.OKNO_SETTINGS
  if (deskSettings) {
    env.OKNO_SETTINGS = join(dir, 'okno-settings.json')
    writeFileSync(env.OKNO_SETTINGS, JSON.stringify({ workstationId: randomUUID(), ...deskSettings }))
  }

  let log = ''
  const output = (): string => log
  const child = spawn(process.execPath, [WEB_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.setEncoding('utf8').on('data', (s: string) => (log += s))
  child.stderr.setEncoding('utf8').on('data', (s: string) => (log += s))
  try {
    const url = await waitForUrl(child, output)
    const { origin, port } = new URL(url)
    await use({ url, origin, port: Number(port), dbPath, output })
  } finally {
    try {
      await stop(child)
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach(`${name}-output`, { body: log, contentType: 'text/plain' })
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const test = base.extend<{
  deskSettings: Partial<DeskSettings> | undefined
  deskClock: string
  desk: Desk
  secondDesk: Desk
  secondPage: Page
}>({
  deskSettings: [undefined, { option: true }],
  deskClock: [E2E_CLOCK_START, { option: true }],

  desk: async ({ deskSettings, deskClock }, use, testInfo) => {
    await runDesk('desk', deskSettings, deskClock, use, testInfo)
  },
  // A fresh workstation (its own id), not the first desk's settings: another counter.
  secondDesk: async ({ deskClock }, use, testInfo) => {
    await runDesk('second-desk', undefined, deskClock, use, testInfo)
  },
  // Cookies are per host, not per port: the second desk's sign-in needs its own context.
  secondPage: async ({ browser }, use) => {
    const context = await browser.newContext()
    try {
      await use(await context.newPage())
    } finally {
      await context.close()
    }
  },
})

export { expect }
