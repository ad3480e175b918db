// The appointment desk's overviews: what it books with (offices, topics, rules), one office's
// day on the grid, and a week's load per day.
import { dayGrid, dayPlan, stepsCovered } from '../../../shared/appointments/slots'
import { addDays, businessDate } from '../../../shared/dates'
import type { AppointmentMeta, DayBoard, DayLoad } from '../../../shared/domain/appointment'
import { appointmentsPerDay, appointmentsOfDay } from '../../db/repositories/appointments'
import { seatsTakenPerStep } from '../../db/repositories/appointment-seats'
import { listOffices } from '../../db/repositories/organisation'
import { allTopics, appointmentRules } from '../../db/repositories/topics'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'
import { loadOfficeCalendar, requireOffice } from './office-calendar'

export async function appointmentMeta(ctx: ServiceContext): Promise<AppointmentMeta> {
  const [org, offices, topics, rules] = await Promise.all([
    requireOrganisation(ctx),
    listOffices(ctx.db),
    allTopics(ctx.db.knex),
    appointmentRules(ctx.db.knex),
  ])
  return {
    offices,
    topics: topics.filter((t) => t.active),
    rules,
    officeId: ctx.settings.get().officeId,
    today: businessDate(ctx.clock.now(), org.time_zone),
  }
}

export async function dayBoard(ctx: ServiceContext, officeId: string, date: string): Promise<DayBoard> {
  const knex = ctx.db.knex
  await requireOffice(ctx.db, officeId)
  const [office, rules, appointments] = await Promise.all([
    loadOfficeCalendar(knex, officeId, date, date),
    appointmentRules(knex),
    appointmentsOfDay(knex, officeId, date),
  ])
  const plan = dayPlan(date, office)
  const closedReason = plan
    ? null
    : (office.closureReasons.get(date) ??
      (office.calendar.get(date) === 'holiday'
        ? office.holidayNames.get(date) || 'Праздничный день'
        : 'Выходной день'))
  return {
    officeId,
    date,
    plan,
    closedReason,
    times: plan ? dayGrid(plan, rules.slotMinutes, rules.slotMinutes) : [],
    appointments,
  }
}

export async function weekLoad(ctx: ServiceContext, officeId: string, from: string): Promise<DayLoad[]> {
  const knex = ctx.db.knex
  await requireOffice(ctx.db, officeId)
  const to = addDays(from, 6)
  const [office, rules, taken, counts] = await Promise.all([
    loadOfficeCalendar(knex, officeId, from, to),
    appointmentRules(knex),
    seatsTakenPerStep(knex, officeId, from, to),
    appointmentsPerDay(knex, officeId, from, to),
  ])
  const days: DayLoad[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const plan = dayPlan(date, office)
    const steps = plan ? dayGrid(plan, rules.slotMinutes, rules.slotMinutes) : []
    const held = steps
      .flatMap((t) => stepsCovered(t, rules.slotMinutes, rules.slotMinutes))
      .reduce((a, t) => a + (taken.get(`${date} ${t}`) ?? 0), 0)
    days.push({
      date,
      seats: plan ? steps.length * plan.capacity : 0,
      taken: held,
      appointments: Number(counts.find((c) => c.date === date)?.n ?? 0),
      closed: !plan,
    })
  }
  return days
}
