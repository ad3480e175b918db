// The counts the appointments report and a plan change read: appointments grouped by how they
// ended, and the upcoming ones (with the seats they hold) that a new plan must still fit.
import type { Knex } from 'knex'
import type { AppointmentStatus } from '../../../shared/domain/appointment'

export interface ReportCountRow {
  date: string
  office_id: string
  office_name: string
  topic_id: string
  topic_name: string
  topic_sort: number | string
  status: AppointmentStatus
  moved: number | string | boolean
  n: number | string
}

/** Appointments of [from, to] (one office's, or all) per day, office, topic, status and «moved». */
export async function appointmentCounts(
  db: Knex,
  from: string,
  to: string,
  officeId: string | null,
): Promise<ReportCountRow[]> {
  let query = db('appointments as ap')
    .join('offices as o', 'o.id', 'ap.office_id')
    .join('appointment_topics as t', 't.id', 'ap.topic_id')
    .whereBetween('ap.date', [from, to])
  if (officeId) query = query.where('ap.office_id', officeId)
  const moved = 'CASE WHEN ap.rescheduled_to IS NULL THEN 0 ELSE 1 END'
  return (await query
    .groupBy('ap.date', 'ap.office_id', 'o.name', 'ap.topic_id', 't.name', 't.sort', 'ap.status')
    .groupByRaw(moved)
    .select(
      'ap.date',
      'ap.office_id',
      'o.name as office_name',
      'ap.topic_id',
      't.name as topic_name',
      't.sort as topic_sort',
      'ap.status',
      db.raw(`${moved} AS moved`),
    )
    .count({ n: '*' })) as ReportCountRow[]
}

/** Which upcoming appointments a plan change concerns. */
export interface UpcomingScope {
  /** From this date on. */
  from: string
  /** Only this office's. */
  officeId?: string
  /** Only this year's. */
  year?: number
}

const ACTIVE = ['booked', 'arrived']

function narrow(q: Knex.QueryBuilder, table: string, scope: UpcomingScope): Knex.QueryBuilder {
  q.where(`${table}.date`, '>=', scope.from)
  if (scope.officeId) q.where(`${table}.office_id`, scope.officeId)
  if (scope.year !== undefined) q.where(`${table}.date`, 'like', `${scope.year}-%`)
  return q
}

export interface UpcomingRow {
  office_id: string
  office_name: string
  date: string
  starts: string
  ends: string
}

/** Booked and arrived appointments in scope, by date and time. */
export async function upcomingAppointments(
  trx: Knex.Transaction,
  scope: UpcomingScope,
): Promise<UpcomingRow[]> {
  return (await narrow(
    trx('appointments as ap')
      .join('offices as o', 'o.id', 'ap.office_id')
      .whereIn('ap.status', ACTIVE)
      .select('ap.office_id', 'o.name as office_name', 'ap.date', 'ap.starts', 'ap.ends')
      .orderBy([{ column: 'ap.date' }, { column: 'ap.starts' }]),
    'ap',
    scope,
  )) as UpcomingRow[]
}

/** Seats held by booked and arrived appointments in scope, per office, day and step. */
export async function upcomingSeatsPerStep(
  trx: Knex.Transaction,
  scope: UpcomingScope,
): Promise<Array<{ office_id: string; date: string; time: string; n: number | string }>> {
  return (await narrow(
    trx('appointment_seats as s')
      .join('appointments as ap', 'ap.id', 's.appointment_id')
      .whereIn('ap.status', ACTIVE)
      .groupBy('s.office_id', 's.date', 's.time')
      .select('s.office_id', 's.date', 's.time')
      .count({ n: '*' }),
    's',
    scope,
  )) as Array<{ office_id: string; date: string; time: string; n: number | string }>
}
