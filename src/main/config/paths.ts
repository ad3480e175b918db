// Where the workstation keeps its files, and who may read them. The same folder Electron calls
// userData for this app, so the desktop shell and browser mode open the same database.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export const APP_FOLDER = 'okno'

export function defaultDataDir(): string {
  if (process.env.OKNO_DATA_DIR) return process.env.OKNO_DATA_DIR
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  }
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

/** The SQLite file: `OKNO_DB` when set (tests, tools, a real database elsewhere). */
export function resolveDbPath(dataDir: string = defaultDataDir()): string {
  return process.env.OKNO_DB ?? join(dataDir, 'okno.sqlite')
}

/** The workstation settings file, beside the database unless `OKNO_SETTINGS` says otherwise. */
export function resolveSettingsPath(dbPath: string): string {
  return process.env.OKNO_SETTINGS ?? join(dirname(dbPath), 'okno-settings.json')
}

/**
 * The folder holding the database: created owner-only (0700). An existing one is tightened only
 * when it is the app's own folder — never a folder OKNO_DB points into (/tmp, a shared disk).
 */
export function preparePrivateDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    chmodSync(dir, 0o700) // mkdir's mode passes through the umask; this does not
  } else if (resolve(dir) === resolve(defaultDataDir())) {
    chmodSync(dir, 0o700)
  }
}

/** A file of personal data, readable by the desk's own user account only (0600). */
export function ownerOnly(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600)
}

/**
 * The SQLite store and its -wal and -shm made owner-only before it is opened: SQLite creates the
 * -wal and -shm with the database file's permissions, so they follow. An absent file is created
 * empty and owner-only, for the same reason.
 */
export function ownerOnlyDatabase(dbPath: string): void {
  if (!existsSync(dbPath)) closeSync(openSync(dbPath, 'a', 0o600))
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) ownerOnly(path)
}
