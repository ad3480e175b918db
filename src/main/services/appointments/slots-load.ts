// Free slots of an office for a topic over a date range, as the booking dialog lists them.
import { freeSlots, type FreeSlot } from '../../../shared/appointments/slots'
import { businessDate } from '../../../shared/dates'
import type { SlotsQuery } from '../../../shared/ipc/schemas/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import type { ServiceContext } from '../context'
import { requireOrganisation } from '../organisation'
import { loadOfficeCalendar, loadRules, requireOffice, requireTopic, takenSeats } from './office-calendar'

/** The longest range one query may cover. */
const MAX_RANGE_DAYS = 62

export async function freeSlotsFor(ctx: ServiceContext, q: SlotsQuery): Promise<FreeSlot[]> {
  if (q.from > q.to) {
    throw new OknoError('VALIDATION', 'Начальная дата позже конечной.', { from: 'Позже конечной даты' })
  }
  if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_RANGE_DAYS) {
    throw new OknoError('VALIDATION', `Не больше ${MAX_RANGE_DAYS} дней за раз.`, {
      to: 'Слишком большой период',
    })
  }
  const knex = ctx.db.knex
  const [org, topic, rules] = await Promise.all([
    requireOrganisation(ctx),
    requireTopic(knex, q.topicId),
    loadRules(knex),
    requireOffice(knex, q.officeId),
  ])
  const [office, taken] = await Promise.all([
    loadOfficeCalendar(knex, q.officeId, q.from, q.to),
    takenSeats(knex, q.officeId, q.from, q.to),
  ])
  const now = ctx.clock.now()
  return freeSlots({
    ...office,
    stepMinutes: rules.slotMinutes,
    horizonDays: rules.horizonDays,
    minNoticeMinutes: rules.minNoticeMinutes,
    from: q.from,
    to: q.to,
    durationMinutes: topic.durationMinutes,
    now,
    today: businessDate(now, org.time_zone),
    timeZone: org.time_zone,
    taken,
  })
}
