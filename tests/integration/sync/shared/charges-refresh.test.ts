// A charge run in office mode: it runs on the server, and desks replace the month's charges with
// the server's through one «refresh» change instead of replaying every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/db/connection'
import { runChargesShared } from '../../../../src/main/services/billing/charge-run-shared'
import { pgUrl } from '../../../helpers/database'
import { createDesk, createOffice, type Desk, type Office } from '../../../helpers/sync'

const PERIOD = '2026-10'

async function monthCharges(db: Db): Promise<Map<string, number>> {
  const rows = (await db.knex('charges').select('id', 'amount_kopecks').where({ period: PERIOD })) as Array<{
    id: string
    amount_kopecks: number | string
  }>
  return new Map(rows.map((r) => [r.id, Number(r.amount_kopecks)]))
}

async function monthLines(db: Db): Promise<string[]> {
  const rows = (await db
    .knex('charge_lines')
    .select('charge_lines.id')
    .join('charges', 'charges.id', 'charge_lines.charge_id')
    .where('charges.period', PERIOD)
    .orderBy('charge_lines.id')) as Array<{ id: string }>
  return rows.map((r) => r.id)
}

if (!pgUrl()) console.warn('[okno tests] charges refresh skipped: OKNO_TEST_PG_URL is not set')

describe.skipIf(!pgUrl())('a charge run in office mode', () => {
  let office: Office
  let a: Desk
  let b: Desk

  beforeAll(async () => {
    office = await createOffice()
    // The office has not charged October yet.
    await office.server.knex('charge_lines').where({ period: PERIOD }).delete()
    await office.server.knex('charges').where({ period: PERIOD }).delete()
    a = await createDesk(office)
    b = await createDesk(office)
    for (const desk of [a, b]) expect((await desk.worker.syncNow()).state).toBe('online')
  }, 120_000)

  afterAll(async () => {
    await a?.dispose()
    await b?.dispose()
    await office?.dispose()
  })

  it('runs on the server, and both desks end with the server’s charges of the month', async () => {
    expect((await monthCharges(a.db)).size).toBe(0)
    const result = await a.worker.direct(a.ctx, 'расчёт начислений', (ctx) =>
      runChargesShared(ctx, PERIOD, null),
    )
    const server = await monthCharges(office.server)
    expect(server.size).toBeGreaterThan(0)
    expect(result.changed).toBe(server.size)
    // The desk that ran it pulled the refresh at once; the other one with its next exchange.
    expect(await monthCharges(a.db)).toEqual(server)
    expect((await monthCharges(b.db)).size).toBe(0)
    await b.worker.syncNow()
    expect(await monthCharges(b.db)).toEqual(server)
    const lines = await monthLines(office.server)
    expect(lines.length).toBeGreaterThan(server.size)
    expect(await monthLines(a.db)).toEqual(lines)
    expect(await monthLines(b.db)).toEqual(lines)
  }, 180_000)

  it('logged one refresh for the month, not a change per charge', async () => {
    const logged = (await office.server
      .knex('sync_changes')
      .select('entity', 'entity_id', 'op')
      .whereIn('entity', ['charges', 'charge_lines'])) as Array<{
      entity: string
      entity_id: string
      op: string
    }>
    expect(logged).toEqual([{ entity: 'charges', entity_id: PERIOD, op: 'refresh' }])
  })

  it('a second run that changes nothing leaves the desks as they are', async () => {
    const before = await monthCharges(b.db)
    const again = await b.worker.direct(b.ctx, 'расчёт начислений', (ctx) =>
      runChargesShared(ctx, PERIOD, null),
    )
    expect(again.changed).toBe(0)
    expect(await monthCharges(b.db)).toEqual(before)
    await a.worker.syncNow()
    expect(await monthCharges(a.db)).toEqual(before)
  }, 180_000)
})
