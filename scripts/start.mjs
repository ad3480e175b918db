// npm start: builds the desk and runs it in Electron. Where the Electron binary is missing and
// cannot be downloaded, it says so in one paragraph and runs the desk in browser mode instead.
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { constants } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { findElectronBinary, projectRoot } from './lib/electron-binary.mjs'

const DOWNLOAD_LIMIT_MS = 60_000
const INSTALL_LOG = join(projectRoot, '.cache', 'electron-install.log')

/**
 * Runs a command, passing SIGINT/SIGTERM on to it. With `capture`, its output is collected instead
 * of shown; with `limitMs`, it is killed when it runs longer.
 */
function run(command, args, { capture = false, limitMs, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: capture ? 'pipe' : 'inherit' })
    let output = ''
    let timedOut = false
    if (capture) {
      child.stdout.on('data', (b) => (output += b))
      child.stderr.on('data', (b) => (output += b))
    }
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    const timer = limitMs && setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), limitMs)
    const finish = (code, signal, error) => {
      clearTimeout(timer)
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ code: code ?? 128 + (constants.signals[signal] ?? 0), output, timedOut, error })
    }
    child.once('error', (error) => finish(1, null, error))
    child.once('exit', (code, signal) => finish(code, signal))
  })
}

function node(script, args = [], options) {
  return run(process.execPath, [script, ...args], options)
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

async function main() {
  const extra = process.argv.slice(2)
  const electronVite = join(
    dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
    'bin/electron-vite.js',
  )
  const build = await node(electronVite, ['build'])
  if (build.code !== 0) return build.code

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
    return (await run(electron.path, [projectRoot, ...rootOnly, ...extra], { env })).code
  }

  console.log(
    `\nДвоичный файл Electron получить не удалось. Причина: ${electron.reason}${attempt ? `; ${attempt}` : ''}. ` +
      'Его можно дать двумя способами: скачать через зеркало — ELECTRON_MIRROR=<адрес зеркала> npm start, ' +
      'или указать папку с уже распакованным Electron — ELECTRON_OVERRIDE_DIST_PATH=<папка> npm start. ' +
      'Сейчас рабочее место запускается в режиме браузера: откройте в браузере ссылку, которая появится ниже.\n',
  )
  return (await node(join(projectRoot, 'out/main/web.js'), extra)).code
}

process.exitCode = await main()
