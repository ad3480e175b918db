// The desk in real Electron: runs where the Electron binary is present, and skips with a printed
// reason where it is not (it is never downloaded from here; see scripts/lib/electron-binary.mjs).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import { CHANNELS } from '../../src/shared/ipc/channels'
import { copyTemplateDb } from '../e2e/template'

const TITLE = 'Окно — рабочее место операциониста'

type ElectronBinaryLib = typeof import('../../scripts/lib/electron-binary.mjs')

// Imported at run time: Playwright's TypeScript loader would compile a static import of this
// ES module to CommonJS, which Node then refuses to run as an .mjs file.
const loadElectronBinaryLib = (): Promise<ElectronBinaryLib> =>
  import(pathToFileURL(join(__dirname, '../../scripts/lib/electron-binary.mjs')).href)

test('Electron: window title, the okno bridge with exactly the contract channels, context isolation', async () => {
  const { findElectronBinary, projectRoot } = await loadElectronBinaryLib()
  const binary = findElectronBinary()
  if (!binary.found) {
    const reason = `Electron-тесты пропущены: ${binary.reason}`
    console.log(reason)
    test.skip(true, reason)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'okno-electron-'))
  const dbPath = join(dir, 'okno.sqlite')
  copyTemplateDb(dbPath)
  // Chromium refuses to run as root with its sandbox on (containers, CI).
  const args = process.getuid?.() === 0 ? ['--no-sandbox', projectRoot] : [projectRoot]
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env
  const app = await electron.launch({
    executablePath: binary.path,
    args,
    env: { ...env, OKNO_DB: dbPath, OKNO_DATA_DIR: dir },
  })
  try {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    const windowTitle = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    )
    expect(windowTitle).toBe(TITLE)
    const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { okno: object }).okno))
    expect(keys.sort()).toEqual([...CHANNELS].sort())
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }))
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined' })
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
