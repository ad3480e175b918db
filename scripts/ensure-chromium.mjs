// Finds a Chromium for the end-to-end tests and writes its path to .cache/chromium-path, which
// playwright.config.ts reads (CHROMIUM_PATH, when set, wins there too). In order: CHROMIUM_PATH;
// a system Chromium or Chrome; `apt-get install chromium` when we are root on Debian/Ubuntu;
// Playwright's own download of Chromium (machines without apt).
import { spawnSync } from 'node:child_process'
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { projectRoot } from './lib/electron-binary.mjs'

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
const OUTPUT = join(projectRoot, '.cache', 'chromium-path')

function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function sh(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: код выхода ${result.status}`)
}

function findOrInstall() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: такого исполняемого файла нет`)
    return { path: fromEnv, how: 'из CHROMIUM_PATH' }
  }
  const system = SYSTEM_BROWSERS.find(executable)
  if (system) return { path: system, how: 'системный' }

  if (process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get')) {
    console.log('Chromium не найден: ставлю его из apt (apt-get install -y chromium)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    try {
      sh('apt-get', ['install', '-y', 'chromium'], env)
    } catch {
      // A fresh machine may have no package lists yet.
      sh('apt-get', ['update'], env)
      sh('apt-get', ['install', '-y', 'chromium'], env)
    }
    if (executable('/usr/bin/chromium')) return { path: '/usr/bin/chromium', how: 'установлен из apt' }
    throw new Error('apt-get install chromium прошёл, но /usr/bin/chromium нет')
  }

  console.log(
    'Chromium не найден и apt недоступен: скачиваю Chromium Playwright (npx playwright-core install chromium)…',
  )
  const require = createRequire(import.meta.url)
  const cli = join(dirname(require.resolve('playwright-core/package.json')), 'cli.js')
  sh(process.execPath, [cli, 'install', 'chromium'])
  const path = require('playwright-core').chromium.executablePath()
  if (!executable(path)) throw new Error(`Playwright не оставил Chromium по пути ${path}`)
  return { path, how: 'скачан Playwright' }
}

try {
  const { path, how } = findOrInstall()
  mkdirSync(dirname(OUTPUT), { recursive: true })
  writeFileSync(OUTPUT, `${path}\n`)
  console.log(`Chromium для сквозных тестов (${how}): ${path}`)
} catch (err) {
  console.error(`Chromium для сквозных тестов не найден: ${err instanceof Error ? err.message : err}`)
  process.exit(1)
}
