// The production calendar: the exceptions to the ordinary week (holidays, short days, working
// weekends), kept per year.
import type { Knex } from 'knex'
import type { CalendarDay } from '../../../shared/domain/appointment-admin'

type Reader = Knex | Knex.Transaction

/** The calendar's entries in [from, to]. */
export async function calendarDaysBetween(db: Reader, from: string, to: string): Promise<CalendarDay[]> {
  return (await db('calendar_days').whereBetween('date', [from, to])) as CalendarDay[]
}

/** The year's entries in date order. */
export async function calendarDaysOfYear(db: Reader, year: number): Promise<CalendarDay[]> {
  return (await db('calendar_days')
    .where('date', 'like', `${year}-%`)
    .orderBy('date')
    .select('date', 'kind', 'name')) as CalendarDay[]
}

/** Replaces the year's entries with `days`. */
export async function replaceCalendarYear(
  trx: Knex.Transaction,
  year: number,
  days: readonly CalendarDay[],
): Promise<void> {
  await trx('calendar_days').where('date', 'like', `${year}-%`).delete()
  if (days.length > 0) await trx('calendar_days').insert(days)
}
