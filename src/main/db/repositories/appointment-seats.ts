// The seats appointments hold on each step of an office's grid: their primary key (office, date,
// time, seat) is what keeps a step within its capacity when two desks book at once.
import type { Knex } from 'knex'

type Reader = Knex | Knex.Transaction

export interface SeatRow {
  office_id: string
  date: string
  time: string
  seat: number
  appointment_id: string
}

/** The seats taken on the given steps of one office's day. */
export async function seatsAt(
  trx: Knex.Transaction,
  officeId: string,
  date: string,
  times: readonly string[],
): Promise<Array<{ time: string; seat: number }>> {
  return (await trx('appointment_seats')
    .where({ office_id: officeId, date })
    .whereIn('time', times)
    .select('time', 'seat')) as Array<{ time: string; seat: number }>
}

export async function insertSeats(trx: Knex.Transaction, rows: readonly SeatRow[]): Promise<void> {
  await trx('appointment_seats').insert(rows)
}

/** Removes the appointment's seats and returns them (for the outbox). */
export async function takeSeatsOf(trx: Knex.Transaction, appointmentId: string): Promise<SeatRow[]> {
  const seats = (await trx('appointment_seats').where({ appointment_id: appointmentId })) as SeatRow[]
  await trx('appointment_seats').where({ appointment_id: appointmentId }).delete()
  return seats
}

/** Seats taken per step in a date range: key `${date} ${time}`. */
export async function seatsTakenPerStep(
  db: Reader,
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
