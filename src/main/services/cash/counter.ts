// This workstation's counter (office + window number, from its settings), its open shift, and the
// receipt numbers it gives.
import type { Knex } from 'knex'
import type { OfficeRef } from '../../../shared/domain/app'
import { OknoError } from '../../../shared/ipc/envelope'
import { findOffice } from '../../db/repositories/organisation'
import { openShiftAt, type ShiftRow } from '../../db/repositories/shifts'
import type { ServiceContext } from '../core/context'

export interface Counter {
  office: OfficeRef
  counterNumber: number
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

/** The counter's open shift, if any; `lock` inside a write transaction takes its row in turn. */
export async function findOpenShift(
  db: Knex | Knex.Transaction,
  counter: Counter,
  lock = false,
): Promise<ShiftRow | undefined> {
  return openShiftAt(db, counter.office.id, counter.counterNumber, lock)
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
