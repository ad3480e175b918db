// Booking, moving, cancelling and marking appointments. A booking takes one seat on every step
// of the grid its topic covers, in the same transaction as the appointment: the seats' primary
// key (office, date, time, seat) is what keeps a slot within its capacity when two desks book
// the last place at once — the loser's insert fails, it looks again, and finds the time taken.
import { randomInt } from 'node:crypto'
import type { Knex } from 'knex'
import { dayPlan, dayGrid, stepsCovered, type DayPlan } from '../../../shared/appointments/slots'
import { minutesOf, zonedInstant } from '../../../shared/appointments/zoned-time'
import { normalizePhone, PHONE_MESSAGE } from '../../../shared/contact'
import { addDays, businessDate, formatDateRu } from '../../../shared/dates'
import type {
  AppointmentBooked,
  AppointmentStatus,
  AppointmentView,
} from '../../../shared/domain/appointment'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import type { BookInput } from '../../../shared/ipc/schemas/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import { isUniqueViolation } from '../../db/errors'
import { findAccount } from '../../db/repositories/accounts'
import {
  findAppointment,
  futureBookingsOf,
  updateAppointment,
  type AppointmentRow,
} from '../../db/repositories/appointments'
import { insertSeats, seatsAt, takeSeatsOf } from '../../db/repositories/appointment-seats'
import { appointmentRules } from '../../db/repositories/topics'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { enqueueOutbox, enqueueOutboxMany, insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { appointmentById, nameKey, ticketFor } from './views'
import { loadOfficeCalendar, requireOffice, requireTopic } from './office-calendar'

export const SLOT_TAKEN = 'Это время уже занято: выберите другое.'
/** How often a booking that lost a race for a seat or a ticket code looks again. */
const ATTEMPTS = 8
/** Ticket codes: a letter of the topic and three digits without 0 (never read as «О»). */
const CODE_DIGITS = '123456789'

function refuse(field: string, message: string): never {
  throw new OknoError('VALIDATION', message, { [field]: message })
}

function customerKey(input: Pick<BookInput, 'accountId' | 'personName'>, phone: string): string {
  if (input.accountId) return `account:${input.accountId}`
  if (phone) return `phone:${phone}`
  return `name:${nameKey(input.personName)}`
}

function ticketCode(topicName: string): string {
  const letter = topicName.trim().charAt(0).toUpperCase() || 'П'
  const digits = Array.from({ length: 3 }, () => CODE_DIGITS[randomInt(CODE_DIGITS.length)]).join('')
  return `${letter}-${digits}`
}

interface Prepared {
  input: BookInput
  phone: string
  key: string
  steps: string[]
  capacity: number
  ends: string
  startsAt: string
  topicName: string
}

/** Why a time is not among the day's times: the break, or outside the hours. */
function offGridMessage(plan: DayPlan, time: string, durationMinutes: number): string {
  const start = minutesOf(time)
  const end = start + durationMinutes
  if (plan.breakFrom && plan.breakTo && start < minutesOf(plan.breakTo) && end > minutesOf(plan.breakFrom)) {
    return `Время ${time} — в перерыв (${plan.breakFrom}–${plan.breakTo}): выберите время из списка.`
  }
  return `Время ${time} вне графика приёма (${plan.opens}–${plan.closes}): выберите время из списка.`
}

/** Checks a booking against the plan, the clock, the horizon and the customer's limit. */
async function prepare(ctx: ServiceContext, input: BookInput, excludeId: string | null): Promise<Prepared> {
  const knex = ctx.db.knex
  const phone = input.phone ? normalizePhone(input.phone) : ''
  if (phone === null) refuse('phone', PHONE_MESSAGE)
  if (!input.accountId && !phone) refuse('phone', 'Без лицевого счёта нужен телефон для связи')
  if (input.accountId && !(await findAccount(ctx.db, input.accountId))) {
    throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  }
  const [org, rules, topic] = await Promise.all([
    requireOrganisation(ctx),
    appointmentRules(knex),
    requireTopic(knex, input.topicId),
  ])
  await requireOffice(ctx.db, input.officeId)
  const now = ctx.clock.now()
  const today = businessDate(now, org.time_zone)
  if (input.date < today) refuse('date', 'Эта дата уже прошла: выберите сегодняшнюю или будущую.')
  if (input.date > addDays(today, rules.horizonDays)) {
    refuse(
      'date',
      `Запись открыта на ${rules.horizonDays} дней вперёд: до ${formatDateRu(addDays(today, rules.horizonDays))}.`,
    )
  }
  const office = await loadOfficeCalendar(knex, input.officeId, input.date, input.date)
  const plan = dayPlan(input.date, office)
  if (!plan) refuse('date', `${formatDateRu(input.date)} отделение не принимает: выберите другой день.`)
  if (!dayGrid(plan, topic.durationMinutes, rules.slotMinutes).includes(input.time)) {
    refuse('time', offGridMessage(plan, input.time, topic.durationMinutes))
  }
  const startsAt = zonedInstant(input.date, input.time, org.time_zone)
  if (startsAt.getTime() < now.getTime()) refuse('time', 'Это время уже прошло: выберите время из списка.')
  if (startsAt.getTime() < now.getTime() + rules.minNoticeMinutes * 60_000) {
    refuse(
      'time',
      `Записать можно не позже чем за ${rules.minNoticeMinutes} мин до приёма: выберите время позже.`,
    )
  }
  const key = customerKey(input, phone)
  const count = await futureBookingsOf(knex, key, now.toISOString(), excludeId)
  if (count >= rules.maxFuturePerCustomer) {
    throw new OknoError(
      'CONFLICT',
      `У клиента уже ${count} будущих записи — больше ${rules.maxFuturePerCustomer} нельзя. Перенесите или отмените одну из них.`,
    )
  }
  const steps = stepsCovered(input.time, topic.durationMinutes, rules.slotMinutes)
  const [h, m] = input.time.split(':').map(Number) as [number, number]
  const end = h * 60 + m + topic.durationMinutes
  return {
    input,
    phone: phone ?? '',
    key,
    steps,
    capacity: plan.capacity,
    ends: `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`,
    startsAt: startsAt.toISOString(),
    topicName: topic.name,
  }
}

/** The lowest free seat of each step; null when a step is full. */
async function freeSeats(trx: Knex.Transaction, p: Prepared): Promise<number[] | null> {
  const rows = await seatsAt(trx, p.input.officeId, p.input.date, p.steps)
  const seats: number[] = []
  for (const step of p.steps) {
    const used = new Set(rows.filter((r) => r.time === step).map((r) => Number(r.seat)))
    let seat = 1
    while (used.has(seat)) seat++
    if (seat > p.capacity) return null
    seats.push(seat)
  }
  return seats
}

async function insertBooking(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  clerk: ClerkInfo,
  p: Prepared,
  rescheduledFrom: string | null,
): Promise<string> {
  const seats = await freeSeats(trx, p)
  if (!seats) throw new OknoError('CONFLICT', SLOT_TAKEN, { time: SLOT_TAKEN })
  const now = ctx.clock.now().toISOString()
  const id = ctx.newId()
  await insertRecorded(ctx, trx, 'appointments', [
    {
      id,
      office_id: p.input.officeId,
      topic_id: p.input.topicId,
      date: p.input.date,
      starts: p.input.time,
      ends: p.ends,
      starts_at: p.startsAt,
      account_id: p.input.accountId,
      person_name: p.input.personName,
      name_key: nameKey(p.input.personName),
      phone: p.phone,
      customer_key: p.key,
      ticket_code: ticketCode(p.topicName),
      status: 'booked',
      cancel_reason: null,
      rescheduled_from: rescheduledFrom,
      rescheduled_to: null,
      created_by: clerk.id,
      created_at: now,
      updated_at: now,
    },
  ])
  const seatRows = p.steps.map((time, i) => ({
    office_id: p.input.officeId,
    date: p.input.date,
    time,
    seat: seats[i] as number,
    appointment_id: id,
  }))
  await insertSeats(trx, seatRows)
  await enqueueOutboxMany(
    ctx,
    trx,
    seatRows.map((s) => ({
      entity: 'appointment_seats',
      entityId: `${s.office_id}|${s.date}|${s.time}|${s.seat}`,
      op: 'insert' as const,
      payload: s,
    })),
  )
  await appendAudit(ctx, trx, {
    action: rescheduledFrom ? 'appointment.reschedule' : 'appointment.book',
    clerkId: clerk.id,
    objectType: 'appointment',
    objectId: id,
    details: {
      office: p.input.officeId,
      date: p.input.date,
      time: p.input.time,
      topic: p.input.topicId,
      from: rescheduledFrom,
    },
  })
  return id
}

/** Runs `work` in a write transaction, again when it lost a race on a unique key (a seat, a code). */
async function withRetries<T>(ctx: ServiceContext, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.knex.transaction(work)
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
      if (attempt >= ATTEMPTS) throw new OknoError('CONFLICT', SLOT_TAKEN, { time: SLOT_TAKEN })
    }
  }
}

