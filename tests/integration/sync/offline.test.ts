// A desk that cannot reach the office server: direct operations (booking, closing the shift)
// are refused with a Russian «no connection» message and write nothing anywhere, while payments
// still go through locally and wait in the outbox until the server is back.
import { expect, it } from 'vitest'
import { postPayment } from '../../../src/main/services/cash/payments'
import { cashDeskState } from '../../../src/main/services/cash/shifts'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { booking, testOffice } from '../../helpers/appointments'
import { refusal } from '../../helpers/cabinet'
import { indebtedAccount, payInput } from '../../helpers/cash'
import { countAll } from '../../helpers/rows'
import { type Desk, type Office } from '../../helpers/sync'
import {
  countedAsExpected,
  describeOffice,
  envOf,
  ids,
  openDeskShift,
  onServer,
  otherWorker,
  serverClerk,
  signInAt,
  useOffice,
} from './support'

const LOCAL = ['appointments', 'appointment_seats', 'shifts', 'z_reports', 'payments', 'audit_log', 'outbox']
const SERVER = [
  'appointments',
  'appointment_seats',
  'shifts',
  'z_reports',
  'payments',
  'audit_log',
  'sync_changes',
]

describeOffice('office sync: a desk without the server', () => {
  let office: Office
  let officeId: string
  let a: Desk
  let clerk: ClerkInfo
  let cut: Awaited<ReturnType<typeof otherWorker>>
  let shiftId: string

  useOffice([1], {
    setUp: async (server) => {
      officeId = await testOffice(server.server, 1)
      clerk = await serverClerk(server)
    },
    ready: async (suite) => {
      ;({
        office,
        desks: [a],
      } = suite as unknown as { office: Office; desks: [Desk] })
      await signInAt(a, clerk)
      shiftId = await openDeskShift(a, clerk)
      expect((await a.worker.syncNow()).pending).toBe(0)
      // The same store, its server now unreachable (a port nobody listens on).
      cut = await otherWorker(a)
    },
    tearDown: async () => cut?.dispose(),
  })

  it('refuses booking and closing the shift with UNAVAILABLE «Нет связи», writing nothing', async () => {
    const local = await countAll(a.db, LOCAL)
    const server = await countAll(office.server, SERVER)
    const token = a.sessions.tokenOf(clerk.id) as string
    const booked = await refusal(
      cut.worker.direct('запись на приём', 'appointments.book', booking(officeId), token),
    )
    expect(booked.code).toBe('UNAVAILABLE')
    expect(booked.message).toMatch(
      /^Нет связи с сервером «Окно»: запись на приём выполняется только на сервере/,
    )
    expect(booked.message).toContain('не отвечает')

    const input = await countedAsExpected(a)
    const closed = await refusal(cut.worker.direct('закрытие смены', 'shifts.close', input, token))
    expect(closed.code).toBe('UNAVAILABLE')
    expect(closed.message).toContain('Нет связи с сервером «Окно»: закрытие смены')

    expect(await countAll(a.db, LOCAL)).toEqual(local)
    expect(await countAll(office.server, SERVER)).toEqual(server)
    expect((await cashDeskState(a.ctx)).shift).toMatchObject({ id: shiftId, status: 'open' })
    expect(await office.server.knex('shifts').where({ id: shiftId }).first()).toMatchObject({
      closed_at: null,
    })
    expect(await cut.worker.status()).toMatchObject({ state: 'offline', pending: 0 })
  })

  it('still takes payments offline; they wait in the outbox and reach the server later', async () => {
    const draft = await indebtedAccount(envOf(a))
    const posted = await postPayment(a.ctx, clerk, payInput(draft, Math.min(40_00, draft.totalDebtKopecks)))
    const paymentId = posted.receipt.paymentId
    expect(posted.replayed).toBe(false)

    const offline = await cut.worker.syncNow()
    expect(offline.state).toBe('offline')
    expect(offline.pending).toBeGreaterThanOrEqual(3) // the payment, its allocation(s), the audit entry
    expect(offline.failed).toBe(0)
    expect(offline.lastError).toContain('не отвечает')
    const waiting = await a.db.knex('outbox').whereNull('sent_at').where({ entity: 'payments' })
    expect(waiting.map((r: { entity_id: string }) => r.entity_id)).toEqual([paymentId])
    expect(await ids(office.server, 'payments', { id: paymentId })).toEqual([])

    // The server is reachable again (the desk's own worker): everything goes, once.
    expect(await a.worker.syncNow()).toMatchObject({ state: 'online', pending: 0 })
    expect(await ids(office.server, 'payments', { id: paymentId })).toEqual([paymentId])
    // …and the shift can now be closed on the server.
    const closed = await onServer(a, clerk, 'shifts.close', await countedAsExpected(a))
    expect(closed.shift.status).toBe('closed')
    expect((await cashDeskState(a.ctx)).shift).toBeNull()
  })
})
