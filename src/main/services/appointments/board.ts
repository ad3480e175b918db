// The appointment desk's overviews: what it books with (offices, topics, rules), one office's
// day on the grid, and a week's load per day.
import { dayGrid, dayPlan, stepsCovered } from '../../../shared/appointments/slots'
import { addDays, businessDate } from '../../../shared/dates'
import type { AppointmentMeta, DayBoard, DayLoad } from '../../../shared/domain/appointment'
import { listOffices } from '../../db/repositories/organisation'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'
import { listTopics, loadOfficeCalendar, loadRules, requireOffice, takenSeats } from './office-calendar'
import { listAppointments } from './views'

export async function appointmentMeta(ctx: ServiceContext): Promise<AppointmentMeta> {
  const [org, offices, topics, rules] = await Promise.all([
    requireOrganisation(ctx),
    listOffices(ctx.db),
    listTopics(ctx.db.knex),
    loadRules(ctx.db.knex),
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
  await requireOffice(knex, officeId)
  const [office, rules, appointments] = await Promise.all([
    loadOfficeCalendar(knex, officeId, date, date),
    loadRules(knex),
    listAppointments(knex, (q) =>
      q
        .where({ 'ap.office_id': officeId, 'ap.date': date })
        .orderBy([{ column: 'ap.starts' }, { column: 'ap.created_at' }]),
    ),
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
  await requireOffice(knex, officeId)
  const to = addDays(from, 6)
  const [office, rules, taken, counts] = await Promise.all([
    loadOfficeCalendar(knex, officeId, from, to),
    loadRules(knex),
    takenSeats(knex, officeId, from, to),
    knex('appointments')
      .where({ office_id: officeId })
      .whereBetween('date', [from, to])
      .whereIn('status', ['booked', 'arrived', 'served'])
      .groupBy('date')
      .select('date')
      .count({ n: '*' }) as Promise<Array<{ date: string; n: number | string }>>,
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
