// Applying changes to a store: an insert applied twice leaves one row, updates change only the
// named fields, deletes find rows by a composite key, and a table outside the list is refused.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../../src/main/db/connection'
import { migrateToLatest } from '../../../../src/main/db/migrate'
import type { Change } from '../../../../src/shared/domain/sync'
import { applyChanges } from '../../../../src/main/sync/apply'

let seq = 0
function change(entity: string, op: Change['op'], payload: Record<string, unknown>, entityId = ''): Change {
  seq++
  return {
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    entity,
    entityId,
    op,
    payload: JSON.stringify(payload),
    createdAt: '2026-11-22T07:00:00.000Z',
  }
}

describe('applyChanges', () => {
  let dir: string
  let db: Db
  const apply = (changes: Change[]): Promise<void> => db.knex.transaction((trx) => applyChanges(trx, changes))

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okno-sync-apply-'))
    db = openDb({ client: 'sqlite', filename: join(dir, 'okno.sqlite') })
    await migrateToLatest(db.knex)
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    await db.knex('calendar_days').delete()
    await db.knex('name_words').delete()
  })

  it('an insert applied twice leaves one row, and consecutive inserts keep their order', async () => {
    const day = change('calendar_days', 'insert', { date: '2026-12-31', kind: 'holiday', name: 'Новый год' })
    const words = ['иванов', 'петров', 'сидоров'].map((word) => change('name_words', 'insert', { word }))
    await apply([day, ...words])
    await apply([day, ...words])
    expect(await db.knex('calendar_days').select('date', 'kind', 'name')).toEqual([
      { date: '2026-12-31', kind: 'holiday', name: 'Новый год' },
    ])
    expect((await db.knex('name_words').orderBy('word')).map((r: { word: string }) => r.word)).toEqual([
      'иванов',
      'петров',
      'сидоров',
    ])
  })

  it('an update changes the named fields of the row its entity id names, and nothing else', async () => {
    const topic = (await db.knex('appointment_topics').orderBy('sort').first()) as Record<string, unknown>
    await apply([
      change('appointment_topics', 'update', { name: 'Консультация по начислениям' }, String(topic.id)),
    ])
    const after = (await db.knex('appointment_topics').where({ id: topic.id }).first()) as Record<
      string,
      unknown
    >
    expect(after).toEqual({ ...topic, name: 'Консультация по начислениям' })
  })

  it('a delete finds its row by the key in the payload, an insert after it brings it back', async () => {
    const row = { date: '2026-11-04', kind: 'holiday', name: 'День народного единства' }
    await apply([change('calendar_days', 'insert', row)])
    await apply([change('calendar_days', 'delete', row, row.date)])
    expect(await db.knex('calendar_days').count({ n: '*' }).first()).toEqual({ n: 0 })
    await apply([
      change('calendar_days', 'delete', row),
      change('calendar_days', 'insert', { ...row, kind: 'short' }),
    ])
    expect(await db.knex('calendar_days').select('kind')).toEqual([{ kind: 'short' }])
  })

  it('refuses a table that is not shared, and the whole batch with it', async () => {
    await expect(
      apply([change('name_words', 'insert', { word: 'кузнецов' }), change('outbox', 'insert', { id: 'x' })]),
    ).rejects.toThrow('Таблица «outbox» не участвует в обмене с сервером')
    expect(await db.knex('name_words').count({ n: '*' }).first()).toEqual({ n: 0 })
  })
})