async function booked(ctx: ServiceContext, id: string): Promise<AppointmentBooked> {
  const appointment = await appointmentById(ctx, id)
  return { appointment, ticket: await ticketFor(ctx, appointment) }
}

export async function bookAppointment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: BookInput,
): Promise<AppointmentBooked> {
  const p = await prepare(ctx, input, null)
  const id = await withRetries(ctx, (trx) => insertBooking(ctx, trx, clerk, p, null))
  return booked(ctx, id)
}

async function requireRow(trx: Knex | Knex.Transaction, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(trx, id)
  if (!row) throw new OknoError('NOT_FOUND', 'Запись не найдена. Обновите список.')
  return row
}

/** Frees the appointment's seats and records the change of its status. */
async function release(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  row: AppointmentRow,
  change: Record<string, unknown>,
): Promise<void> {
  const seats = await takeSeatsOf(trx, row.id)
  await enqueueOutboxMany(
    ctx,
    trx,
    seats.map((s) => ({
      entity: 'appointment_seats',
      entityId: `${s.office_id}|${s.date}|${s.time}|${s.seat}`,
      op: 'delete' as const,
      payload: { ...s },
    })),
  )
  await update(ctx, trx, row.id, change)
}

async function update(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  id: string,
  change: Record<string, unknown>,
): Promise<void> {
  const patch = { ...change, updated_at: ctx.clock.now().toISOString() }
  await updateAppointment(trx, id, patch)
  await enqueueOutbox(ctx, trx, { entity: 'appointments', entityId: id, op: 'update', payload: patch })
}

