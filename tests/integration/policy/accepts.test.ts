// The write policy accepts every change a correct desk makes: the real services run at a desk
// (cash, readings, a cabinet's password reset, appointments, schedule settings), and each change
// of its outbox is checked by checkChanges against the office server, then applied as a push would.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import {
  bookAppointment,
  cancelAppointment,
  markAppointment,
} from '../../../src/main/services/appointments/booking'
import { saveClosure, saveOfficeSchedule, saveTopic } from '../../../src/main/services/appointments/schedule'
import { postReadings, readingsForm } from '../../../src/main/services/billing/readings'
import { registerCabinet } from '../../../src/main/services/cabinet/issue'
import { resetCabinetPassword } from '../../../src/main/services/cabinet/reset'
import { postPayment } from '../../../src/main/services/cash/payments'
import { markPrinted } from '../../../src/main/services/cash/receipts'
import { reversePayment } from '../../../src/main/services/cash/reversal'
import { moveCash, openShift } from '../../../src/main/services/cash/shifts'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { byService, freshMeteredAccount, typed } from '../../helpers/billing'
import { clerkOf, freshHolder, registerInput } from '../../helpers/cabinet'
import { booking, testOffice } from '../../helpers/appointments'
import { indebtedAccount, payInput } from '../../helpers/cash'
import type { Desk, Office } from '../../helpers/sync'
import { actAs, applyUnchecked, describeOffice, envOf, pushChecked, sessionOf, useOffice } from './support'

describeOffice('write policy: what a correct desk pushes is accepted', () => {
  let office: Office
  let desk: Desk
  let operator: ClerkInfo
  let supervisor: Awaited<ReturnType<typeof clerkOf>>
  let administrator: ClerkInfo
  let appointmentOffice: string

  useOffice([7], {
    setUp: async (server) => {
      operator = (await clerkOf(server.server, 'operator')).info
      supervisor = await clerkOf(server.server, 'supervisor')
      administrator = (await clerkOf(server.server, 'administrator')).info
      appointmentOffice = await testOffice(server.server, 2)
    },
    ready: (suite) => {
      office = suite.office
      desk = suite.desks[0] as Desk
    },
  })

  it('a shift, payments with their allocations, a printed receipt, a cash-in and a refund', async () => {
    actAs(desk, operator)
    const shift = await openShift(desk.ctx, operator, { float: '1000' })
    const draft = await indebtedAccount(envOf(desk))
    const paid = await postPayment(
      desk.ctx,
      operator,
      payInput(draft, Math.min(draft.totalDebtKopecks, 50_000)),
    )
    await markPrinted(desk.ctx, operator, paid.receipt.paymentId)
    await moveCash(desk.ctx, operator, { kind: 'cash_in', amount: '500', reason: 'change_fund', comment: '' })
    const second = await postPayment(desk.ctx, operator, payInput(await indebtedAccount(envOf(desk)), 10_000))
    await reversePayment(desk.ctx, operator, {
      idempotencyKey: randomUUID(),
      paymentId: second.receipt.paymentId,
      reason: 'Ошибка в сумме',
      supervisor: supervisor.credentials,
    })

    const pushed = await pushChecked(office, desk, sessionOf(operator))
    expect(new Set(pushed.map((c) => `${c.entity}.${c.op}`))).toEqual(
      new Set([
        'shifts.insert',
        'shifts.update',
        'payments.insert',
        'payments.update',
        'payment_allocations.insert',
        'cash_movements.insert',
        'audit_log.insert',
      ]),
    )
    const onServer = await office.server.knex('payments').where({ shift_id: shift.id }).orderBy('receipt_no')
    expect(onServer.map((p: { kind: string }) => p.kind)).toEqual(['payment', 'payment', 'reversal'])

    // Later pushes continue from what the server has now: the shift, its receipt counter, the chain.
    await postPayment(desk.ctx, operator, payInput(await indebtedAccount(envOf(desk)), 20_000))
    await pushChecked(office, desk, sessionOf(operator))
  })

  it('readings, a second one of the month superseding the first', async () => {
    actAs(desk, operator)
    const accountId = await freshMeteredAccount(desk.db, { twoZone: false })
    const read = async (add: number, again = false): Promise<void> => {
      const meter = byService((await readingsForm(desk.ctx, accountId)).meters, 'cold_water')
      await postReadings(desk.ctx, operator, {
        accountId,
        takenOn: '2026-11-22',
        source: 'office',
        entries: [
          {
            meterId: meter.meterId,
            values: typed(meter, add),
            ...(again ? { confirm: { replaceExisting: true, anomaly: true } } : {}),
          },
        ],
      })
    }
    await read(3)
    await pushChecked(office, desk, sessionOf(operator))
    await read(4, true)
    const pushed = await pushChecked(office, desk, sessionOf(operator))
    expect(pushed.map((c) => `${c.entity}.${c.op}`)).toContain('readings.update')
  })

  it("a cabinet's password reset at the counter", async () => {
    actAs(desk, operator)
    const holder = await freshHolder(desk.db)
    const input = registerInput(holder)
    await registerCabinet(desk.ctx, operator, input)
    await applyUnchecked(office, desk) // the server's registration operation
    await resetCabinetPassword(desk.ctx, operator, {
      accountId: holder.accountId,
      identity: { kind: 'stored', seriesNumber: input.passport.seriesNumber },
    })
    const pushed = await pushChecked(office, desk, sessionOf(operator))
    expect(pushed.map((c) => `${c.entity}.${c.op}`)).toEqual(
      expect.arrayContaining(['cabinets.update', 'identity_checks.insert', 'audit_log.insert']),
    )
  })

  it('a visit marked arrived and another cancelled, freeing its seats', async () => {
    actAs(desk, operator)
    const first = await bookAppointment(desk.ctx, operator, booking(appointmentOffice, { time: '09:00' }))
    const second = await bookAppointment(desk.ctx, operator, booking(appointmentOffice, { time: '09:30' }))
    await applyUnchecked(office, desk) // the server's booking operation
    await cancelAppointment(desk.ctx, operator, second.appointment.id, 'Передумал')
    desk.clock.set('2026-11-23T06:55:00.000Z')
    await markAppointment(desk.ctx, operator, first.appointment.id, 'arrived')
    const pushed = await pushChecked(office, desk, sessionOf(operator))
    expect(pushed.map((c) => `${c.entity}.${c.op}`)).toEqual(
      expect.arrayContaining(['appointment_seats.delete', 'appointments.update']),
    )
  })

  it("an administrator's schedule, closure and topic", async () => {
    actAs(desk, administrator)
    await saveOfficeSchedule(desk.ctx, administrator.id, {
      officeId: appointmentOffice,
      days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        working: weekday <= 5,
        opens: '08:00',
        closes: '12:00',
        breakFrom: null,
        breakTo: null,
        capacity: 2,
      })),
    })
    await saveClosure(desk.ctx, administrator.id, {
      action: 'add',
      officeId: appointmentOffice,
      date: '2026-12-30',
      reason: 'Санитарный день',
    })
    await saveTopic(desk.ctx, administrator.id, {
      id: null,
      name: `Сверка ${randomUUID().slice(0, 6)}`,
      durationMinutes: 15,
      whatToBring: '',
      active: true,
    })
    const pushed = await pushChecked(office, desk, sessionOf(administrator))
    expect(new Set(pushed.map((c) => c.entity))).toEqual(
      new Set(['office_schedules', 'office_closures', 'appointment_topics', 'audit_log']),
    )
  })
})
