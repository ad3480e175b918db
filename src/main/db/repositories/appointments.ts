// Appointments: the row, the view the desk shows (joined with office, topic and account), the
// lookups a booking checks, and the counts the week board and the report read.
import type { Knex } from 'knex'
import type { AppointmentStatus, AppointmentView } from '../../../shared/domain/appointment'

type Reader = Knex | Knex.Transaction

export interface AppointmentRow {
  id: string
  office_id: string
  topic_id: string
  date: string
  starts: string
  ends: string
  starts_at: string
  account_id: string | null
  person_name: string
  phone: string
  customer_key: string
  ticket_code: string
  status: AppointmentStatus
  cancel_reason: string | null
  rescheduled_from: string | null
  rescheduled_to: string | null
  created_at: string
}

type JoinedRow = AppointmentRow & { office_name: string; topic_name: string; account_number: string | null }

function toView(r: JoinedRow): AppointmentView {
  return {
    id: r.id,
    officeId: r.office_id,
    officeName: r.office_name,
    topicId: r.topic_id,
    topicName: r.topic_name,
    date: r.date,
    starts: r.starts,
    ends: r.ends,
    startsAt: r.starts_at,
    accountId: r.account_id,
    accountNumber: r.account_number,
    personName: r.person_name,
    phone: r.phone,
    ticketCode: r.ticket_code,
    status: r.status,
    cancelReason: r.cancel_reason,
    rescheduledFrom: r.rescheduled_from,
    rescheduledTo: r.rescheduled_to,
    createdAt: r.created_at,
  }
}

/** Appointments joined with their office, topic and account. */
function joined(db: Reader): Knex.QueryBuilder {
  return db('appointments as ap')
    .join('offices as o', 'o.id', 'ap.office_id')
    .join('appointment_topics as t', 't.id', 'ap.topic_id')
    .leftJoin('accounts as a', 'a.id', 'ap.account_id')
    .select('ap.*', 'o.name as office_name', 't.name as topic_name', 'a.number as account_number')
}

const views = async (query: Knex.QueryBuilder): Promise<AppointmentView[]> =>
  ((await query) as JoinedRow[]).map(toView)

export async function appointmentView(db: Reader, id: string): Promise<AppointmentView | undefined> {
  return (await views(joined(db).where('ap.id', id)))[0]
}

/** One office's appointments of a day, by time, ties in booking order. */
export function appointmentsOfDay(db: Reader, officeId: string, date: string): Promise<AppointmentView[]> {
  return views(
    joined(db)
      .where({ 'ap.office_id': officeId, 'ap.date': date })
      .orderBy([{ column: 'ap.starts' }, { column: 'ap.created_at' }]),
  )
}

/** The account's latest hundred appointments, newest first. */
export function appointmentsOfAccount(db: Reader, accountId: string): Promise<AppointmentView[]> {
  return views(
    joined(db)
      .where('ap.account_id', accountId)
      .orderBy([
        { column: 'ap.date', order: 'desc' },
        { column: 'ap.starts', order: 'desc' },
      ])
      .limit(100),
  )
}

export function appointmentsByTicketCode(db: Reader, code: string): Promise<AppointmentView[]> {
  return views(joined(db).where('ap.ticket_code', code))
}

/** Appointments whose phone holds `digits`, or of the account numbered `accountNumber`. */
export function appointmentsByPhoneOrAccount(
  db: Reader,
  digits: string,
  accountNumber: string,
): Promise<AppointmentView[]> {
  return views(
    joined(db).where((w) => w.where('ap.phone', 'like', `%${digits}%`).orWhere('a.number', accountNumber)),
  )
}

/** Appointments whose folded name holds `fragment` (already folded). */
export function appointmentsByName(db: Reader, fragment: string): Promise<AppointmentView[]> {
  return views(joined(db).where('ap.name_key', 'like', `%${fragment}%`))
}

export async function findAppointment(db: Reader, id: string): Promise<AppointmentRow | undefined> {
  return (await db('appointments').where({ id }).first()) as AppointmentRow | undefined
}

export async function updateAppointment(
  trx: Knex.Transaction,
  id: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await trx('appointments').where({ id }).update(patch)
}

/** The customer's bookings still to come (from `sinceIso`), leaving out `excludeId`. */
export async function futureBookingsOf(
  db: Reader,
  customerKey: string,
  sinceIso: string,
  excludeId: string | null,
): Promise<number> {
  let future = db('appointments')
    .where({ customer_key: customerKey, status: 'booked' })
    .where('starts_at', '>=', sinceIso)
  if (excludeId) future = future.whereNot({ id: excludeId })
  return Number(((await future.count({ n: '*' }).first()) as { n: number | string }).n)
}

/** Appointments that hold a place (booked, arrived, served) per day of [from, to]. */
export async function appointmentsPerDay(
  db: Reader,
  officeId: string,
  from: string,
  to: string,
): Promise<Array<{ date: string; n: number | string }>> {
  return (await db('appointments')
    .where({ office_id: officeId })
    .whereBetween('date', [from, to])
    .whereIn('status', ['booked', 'arrived', 'served'])
    .groupBy('date')
    .select('date')
    .count({ n: '*' })) as Array<{ date: string; n: number | string }>
}
