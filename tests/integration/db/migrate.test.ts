import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../src/main/db/connection'
import { CURRENT_SCHEMA_VERSION, migrateToLatest, schemaVersion } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import { describeEachDatabase } from '../../helpers/database'

describe('migrations on a new SQLite file', () => {
  it('applies every migration in order once, and nothing the second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okno-migrate-'))
    const db = openDb({ client: 'sqlite', filename: join(dir, 'new.sqlite') })
    try {
      expect(await schemaVersion(db.knex)).toBe(0)
      expect(await migrateToLatest(db.knex)).toEqual(MIGRATIONS.map((m) => m.name))
      expect(await schemaVersion(db.knex)).toBe(CURRENT_SCHEMA_VERSION)
      expect(await migrateToLatest(db.knex)).toEqual([])
      expect(await schemaVersion(db.knex)).toBe(CURRENT_SCHEMA_VERSION)
      const pragmas = await db.knex.raw('PRAGMA foreign_keys')
      expect(pragmas).toEqual([{ foreign_keys: 1 }])
    } finally {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describeEachDatabase('migrations on the demo database', (getCtx) => {
  it('finds nothing to apply', async () => {
    const { db } = getCtx()
    expect(await migrateToLatest(db.knex)).toEqual([])
    expect(await schemaVersion(db.knex)).toBe(CURRENT_SCHEMA_VERSION)
  })
})
