// Free slots of an office for a topic over a date range, as the booking dialog lists them.
import { freeSlots, type FreeSlot } from '../../../shared/appointments/slots'
import { businessDate } from '../../../shared/dates'
import type { SlotsQuery } from '../../../shared/ipc/schemas/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'
import { seatsTakenPerStep } from '../../db/repositories/appointment-seats'
import { allTopics, appointmentRules } from '../../db/repositories/topics'
import { loadOfficeCalendar, requireOffice, requireTopic } from './office-calendar'

/** The longest range one query may cover. */
const MAX_RANGE_DAYS = 62

export async function freeSlotsFor(ctx: ServiceContext, q: SlotsQuery): Promise<FreeSlot[]> {
  const topic = await requireTopic(ctx.db.knex, q.topicId)
  const compute = await officeSlots(ctx, q.officeId, q.from, q.to)
  return compute(topic.durationMinutes)
}

/** Every active topic's free slots from one reading of the office's calendar and seats. */
export async function freeSlotsAllTopics(
  ctx: ServiceContext,
  q: Omit<SlotsQuery, 'topicId'>,
): Promise<Map<string, FreeSlot[]>> {
  const [topics, compute] = await Promise.all([
    allTopics(ctx.db.knex),
    officeSlots(ctx, q.officeId, q.from, q.to),
  ])
  return new Map(topics.filter((t) => t.active).map((t) => [t.id, compute(t.durationMinutes)]))
}

/** Loads what the slots of an office and range depend on; the result computes them per duration. */
async function officeSlots(
  ctx: ServiceContext,
  officeId: string,
  from: string,
  to: string,
): Promise<(durationMinutes: number) => FreeSlot[]> {
  if (from > to) {
    throw new OknoError('VALIDATION', 'Начальная дата позже конечной.', { from: 'Позже конечной даты' })
  }
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) {
    throw new OknoError('VALIDATION', `Не больше ${MAX_RANGE_DAYS} дней за раз.`, {
      to: 'Слишком большой период',
    })
  }
  const knex = ctx.db.knex
  const [org, rules] = await Promise.all([
    requireOrganisation(ctx),
    appointmentRules(knex),
    requireOffice(ctx.db, officeId),
  ])
  const [office, taken] = await Promise.all([
    loadOfficeCalendar(knex, officeId, from, to),
    seatsTakenPerStep(knex, officeId, from, to),
  ])
  const now = ctx.clock.now()
  return (durationMinutes) =>
    freeSlots({
      ...office,
      stepMinutes: rules.slotMinutes,
      horizonDays: rules.horizonDays,
      minNoticeMinutes: rules.minNoticeMinutes,
      from,
      to,
      durationMinutes,
      now,
      today: businessDate(now, org.time_zone),
      timeZone: org.time_zone,
      taken,
    })
}
