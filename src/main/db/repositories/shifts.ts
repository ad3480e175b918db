// Cash shifts of a counter (office + window number): the open one, one by id, the last ones, the
// next shift number, and the updates a shift takes (its receipt counter, its closing).
import type { Knex } from 'knex'

type Source = Knex | Knex.Transaction

export interface ShiftRow {
  id: string
  office_id: string
  counter_number: number
  number: number
  workstation_id: string
  business_date: string
  opened_at: string
  opened_by: string
  float_kopecks: number
  last_receipt_no: number
  closed_at: string | null
  closed_by: string | null
  counted_kopecks: number | null
  expected_kopecks: number | null
  confirmed_by: string | null
}

/** What closing writes to the shift's row (also the outbox payload, hence a plain record). */
export type ShiftClosing = {
  closed_at: string
  closed_by: string
  counted_kopecks: number
  expected_kopecks: number
  confirmed_by: string | null
}

/** A shifts row with its numbers as numbers (pg returns BIGINT as text). */
function normalise(row: ShiftRow): ShiftRow {
  const n = (v: number | null): number | null => (v === null ? null : Number(v))
  return {
    ...row,
    counter_number: Number(row.counter_number),
    number: Number(row.number),
    float_kopecks: Number(row.float_kopecks),
    last_receipt_no: Number(row.last_receipt_no),
    counted_kopecks: n(row.counted_kopecks),
    expected_kopecks: n(row.expected_kopecks),
  }
}

/**
 * The counter's open shift, if any. With `lock`, inside a write transaction on PostgreSQL the row
 * is locked, so everything posted in one shift (receipt numbers, the audit chain) is taken in turn.
 */
export async function openShiftAt(
  db: Source,
  officeId: string,
  counterNumber: number,
  lock = false,
): Promise<ShiftRow | undefined> {
  let q = db('shifts').where({ office_id: officeId, counter_number: counterNumber }).whereNull('closed_at')
  if (lock && db.client.config.client === 'pg') q = q.forUpdate()
  const row = (await q.first()) as ShiftRow | undefined
  return row ? normalise(row) : undefined
}

export async function findShift(db: Knex, id: string): Promise<ShiftRow | undefined> {
  const row = (await db('shifts').where({ id }).first()) as ShiftRow | undefined
  return row ? normalise(row) : undefined
}

/** The counter's last `limit` shifts, newest first. */
export async function recentShifts(
  db: Knex,
  officeId: string,
  counterNumber: number,
  limit: number,
): Promise<ShiftRow[]> {
  const rows = (await db('shifts')
    .where({ office_id: officeId, counter_number: counterNumber })
    .orderBy('number', 'desc')
    .limit(limit)) as ShiftRow[]
  return rows.map(normalise)
}

/** The counter's highest shift number so far (0 before its first shift). */
export async function lastShiftNumber(
  trx: Knex.Transaction,
  officeId: string,
  counterNumber: number,
): Promise<number> {
  const last = (await trx('shifts')
    .where({ office_id: officeId, counter_number: counterNumber })
    .max({ n: 'number' })
    .first()) as { n: number | string | null } | undefined
  return Number(last?.n ?? 0)
}

export async function setLastReceiptNo(
  trx: Knex.Transaction,
  shiftId: string,
  receiptNo: number,
): Promise<void> {
  await trx('shifts').where({ id: shiftId }).update({ last_receipt_no: receiptNo })
}

export async function closeShiftRow(
  trx: Knex.Transaction,
  shiftId: string,
  closing: ShiftClosing,
): Promise<void> {
  await trx('shifts').where({ id: shiftId }).update(closing)
}
