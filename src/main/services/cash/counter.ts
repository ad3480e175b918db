// This workstation's counter (office + window number, from its settings) and its shifts' rows.
import type { Knex } from 'knex'
import type { OfficeRef } from '../../../shared/domain/app'
import { OknoError } from '../../../shared/ipc/envelope'
import { findOffice } from '../../db/repositories/organisation'
import type { ServiceContext } from '../core/context'

export interface Counter {
  office: OfficeRef
  counterNumber: number
}

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

export async function requireCounter(ctx: ServiceContext): Promise<Counter> {
  const { officeId, counterNumber } = ctx.settings.get()
  const office = officeId ? await findOffice(ctx.db, officeId) : undefined
  if (!office) {
    throw new OknoError(
      'VALIDATION',
      'Рабочее место не привязано к отделению: администратор указывает отделение и номер окна в «Настройках».',
    )
  }
  return { office, counterNumber }
}

/**
 * The counter's open shift, if any. Inside a write transaction on PostgreSQL the row is locked,
 * so everything posted in one shift (receipt numbers, the audit chain) is taken in turn.
 */
export async function findOpenShift(
  db: Knex | Knex.Transaction,
  counter: Counter,
  lock = false,
): Promise<ShiftRow | undefined> {
  let q = db('shifts')
    .where({ office_id: counter.office.id, counter_number: counter.counterNumber })
    .whereNull('closed_at')
  if (lock && db.client.config.client === 'pg') q = q.forUpdate()
  const row = (await q.first()) as ShiftRow | undefined
  return row ? normalise(row) : undefined
}

export async function findShift(db: Knex, id: string): Promise<ShiftRow | undefined> {
  const row = (await db('shifts').where({ id }).first()) as ShiftRow | undefined
  return row ? normalise(row) : undefined
}

/** A shifts row with its numbers as numbers (pg returns BIGINT as text). */
export function normalise(row: ShiftRow): ShiftRow {
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

/** The human receipt number: office code, window, shift and the receipt's number in the shift. */
export function receiptNumber(
  officeCode: string,
  counterNumber: number,
  shift: number,
  receipt: number,
): string {
  return `${officeCode}-${String(counterNumber).padStart(2, '0')}-${shift}-${receipt}`
}
