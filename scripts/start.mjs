// npm start: builds the desk and runs it in Electron. Where the Electron binary is missing and
// cannot be downloaded, it says so in one paragraph and runs the desk in browser mode instead
// (npm run start:web: browser mode straight away). Ctrl+C or a signal to npm stops everything.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { run } from './lib/child.mjs'
import { findElectronBinary, projectRoot } from './lib/electron-binary.mjs'

const DOWNLOAD_LIMIT_MS = 60_000
const INSTALL_LOG = join(projectRoot, '.cache', 'electron-install.log')

function node(script, args = [], options) {
  return run(process.execPath, [script, ...args], { cwd: projectRoot, ...options })
}

/** Runs node_modules/electron/install.js once (it honours ELECTRON_MIRROR); says how it went. */
async function tryDownload(packageDir) {
  console.log(`Electron не найден; пробую скачать его (не дольше ${DOWNLOAD_LIMIT_MS / 1000} с)…`)
  const result = await node(join(packageDir, 'install.js'), [], { capture: true, limitMs: DOWNLOAD_LIMIT_MS })
  mkdirSync(dirname(INSTALL_LOG), { recursive: true })
  const note = result.timedOut ? `\n[прервано через ${DOWNLOAD_LIMIT_MS / 1000} с]\n` : ''
  writeFileSync(INSTALL_LOG, result.output + (result.error ? String(result.error) : '') + note)
  const log = relative(process.cwd(), INSTALL_LOG)
  if (result.timedOut) return `скачивание не уложилось в ${DOWNLOAD_LIMIT_MS / 1000} с, вывод в ${log}`
  return result.code === 0 ? '' : `попытка скачать его не удалась, вывод в ${log}`
}

/** Browser mode, the desk opened in the default browser where there is one. */
async function browserMode(extra) {
  return (await node(join(projectRoot, 'out/main/web.js'), ['--open', ...extra])).code
}

async function main() {
  // --browser (npm run start:web): browser mode without looking for Electron.
  const browserOnly = process.argv.includes('--browser')
  const extra = process.argv.slice(2).filter((a) => a !== '--browser')
  const electronVite = join(
    dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
    'bin/electron-vite.js',
  )
  const build = await node(electronVite, ['build'])
  if (build.code !== 0) return build.code
  if (browserOnly) return browserMode(extra)

  let electron = findElectronBinary()
  let attempt = ''
  if (!electron.found && electron.packageDir && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    attempt = await tryDownload(electron.packageDir)
    electron = findElectronBinary()
  }
  if (electron.found) {
    const env = { ...process.env }
    delete env.ELECTRON_RUN_AS_NODE
    // Chromium refuses to run as root with its sandbox; say so rather than fail without a word.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    if (rootOnly.length > 0) {
      console.log(
        'Запуск от имени root: песочница Chromium отключена. Запускайте «Окно» от обычного пользователя.',
      )
    }
    return (await run(electron.path, [projectRoot, ...rootOnly, ...extra], { env, cwd: projectRoot })).code
  }

  console.log(
    `\nДвоичный файл Electron получить не удалось. Причина: ${electron.reason}${attempt ? `; ${attempt}` : ''}. ` +
      'Его можно дать двумя способами: скачать через зеркало — ELECTRON_MIRROR=<адрес зеркала> npm start, ' +
      'или указать папку с уже распакованным Electron — ELECTRON_OVERRIDE_DIST_PATH=<папка> npm start. ' +
      'Сейчас рабочее место запускается в режиме браузера.\n',
  )
  return browserMode(extra)
}

process.exitCode = await main()
