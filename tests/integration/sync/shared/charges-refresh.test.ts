// A charge run in office mode: it runs on the okno-server (an administrator's operation), and desks
// replace the month's charges with the server's through one «refresh» change instead of replaying
// every row (the desk reads that month from the server's download stream: refresh-link.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/db/connection'
import type { ClerkInfo } from '../../../../src/shared/domain/clerk'
import { pgUrl } from '../../../helpers/database'
import { startOknoServer, type OknoServer } from '../../../helpers/okno-server'
import { clerkOf } from '../../../helpers/cabinet'
import { createDesk, type Desk, type Office } from '../../../helpers/sync'
import { ensureCounter, firstOfficeCode, onServer } from '../support'

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
  let okno: OknoServer
  let office: Office
  let a: Desk
  let b: Desk
  let admin: ClerkInfo

  beforeAll(async () => {
    okno = await startOknoServer()
    office = okno.office as Office
    // The office has not charged October yet.
    await office.server.knex('charge_lines').where({ period: PERIOD }).delete()
    await office.server.knex('charges').where({ period: PERIOD }).delete()
    const made = await clerkOf(office.server, 'administrator')
    admin = made.info
    const officeCode = await firstOfficeCode(office)
    for (const n of [21, 22]) await ensureCounter(office, n)
    a = await createDesk(okno, { officeCode, counterNumber: 21 })
    b = await createDesk(okno, { officeCode, counterNumber: 22 })
    for (const desk of [a, b]) {
      expect((await desk.worker.syncNow()).state).toBe('online')
      await desk.signIn(admin, made.credentials.password)
    }
  }, 300_000)

  afterAll(async () => {
    await a?.dispose()
    await b?.dispose()
    await okno?.stop()
  })

  it('runs on the server, and both desks end with the server’s charges of the month', async () => {
    expect((await monthCharges(a.db)).size).toBe(0)
    const result = await onServer(a, admin, 'charges.run', { period: PERIOD })
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
    const again = await onServer(b, admin, 'charges.run', { period: PERIOD })
    expect(again.changed).toBe(0)
    expect(await monthCharges(b.db)).toEqual(before)
    await a.worker.syncNow()
    expect(await monthCharges(a.db)).toEqual(before)
  }, 180_000)
})
