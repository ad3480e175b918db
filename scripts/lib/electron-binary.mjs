// Finds the Electron binary WITHOUT triggering its download. Requiring the `electron` package
// (node_modules/electron/index.js) downloads the binary on first use; npm start and the Electron
// tests must only look, so this repeats that file's lookup by hand:
//   ELECTRON_OVERRIDE_DIST_PATH set  -> <that folder>/<path.txt or the platform's executable name>
//   otherwise                        -> node_modules/electron/dist/<path.txt>, if both exist.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The executable's path inside an unpacked Electron, as node_modules/electron/install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/** node_modules/electron, or null when the package is not installed. */
export function electronPackageDir(root = projectRoot) {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/**
 * @returns {{ found: true, path: string, source: string } | { found: false, reason: string, packageDir: string | null }}
 */
export function findElectronBinary({ root = projectRoot, env = process.env } = {}) {
  const packageDir = electronPackageDir(root)
  const pathFile = packageDir && join(packageDir, 'path.txt')
  const named = pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null

  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, named || platformExecutable())
    if (existsSync(path)) return { found: true, path, source: 'ELECTRON_OVERRIDE_DIST_PATH' }
    return { found: false, packageDir, reason: `ELECTRON_OVERRIDE_DIST_PATH задан, но файла ${path} нет` }
  }
  if (!packageDir)
    return { found: false, packageDir, reason: 'пакет electron не установлен (выполните npm ci)' }
  if (!named)
    return {
      found: false,
      packageDir,
      reason: 'двоичный файл Electron ещё не скачан (в node_modules/electron нет path.txt)',
    }
  const path = join(packageDir, 'dist', named)
  if (existsSync(path)) return { found: true, path, source: 'node_modules/electron/dist' }
  return { found: false, packageDir, reason: `двоичного файла Electron нет: ${path}` }
}
