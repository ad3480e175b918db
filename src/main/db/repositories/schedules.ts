// Where and when an office receives: its weekly plan (hours, break, specialists per weekday), its
// own closed days, and the address and phone a ticket gives.
import type { Knex } from 'knex'

type Reader = Knex | Knex.Transaction

export interface ScheduleRow {
  office_id: string
  weekday: number
  opens: string
  closes: string
  break_from: string | null
  break_to: string | null
  capacity: number
}

export interface ClosureRow {
  office_id: string
  date: string
  reason: string
}

/** The office's weekly plan, one row per working weekday (in no set order). */
export async function officeWeek(db: Reader, officeId: string): Promise<ScheduleRow[]> {
  return (await db('office_schedules').where({ office_id: officeId })) as ScheduleRow[]
}

/** The office's weekly plan by weekday, as it is replaced and audited. */
export async function officeWeekByDay(trx: Knex.Transaction, officeId: string): Promise<ScheduleRow[]> {
  return (await trx('office_schedules').where({ office_id: officeId }).orderBy('weekday')) as ScheduleRow[]
}

/** Replaces the office's weekly plan with `rows` (none: the office does not receive). */
export async function replaceOfficeWeek(
  trx: Knex.Transaction,
  officeId: string,
  rows: readonly ScheduleRow[],
): Promise<void> {
  await trx('office_schedules').where({ office_id: officeId }).delete()
  if (rows.length > 0) await trx('office_schedules').insert(rows)
}

/** The office's closed days in [from, to]. */
export async function closuresBetween(
  db: Reader,
  officeId: string,
  from: string,
  to: string,
): Promise<ClosureRow[]> {
  return (await db('office_closures')
    .where({ office_id: officeId })
    .whereBetween('date', [from, to])) as ClosureRow[]
}

export async function findClosure(
  trx: Knex.Transaction,
  officeId: string,
  date: string,
): Promise<ClosureRow | undefined> {
  return (await trx('office_closures').where({ office_id: officeId, date }).first()) as ClosureRow | undefined
}

export async function insertClosure(trx: Knex.Transaction, row: ClosureRow): Promise<void> {
  await trx('office_closures').insert(row)
}

export async function deleteClosure(trx: Knex.Transaction, officeId: string, date: string): Promise<void> {
  await trx('office_closures').where({ office_id: officeId, date }).delete()
}

/** The office as a ticket names it: where to come and whom to call. */
export async function officeForTicket(
  db: Reader,
  id: string,
): Promise<{ name: string; address: string; phone: string }> {
  return (await db('offices').where({ id }).first('name', 'address', 'phone')) as {
    name: string
    address: string
    phone: string
  }
}
