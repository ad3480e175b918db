// Two desks of one office: the first download matches the server; payments and readings taken on
// both (one of them cut off from the server for a while) end up, after syncing, the same on both
// desks and the server — row by row, total by total — with each change logged once and every
// audit chain intact.
import { expect, it } from 'vitest'
import { accountBalance } from '../../../src/main/services/billing/balances'
import { postPayment } from '../../../src/main/services/cash/payments'
import { postReadings, readingsForm } from '../../../src/main/services/billing/readings'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { byService, freshMeteredAccount, typed } from '../../helpers/billing'
import { indebtedAccount, payInput } from '../../helpers/cash'
import { makeContext } from '../../helpers/context'
import { countAll } from '../../helpers/rows'
import { SYNC_DEMO, type Desk, type Office } from '../../helpers/sync'
import {
  auditChain,
  describeOffice,
  envOf,
  ids,
  loggedChanges,
  openDeskShift,
  otherWorker,
  serverClerk,
  signInAt,
  sumsBy,
  syncAll,
  tableSnapshot,
  useOffice,
} from './support'

describeOffice('office sync: two desks converge', () => {
  let office: Office
  let a: Desk
  let b: Desk
  let clerkA: ClerkInfo
  let clerkB: ClerkInfo

  useOffice([11, 12], {
    setUp: async (server) => {
      clerkA = await serverClerk(server)
      clerkB = await serverClerk(server)
    },
    ready: async (suite) => {
      ;({
        office,
        desks: [a, b],
      } = suite as unknown as { office: Office; desks: [Desk, Desk] })
      await signInAt(a, clerkA)
      await signInAt(b, clerkB)
    },
  })

  /** One payment of part of the debt of an account nobody else in this file paid. */
  async function pay(desk: Desk, clerk: ClerkInfo, kopecks: number): Promise<string> {
    const draft = await indebtedAccount(envOf(desk))
    const posted = await postPayment(
      desk.ctx,
      clerk,
      payInput(draft, Math.min(kopecks, draft.totalDebtKopecks)),
    )
    desk.clock.advance({ seconds: 30 })
    return posted.receipt.paymentId
  }

  async function readWater(desk: Desk, clerk: ClerkInfo): Promise<string> {
    const accountId = await freshMeteredAccount(office.server, { twoZone: false })
    const water = byService((await readingsForm(desk.ctx, accountId)).meters, 'cold_water')
    const posted = await postReadings(desk.ctx, clerk, {
      accountId,
      takenOn: '2026-11-22',
      source: 'office',
      entries: [{ meterId: water.meterId, values: typed(water, 4) }],
    })
    desk.clock.advance({ seconds: 30 })
    return posted.accepted[0]?.readingId ?? ''
  }

  it('downloads the same office to both desks', async () => {
    const tables = [
      'accounts',
      'persons',
      'payments',
      'payment_allocations',
      'readings',
      'charges',
      'audit_log',
    ]
    const onServer = await countAll(office.server, tables)
    expect(onServer.accounts).toBe(SYNC_DEMO.accounts)
    expect(await countAll(a.db, tables)).toEqual(onServer)
    expect(await countAll(b.db, tables)).toEqual(onServer)
    expect(await ids(a.db, 'accounts')).toEqual(await ids(office.server, 'accounts'))
    const columns = ['account_id', 'amount_kopecks', 'business_date', 'kind']
    expect(await tableSnapshot(b.db, 'payments', ['id'], columns)).toEqual(
      await tableSnapshot(office.server, 'payments', ['id'], columns),
    )
  })

  it('ends with the same payments, readings, audit and balances everywhere after B was offline', async () => {
    await openDeskShift(a, clerkA)
    await openDeskShift(b, clerkB)
    const made = { a: [] as string[], b: [] as string[], readings: [] as string[] }
    made.a.push(await pay(a, clerkA, 100_00), await pay(a, clerkA, 250_50))
    made.b.push(await pay(b, clerkB, 75_00))
    made.readings.push(await readWater(a, clerkA), await readWater(b, clerkB))
    await syncAll(office, [a])

    // B loses the server: its worker reports it, and its changes wait in the outbox.
    const cut = await otherWorker(b)
    try {
      const offline = await cut.worker.syncNow()
      expect(offline.state).toBe('offline')
      expect(offline.pending).toBeGreaterThan(0)
      expect(offline.lastError).toContain('не отвечает')
      made.b.push(await pay(b, clerkB, 30_00))
      made.readings.push(await readWater(b, clerkB))
      made.a.push(await pay(a, clerkA, 12_34))
      await syncAll(office, [a])
      const still = await cut.worker.syncNow()
      expect(still.state).toBe('offline')
      expect(still.pending).toBeGreaterThan(offline.pending)
    } finally {
      await cut.dispose()
    }
    expect(await ids(b.db, 'payments', { id: made.a[2] })).toEqual([])
    expect(await ids(office.server, 'payments', { id: made.b[1] })).toEqual([])

    await syncAll(office, [a, b, a])

    const stores = [a.db, b.db, office.server]
    const snapshots = async (table: string, columns: string[]): Promise<Array<Map<string, string>>> =>
      Promise.all(stores.map((db) => tableSnapshot(db, table, ['id'], columns)))

    const payments = await snapshots('payments', [
      'account_id',
      'amount_kopecks',
      'receipt_number',
      'shift_id',
    ])
    for (const id of [...made.a, ...made.b]) expect(payments[2]?.has(id)).toBe(true)
    expect(payments[0]).toEqual(payments[2])
    expect(payments[1]).toEqual(payments[2])

    const allocations = await snapshots('payment_allocations', ['payment_id', 'service_id', 'amount_kopecks'])
    expect(allocations[0]).toEqual(allocations[2])
    expect(allocations[1]).toEqual(allocations[2])

    const readings = await snapshots('readings', ['meter_id', 'period', 'status', 'superseded_by', 'review'])
    for (const id of made.readings) expect(readings[2]?.get(id)).toContain('"active"')
    expect(readings[0]).toEqual(readings[2])
    expect(readings[1]).toEqual(readings[2])

    const audit = await snapshots('audit_log', ['workstation_id', 'seq', 'hash'])
    expect(audit[0]).toEqual(audit[2])
    expect(audit[1]).toEqual(audit[2])

    const shifts = await snapshots('shifts', ['office_id', 'counter_number', 'number', 'closed_at'])
    expect(shifts[0]).toEqual(shifts[2])
    expect(shifts[1]).toEqual(shifts[2])

    const totals = await Promise.all(
      stores.map((db) => sumsBy(db, 'payments', 'account_id', 'amount_kopecks')),
    )
    expect(totals[0]).toEqual(totals[2])
    expect(totals[1]).toEqual(totals[2])
    const paid = (await office.server.knex('payments').whereIn('id', [...made.a, ...made.b])) as Array<{
      account_id: string
    }>
    for (const { account_id: accountId } of paid) {
      const [onA, onB, onServer] = await Promise.all(
        [a.ctx, b.ctx, makeContext(office.server).ctx].map((ctx) => accountBalance(ctx, accountId)),
      )
      expect(onA).toEqual(onServer)
      expect(onB).toEqual(onServer)
    }

    // Every outbox row reached the change log exactly once, under its desk's name.
    for (const desk of [a, b]) {
      const outbox = await ids(desk.db, 'outbox')
      expect(outbox.length).toBeGreaterThan(0)
      expect(await loggedChanges(office.server, desk.settings.get().workstationId)).toEqual(outbox)
      expect((await desk.worker.status()).pending).toBe(0)
    }
    const logged = await loggedChanges(office.server)
    expect(new Set(logged).size).toBe(logged.length)

    for (const db of stores) {
      const chain = await auditChain(db)
      expect(chain).toMatchObject({ intact: true, brokenAt: null })
      expect(chain.entries).toBe(audit[2]?.size)
    }
  }, 120_000)
})
