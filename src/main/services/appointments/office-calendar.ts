// What the slot engine needs of an office: its weekly plan, the production calendar's exceptions
// and its closed days in a date range; and the office or topic a request names, refused when unknown.
import type { Knex } from 'knex'
import type { DayPlan, OfficeCalendar } from '../../../shared/appointments/slots'
import type { AppointmentTopic } from '../../../shared/domain/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import { calendarDaysBetween } from '../../db/repositories/calendar'
import { findTopic } from '../../db/repositories/topics'
import { closuresBetween, officeWeek } from '../../db/repositories/schedules'
import type { Db } from '../../db/connection'
import { findOffice } from '../../db/repositories/organisation'

export async function requireTopic(db: Knex | Knex.Transaction, id: string): Promise<AppointmentTopic> {
  const topic = await findTopic(db, id)
  if (!topic || !topic.active) {
    throw new OknoError('VALIDATION', 'Такой темы приёма нет: выберите тему из списка.', {
      topicId: 'Выберите тему из списка',
    })
  }
  return topic
}

export async function requireOffice(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; address: string }> {
  const row = await findOffice(db, id)
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
  const week = await officeWeek(db, officeId)
  const days = await calendarDaysBetween(db, from, to)
  const closures = await closuresBetween(db, officeId, from, to)
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