export async function cancelAppointment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  appointmentId: string,
  reason: string,
): Promise<AppointmentView> {
  await ctx.db.knex.transaction(async (trx) => {
    const row = await requireRow(trx, appointmentId)
    if (row.status !== 'booked') {
      throw new OknoError('CONFLICT', 'Отменить можно только предстоящую запись (статус «записан»).')
    }
    await release(ctx, trx, row, { status: 'cancelled', cancel_reason: reason })
    await appendAudit(ctx, trx, {
      action: 'appointment.cancel',
      clerkId: clerk.id,
      objectType: 'appointment',
      objectId: row.id,
      details: { reason },
    })
  })
  return appointmentById(ctx, appointmentId)
}

export async function rescheduleAppointment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: { appointmentId: string; date: string; time: string },
): Promise<AppointmentBooked> {
  const old = await requireRow(ctx.db.knex, input.appointmentId)
  if (old.status !== 'booked') throw new OknoError('CONFLICT', 'Перенести можно только предстоящую запись.')
  const p = await prepare(
    ctx,
    {
      officeId: old.office_id,
      topicId: old.topic_id,
      date: input.date,
      time: input.time,
      accountId: old.account_id,
      personName: old.person_name,
      phone: old.phone,
    },
    old.id,
  )
  const id = await withRetries(ctx, async (trx) => {
    const current = await requireRow(trx, old.id)
    if (current.status !== 'booked')
      throw new OknoError('CONFLICT', 'Запись уже изменили с другого места. Обновите список.')
    // The old place is freed first, so a move within the same slot's steps finds it.
    await release(ctx, trx, current, {
      status: 'cancelled',
      cancel_reason: `Перенесена на ${formatDateRu(input.date)} ${input.time}`,
    })
    const newId = await insertBooking(ctx, trx, clerk, p, old.id)
    await update(ctx, trx, old.id, { rescheduled_to: newId })
    return newId
  })
  return booked(ctx, id)
}

const TRANSITIONS: Record<'arrived' | 'served' | 'no_show', AppointmentStatus[]> = {
  arrived: ['booked'],
  served: ['booked', 'arrived'],
  no_show: ['booked'],
}

export async function markAppointment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  appointmentId: string,
  status: 'arrived' | 'served' | 'no_show',
): Promise<AppointmentView> {
  const org = await requireOrganisation(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  await ctx.db.knex.transaction(async (trx) => {
    const row = await requireRow(trx, appointmentId)
    if (!TRANSITIONS[status].includes(row.status)) {
      throw new OknoError('CONFLICT', 'Эту отметку нельзя поставить записи в её нынешнем состоянии.')
    }
    // A no-show frees the seat: before the appointment's start the customer may still come.
    if (status === 'no_show' && ctx.clock.now().getTime() < Date.parse(row.starts_at)) {
      throw new OknoError(
        'CONFLICT',
        `Неявку можно отметить с начала приёма: ${formatDateRu(row.date)} в ${row.starts}.`,
      )
    }
    if (status !== 'no_show' && row.date !== today) {
      throw new OknoError(
        'CONFLICT',
        `Отметить приход можно только в день приёма (${formatDateRu(row.date)}).`,
      )
    }
    if (status === 'no_show') await release(ctx, trx, row, { status })
    else await update(ctx, trx, row.id, { status })
    await appendAudit(ctx, trx, {
      action: `appointment.${status}`,
      clerkId: clerk.id,
      objectType: 'appointment',
      objectId: row.id,
    })
  })
  return appointmentById(ctx, appointmentId)
}
