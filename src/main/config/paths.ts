// Where the workstation keeps its files. The same folder Electron calls userData for this app,
// so the desktop shell and browser mode open the same database.
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

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
