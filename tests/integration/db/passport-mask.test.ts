// Migration 007: passport masks stored in the old form («45 06 ***456», seven of ten digits) are
// rewritten to the current one from the digits they kept; current ones are left as they are.
import { randomBytes, randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { passportMaskSchema } from '../../../src/main/db/migrations/007_passport_mask'
import { describeEachDatabase } from '../../helpers/database'

describeEachDatabase('migration 007: passport masks', (getCtx) => {
  it('hides the series and all but the last three digits of masks stored before', async () => {
    const { db } = getCtx()
    const person = (await db.knex('persons').first('id')) as { id: string }
    const doc = (masked: string, replaced: boolean): Record<string, unknown> & { id: string } => ({
      id: randomUUID(),
      person_id: person.id,
      kind: 'passport_rf',
      number_hmac: randomBytes(32).toString('hex'),
      masked,
      sealed: 'test',
      key_id: 'test',
      created_at: '2026-01-01T00:00:00.000Z',
      replaced_at: replaced ? '2026-02-01T00:00:00.000Z' : null,
    })
    const old = doc('45 06 ***456', true)
    const current = doc('•• •• •••789', false)
    await db.knex('person_documents').insert([old, current])
    await db.knex.transaction((trx) => passportMaskSchema.up(trx))
    const masks = (await db
      .knex('person_documents')
      .whereIn('id', [old.id, current.id])
      .select('id', 'masked')) as { id: string; masked: string }[]
    expect(Object.fromEntries(masks.map((m) => [m.id, m.masked]))).toEqual({
      [old.id]: '•• •• •••456',
      [current.id]: '•• •• •••789',
    })
    const left = (await db
      .knex('person_documents')
      .where('masked', 'like', '%*%')
      .count({ n: '*' })
      .first()) as {
      n: number | string
    }
    expect(Number(left.n)).toBe(0)
  })
})
