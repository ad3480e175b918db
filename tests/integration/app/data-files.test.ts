// The desk's files hold personal data: on a fresh data folder the folder is created 0700 and the
// database with its -wal and -shm 0600, whatever the umask; a store left readable by an earlier
// version is tightened on the next start.
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkstation } from '../../../src/main/app/bootstrap'
import { ownerOnlyDatabase, preparePrivateDir } from '../../../src/main/config/paths'

const mode = (path: string): number => statSync(path).mode & 0o777

describe.skipIf(process.platform === 'win32')('the data folder and the database files', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'okno-files-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('are owner-only on a fresh data folder', async () => {
    const dataDir = join(root, 'okno')
    const dbPath = join(dataDir, 'okno.sqlite')
    // Office mode without a server: the store starts empty (no demo to build) and no exchange runs.
    const settingsPath = join(root, 'okno-settings.json')
    writeFileSync(
      settingsPath,
      JSON.stringify({ workstationId: randomUUID(), sync: { mode: 'office', server: null } }),
    )
    const workstation = await openWorkstation({ dbPath, settingsPath, keySealer: null })
    try {
      // A write, so the -wal and -shm exist while the store is open.
      await workstation.ctx.db.knex('sync_state').insert({ key: 'test', value: 'x' })
      expect(mode(dataDir)).toBe(0o700)
      for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, join(dataDir, 'okno-passport.key')]) {
        expect({ path, mode: mode(path).toString(8) }).toEqual({ path, mode: '600' })
      }
    } finally {
      await workstation.close()
    }
  })

  it('tightens a store an earlier version left readable, and leaves a folder not its own alone', () => {
    const shared = join(root, 'shared')
    preparePrivateDir(shared)
    expect(mode(shared)).toBe(0o700)
    chmodSync(shared, 0o755)
    const dbPath = join(shared, 'okno.sqlite')
    for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) writeFileSync(path, '', { mode: 0o644 })
    preparePrivateDir(shared)
    ownerOnlyDatabase(dbPath)
    for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect(mode(path)).toBe(0o600)
    // A folder OKNO_DB points into (here: not the app's own) keeps its permissions.
    expect(mode(shared)).toBe(0o755)
  })
})
