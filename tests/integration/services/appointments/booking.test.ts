// Booking at the appointment desk: seats within capacity (also when desks race for the last
// place), the customer's limit, moving and cancelling that free the place, marks, refusals.
import { expect, it } from 'vitest'
import {
  bookAppointment,
  cancelAppointment,
  markAppointment,
  rescheduleAppointment,
  SLOT_TAKEN,
} from '../../../../src/main/services/appointments/booking'
import { dayBoard, weekLoad } from '../../../../src/main/services/appointments/board'
import { freeSlotsAllTopics, freeSlotsFor } from '../../../../src/main/services/appointments/slots-load'
import { searchAppointments } from '../../../../src/main/services/appointments/views'
import { bookSchema } from '../../../../src/shared/ipc/schemas/appointment'
import { booking, CONSULTATION, OPEN_ACCOUNT, testOffice } from '../../../helpers/appointments'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { describeEachDatabase } from '../../../helpers/database'
import { auditActions, countAll } from '../../../helpers/rows'

const TABLES = ['appointments', 'appointment_seats', 'outbox', 'audit_log']

describeEachDatabase('appointment booking', (getCtx) => {
  it('books a slot: a seat held, a short ticket code, a ticket with what to bring, audited', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db)
    const { info: clerk } = await clerkOf(env.db)
    const { appointment, ticket } = await bookAppointment(env.ctx, clerk, booking(officeId))
    expect(appointment).toMatchObject({
      date: '2026-11-23',
      starts: '10:00',
      ends: '10:15',
      status: 'booked',
    })
    expect(appointment.startsAt).toBe('2026-11-23T07:00:00.000Z')
    expect(appointment.ticketCode).toMatch(/^К-[1-9]{3}$/)
    const text = JSON.stringify(ticket.blocks)
    for (const part of [
      '23.11.2026, понедельник',
      '10:00–10:15',
      'Консультация',
      appointment.ticketCode,
      'Паспорт',
      'ул. Тестовая, 1',
    ]) {
      expect(text).toContain(part)
    }
    expect(await env.db.knex('appointment_seats').where({ appointment_id: appointment.id })).toHaveLength(1)
    expect(await auditActions(env.db, env.settings.get().workstationId)).toContain('appointment.book')
    const slots = await freeSlotsFor(env.ctx, {
      officeId,
      topicId: booking(officeId).topicId,
      from: '2026-11-23',
      to: '2026-11-23',
    })
    expect(slots.find((s) => s.time === '10:00')).toBeUndefined()
    expect(slots.find((s) => s.time === '10:15')).toMatchObject({ free: 1 })
  })

  it('computes every topic from one reading exactly as topic by topic', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 2)
    const { info: clerk } = await clerkOf(env.db)
    await bookAppointment(env.ctx, clerk, booking(officeId, { topicId: OPEN_ACCOUNT, time: '10:00' }))
    const range = { officeId, from: '2026-11-23', to: '2026-12-04' }
    const all = await freeSlotsAllTopics(env.ctx, range)
    for (const topicId of [CONSULTATION, OPEN_ACCOUNT]) {
      expect(all.get(topicId)).toEqual(await freeSlotsFor(env.ctx, { ...range, topicId }))
    }
    expect(all.get(OPEN_ACCOUNT)?.find((s) => s.date === '2026-11-23' && s.time === '10:00')?.free).toBe(1)
  })

  it('gives the last place of a slot to exactly one of 50 desks booking at once', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 1)
    const { info: clerk } = await clerkOf(env.db)
    const attempts = Array.from({ length: 50 }, (_, i) =>
      bookAppointment(
        env.ctx,
        clerk,
        booking(officeId, {
          phone: `+7 978 000-${String(1000 + i).slice(-4, -2)}-${String(i).padStart(2, '0')}`,
        }),
      ),
    )
    const outcomes = await Promise.allSettled(attempts)
    const won = outcomes.filter((o) => o.status === 'fulfilled')
    expect(won).toHaveLength(1)
    for (const o of outcomes) {
      if (o.status === 'rejected') expect((o.reason as Error).message).toContain('время уже занято')
    }
    const seats = await env.db
      .knex('appointment_seats')
      .where({ office_id: officeId, date: '2026-11-23', time: '10:00' })
    expect(seats).toHaveLength(1)
    expect(await env.db.knex('appointments').where({ office_id: officeId })).toHaveLength(1)
  }, 60_000)

  it('takes three places of a capacity-3 slot and refuses the fourth; a 30-minute topic holds two steps', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 3)
    const { info: clerk } = await clerkOf(env.db)
    for (let i = 0; i < 3; i++)
      await bookAppointment(env.ctx, clerk, booking(officeId, { phone: `+7 978 555-00-0${i}` }))
    const full = await refusal(
      bookAppointment(env.ctx, clerk, booking(officeId, { phone: '+7 978 555-00-09' })),
    )
    expect(full.message).toBe(SLOT_TAKEN)
    const long = await bookAppointment(
      env.ctx,
      clerk,
      booking(officeId, { topicId: OPEN_ACCOUNT, time: '12:00', phone: '+7 978 555-00-08' }),
    )
    expect(long.appointment.ends).toBe('12:30')
    const seats = await env.db
      .knex('appointment_seats')
      .where({ appointment_id: long.appointment.id })
      .orderBy('time')
    expect(seats.map((s: { time: string }) => s.time)).toEqual(['12:00', '12:15'])
    // A 30-minute topic cannot start at 10:45: it would run into the break.
    const straddle = await refusal(
      bookAppointment(
        env.ctx,
        clerk,
        booking(officeId, { topicId: OPEN_ACCOUNT, time: '10:45', phone: '+7 978 555-00-07' }),
      ),
    )
    expect(straddle.fields?.time).toContain('в перерыв (11:00–11:30)')
  })

  it('holds a customer to two future appointments; a cancelled one frees a place and the limit', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 1)
    const { info: clerk } = await clerkOf(env.db)
    const phone = '+7 978 777-00-01'
    const first = await bookAppointment(env.ctx, clerk, booking(officeId, { phone, time: '09:00' }))
    await bookAppointment(env.ctx, clerk, booking(officeId, { phone: '8 (978) 777-00-01', time: '09:15' }))
    const third = await refusal(bookAppointment(env.ctx, clerk, booking(officeId, { phone, time: '09:30' })))
    expect(third.code).toBe('CONFLICT')
    expect(third.message).toContain('больше 2 нельзя')
    const cancelled = await cancelAppointment(env.ctx, clerk, first.appointment.id, 'Клиент не сможет прийти')
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Клиент не сможет прийти' })
    expect(
      await env.db.knex('appointment_seats').where({ appointment_id: first.appointment.id }),
    ).toHaveLength(0)
    await bookAppointment(env.ctx, clerk, booking(officeId, { phone, time: '09:30' }))
    // The freed 09:00 can be booked by someone else.
    await bookAppointment(env.ctx, clerk, booking(officeId, { phone: '+7 978 777-00-02', time: '09:00' }))
  })

  it('moves an appointment: the old place freed, both kept and linked in the history', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 1)
    const { info: clerk } = await clerkOf(env.db)
    const { appointment: old } = await bookAppointment(env.ctx, clerk, booking(officeId, { time: '09:00' }))
    const moved = await rescheduleAppointment(env.ctx, clerk, {
      appointmentId: old.id,
      date: '2026-11-24',
      time: '12:30',
    })
    expect(moved.appointment).toMatchObject({
      date: '2026-11-24',
      starts: '12:30',
      rescheduledFrom: old.id,
      status: 'booked',
    })
    const [before] = await searchAppointments(env.ctx, old.ticketCode).then((l) =>
      l.filter((a) => a.id === old.id),
    )
    expect(before).toMatchObject({ status: 'cancelled', rescheduledTo: moved.appointment.id })
    expect(before?.cancelReason).toContain('Перенесена на 24.11.2026 12:30')
    const other = await bookAppointment(
      env.ctx,
      clerk,
      booking(officeId, { time: '09:00', phone: '+7 978 777-10-10' }),
    )
    expect(other.appointment.starts).toBe('09:00')
  })

  it('marks arrival on the day and shows it on the board; a no-show frees the place', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 2)
    const { info: clerk } = await clerkOf(env.db)
    const a = await bookAppointment(env.ctx, clerk, booking(officeId, { time: '09:30' }))
    const b = await bookAppointment(
      env.ctx,
      clerk,
      booking(officeId, { time: '09:30', phone: '+7 978 444-44-44' }),
    )
    const early = await refusal(markAppointment(env.ctx, clerk, a.appointment.id, 'arrived'))
    expect(early.message).toContain('в день приёма')
    env.clock.set('2026-11-23T06:20:00.000Z')
    expect((await markAppointment(env.ctx, clerk, a.appointment.id, 'arrived')).status).toBe('arrived')
    expect((await markAppointment(env.ctx, clerk, a.appointment.id, 'served')).status).toBe('served')
    env.clock.set('2026-11-23T06:30:00.000Z') // 09:30: b's time has come
    expect((await markAppointment(env.ctx, clerk, b.appointment.id, 'no_show')).status).toBe('no_show')
    const board = await dayBoard(env.ctx, officeId, '2026-11-23')
    expect(board.plan).toMatchObject({ opens: '09:00', closes: '13:00', capacity: 2 })
    expect(board.times[0]).toBe('09:00')
    expect(board.appointments.map((x) => x.status).sort()).toEqual(['no_show', 'served'])
    const week = await weekLoad(env.ctx, officeId, '2026-11-23')
    expect(week[0]).toMatchObject({ date: '2026-11-23', closed: false, taken: 1 })
    expect(week[5]).toMatchObject({ date: '2026-11-28', closed: true, seats: 0 })
  })

  it('refuses a no-show before the appointment’s day and time, keeping its seat; takes it from that minute', async () => {
    const env = getCtx()
    const officeId = await testOffice(env.db)
    const { info: clerk } = await clerkOf(env.db)
    const { appointment } = await bookAppointment(env.ctx, clerk, booking(officeId, { time: '10:00' }))
    const seatsOf = () => env.db.knex('appointment_seats').where({ appointment_id: appointment.id })
    const held = ((await seatsOf()) as unknown[]).length
    expect(held).toBeGreaterThan(0)
    // The day before, then a minute before 10:00 on the day (Sevastopol, UTC+3).
    for (const at of ['2026-11-22T07:00:00.000Z', '2026-11-23T06:59:00.000Z']) {
      env.clock.set(at)
      const before = await countAll(env.db, TABLES)
      const err = await refusal(markAppointment(env.ctx, clerk, appointment.id, 'no_show'))
      expect(err.code, at).toBe('CONFLICT')
      expect(err.message, at).toBe('Неявку можно отметить с начала приёма: 23.11.2026 в 10:00.')
      expect(await countAll(env.db, TABLES), at).toEqual(before)
      expect((await seatsOf()) as unknown[], at).toHaveLength(held)
    }
    env.clock.set('2026-11-23T07:00:00.000Z')
    expect((await markAppointment(env.ctx, clerk, appointment.id, 'no_show')).status).toBe('no_show')
    expect((await seatsOf()) as unknown[]).toHaveLength(0)
  })

  it.each([
    ['a past time', { date: '2026-11-20' }, 'date', 'прошла'],
    ['a time within the minimum notice', { date: '2026-11-23', time: '09:00' }, 'time', 'не позже чем за 60'],
    ['a time outside the plan', { time: '14:00' }, 'time', 'вне графика'],
    ['a time in the break', { time: '11:15' }, 'time', '— в перерыв (11:00–11:30)'],
    ['a day off', { date: '2026-11-28' }, 'date', 'не принимает'],
    ['beyond the horizon', { date: '2027-01-11' }, 'date', 'на 30 дней'],
    ['an unknown office', { officeId: '00000000-0000-4000-8000-00000000ffff' }, 'officeId', 'отделение'],
    ['an unknown topic', { topicId: '00000000-0000-4000-8000-00000000fffe' }, 'topicId', 'тем'],
    ['a phone with letters', { phone: '+7 978 ABC-45-67' }, 'phone', 'Телефон'],
    ['no phone and no account', { phone: '' }, 'phone', 'телефон'],
  ])('refuses %s with a message at its field, saving nothing', async (_, patch, field, message) => {
    const env = getCtx()
    const officeId = await testOffice(env.db, 1)
    const { info: clerk } = await clerkOf(env.db)
    // 08:30 on Monday for the minimum notice case; Sunday 10:00 otherwise.
    if ((patch as { time?: string }).time === '09:00') env.clock.set('2026-11-23T05:30:00.000Z')
    const before = await countAll(env.db, TABLES)
    const err = await refusal(bookAppointment(env.ctx, clerk, booking(officeId, patch)))
    expect(err.fields?.[field]).toContain(message)
    expect(await countAll(env.db, TABLES)).toEqual(before)
  })

  it('refuses a 2,000-character name at the contract', () => {
    const parsed = bookSchema.safeParse(
      booking('00000000-0000-4000-8000-000000000abc', { personName: 'Я'.repeat(2000) }),
    )
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain('не длиннее 200')
  })
})
