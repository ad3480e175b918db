// What the slot engine needs from the database: an office's weekly plan, the production
// calendar's exceptions and the office's closed days in a date range, the booking rules, topics,
// and the seats already taken per step.
import type { Knex } from 'knex'
import type { CalendarKind, DayPlan, OfficeCalendar } from '../../../shared/appointments/slots'
import type { AppointmentRules, AppointmentTopic } from '../../../shared/domain/appointment'
import { OknoError } from '../../../shared/ipc/envelope'

export async function loadRules(db: Knex | Knex.Transaction): Promise<AppointmentRules> {
  const row = (await db('appointment_rules').where({ id: 1 }).first()) as
    | {
        slot_minutes: number
        horizon_days: number
        min_notice_minutes: number
        max_future_per_customer: number
      }
    | undefined
  return {
    slotMinutes: Number(row?.slot_minutes ?? 15),
    horizonDays: Number(row?.horizon_days ?? 30),
    minNoticeMinutes: Number(row?.min_notice_minutes ?? 60),
    maxFuturePerCustomer: Number(row?.max_future_per_customer ?? 2),
  }
}

interface TopicRow {
  id: string
  code: string
  name: string
  duration_minutes: number
  what_to_bring: string
  active: boolean | number
}

const topicView = (r: TopicRow): AppointmentTopic => ({
  id: r.id,
  code: r.code,
  name: r.name,
  durationMinutes: Number(r.duration_minutes),
  whatToBring: r.what_to_bring,
  active: Boolean(r.active),
})

export async function listTopics(db: Knex | Knex.Transaction): Promise<AppointmentTopic[]> {
  return ((await db('appointment_topics').orderBy('sort').select('*')) as TopicRow[]).map(topicView)
}

export async function requireTopic(db: Knex | Knex.Transaction, id: string): Promise<AppointmentTopic> {
  const row = (await db('appointment_topics').where({ id }).first()) as TopicRow | undefined
  if (!row || !row.active) {
    throw new OknoError('VALIDATION', 'Такой темы приёма нет: выберите тему из списка.', {
      topicId: 'Выберите тему из списка',
    })
  }
  return topicView(row)
}

export async function requireOffice(
  db: Knex | Knex.Transaction,
  id: string,
): Promise<{ id: string; name: string; address: string }> {
  const row = (await db('offices').where({ id }).select('id', 'name', 'address').first()) as
    { id: string; name: string; address: string } | undefined
  if (!row) {
    throw new OknoError('VALIDATION', 'Такого отделения нет: выберите отделение из списка.', {
      officeId: 'Выберите отделение из списка',
    })
  }
  return row
}

export async function loadOfficeCalendar(
  db: Knex | Knex.Transaction,
  officeId: string,
  from: string,
  to: string,
): Promise<OfficeCalendar & { closureReasons: Map<string, string>; holidayNames: Map<string, string> }> {
  const week = (await db('office_schedules').where({ office_id: officeId })) as Array<{
    weekday: number
    opens: string
    closes: string
    break_from: string | null
    break_to: string | null
    capacity: number
  }>
  const days = (await db('calendar_days').whereBetween('date', [from, to])) as Array<{
    date: string
    kind: CalendarKind
    name: string
  }>
  const closures = (await db('office_closures')
    .where({ office_id: officeId })
    .whereBetween('date', [from, to])) as Array<{
    date: string
    reason: string
  }>
  return {
    week: new Map<number, DayPlan>(
      week.map((w) => [
        Number(w.weekday),
        {
          opens: w.opens,
          closes: w.closes,
          breakFrom: w.break_from,
          breakTo: w.break_to,
          capacity: Number(w.capacity),
        },
      ]),
    ),
    calendar: new Map(days.map((d) => [d.date, d.kind])),
    holidayNames: new Map(days.map((d) => [d.date, d.name])),
    closures: new Set(closures.map((c) => c.date)),
    closureReasons: new Map(closures.map((c) => [c.date, c.reason])),
  }
}

/** Seats taken per step in a date range: key `${date} ${time}`. */
export async function takenSeats(
  db: Knex | Knex.Transaction,
  officeId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = (await db('appointment_seats')
    .where({ office_id: officeId })
    .whereBetween('date', [from, to])
    .groupBy('date', 'time')
    .select('date', 'time')
    .count({ n: '*' })) as Array<{ date: string; time: string; n: number | string }>
  return new Map(rows.map((r) => [`${r.date} ${r.time}`, Number(r.n)]))
}
