// One meter read for the same month at two desks, each without the other's reading: after the
// exchange every store keeps both, uses the one taken later and flags both for review — whichever
// desk reached the server first.
import { expect, it } from 'vitest'
import { postReadings, readingsForm } from '../../../src/main/services/billing/readings'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { byService, freshMeteredAccount, typed } from '../../helpers/billing'
import { type Desk, type Office } from '../../helpers/sync'
import { describeOffice, serverClerk, signInAt, syncAll, tableSnapshot, useOffice } from './support'

describeOffice('office sync: the same meter read at two desks', () => {
  let office: Office
  let a: Desk
  let b: Desk
  let clerk: ClerkInfo

  useOffice([1, 2], {
    setUp: async (server) => void (clerk = await serverClerk(server)),
    ready: async (suite) => {
      ;({
        office,
        desks: [a, b],
      } = suite as unknown as { office: Office; desks: [Desk, Desk] })
      // The same clerk signed in at both desks (a session at each).
      await signInAt(a, clerk)
      await signInAt(b, clerk)
    },
  })

  async function read(desk: Desk, accountId: string, service: string, add: number): Promise<string> {
    const meter = byService((await readingsForm(desk.ctx, accountId)).meters, service)
    const posted = await postReadings(desk.ctx, clerk, {
      accountId,
      takenOn: '2026-11-22',
      source: 'office',
      entries: [{ meterId: meter.meterId, values: typed(meter, add) }],
    })
    return posted.accepted[0]?.readingId ?? ''
  }

  it('keeps both, the later one active and the earlier superseded by it, both for review, everywhere', async () => {
    const accountId = await freshMeteredAccount(office.server, { twoZone: false })
    // Water: A at 10:00, B at 10:05 (B wins). Electricity: B at 10:05, A at 10:10 (A wins).
    const waterA = await read(a, accountId, 'cold_water', 3)
    b.clock.advance({ minutes: 5 })
    const waterB = await read(b, accountId, 'cold_water', 5)
    const powerB = await read(b, accountId, 'electricity', 120)
    a.clock.advance({ minutes: 10 })
    const powerA = await read(a, accountId, 'electricity', 90)
    const local = await a.db.knex('readings').whereIn('id', [waterA, powerA])
    expect(local.map((r: { status: string }) => r.status)).toEqual(['active', 'active'])

    await syncAll(office, [a, b])

    const mine = (q: import('knex').Knex.QueryBuilder): void =>
      void q.whereIn('id', [waterA, waterB, powerA, powerB])
    const columns = ['status', 'superseded_by', 'review']
    const expected = new Map([
      [waterA, JSON.stringify(['superseded', waterB, 1])],
      [waterB, JSON.stringify(['active', null, 1])],
      [powerB, JSON.stringify(['superseded', powerA, 1])],
      [powerA, JSON.stringify(['active', null, 1])],
    ])
    for (const db of [a.db, b.db, office.server]) {
      expect(await tableSnapshot(db, 'readings', ['id'], columns, mine)).toEqual(expected)
      const active = (await db
        .knex('readings as r')
        .join('meters as m', 'm.id', 'r.meter_id')
        .where({ 'm.account_id': accountId, 'r.period': '2026-11', 'r.status': 'active' })
        .select('r.id')
        .orderBy('r.id')) as Array<{ id: string }>
      expect(active.map((r) => r.id)).toEqual([waterB, powerA].sort())
    }
    // The form at A now shows B's later water reading as this month's.
    const water = byService((await readingsForm(a.ctx, accountId)).meters, 'cold_water')
    expect(water.current?.valuesMilli).toEqual(water.previous?.valuesMilli.map((v) => v + 5_000))
  })
})
