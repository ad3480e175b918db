// A shift's figures from its rows: payments and refunds, cash in and out, per-service totals and
// what the drawer should hold. Read inside the closing transaction for the Z-report.
import type { Knex } from 'knex'
import { expectedCash } from '../../../shared/cash/shift-math'
import type { ShiftFigures, ShiftView } from '../../../shared/domain/cash'
import { cashMoveTotals } from '../../db/repositories/cash-moves'
import { shiftPaymentTotals, shiftServiceTotals } from '../../db/repositories/payments'
import type { ShiftRow } from '../../db/repositories/shifts'

export async function shiftFigures(db: Knex | Knex.Transaction, shift: ShiftRow): Promise<ShiftFigures> {
  // One after another: inside a transaction they share one connection (pg refuses overlapping queries).
  const byKind = await shiftPaymentTotals(db, shift.id)
  const moves = await cashMoveTotals(db, shift.id)
  const services = await shiftServiceTotals(db, shift.id)
  const kind = (k: string): { n: number; s: number } => {
    const row = byKind.find((r) => r.kind === k)
    return { n: Number(row?.n ?? 0), s: Number(row?.s ?? 0) }
  }
  const move = (k: string): number => Number(moves.find((r) => r.kind === k)?.s ?? 0)
  const payments = kind('payment')
  const refunds = kind('reversal')
  const drawer = {
    floatKopecks: shift.float_kopecks,
    paymentsKopecks: payments.s,
    refundsKopecks: -refunds.s,
    cashInKopecks: move('cash_in'),
    cashOutKopecks: move('cash_out'),
  }
  return {
    ...drawer,
    paymentsCount: payments.n,
    refundsCount: refunds.n,
    expectedKopecks: expectedCash(drawer),
    byService: services
      .map((s) => ({ serviceCode: s.code, serviceName: s.name, amountKopecks: Number(s.total) }))
      .filter((s) => s.amountKopecks !== 0),
  }
}

export interface ShiftNames {
  officeName: string
  clerkNames: Map<string, string>
  /** The instant the view is for (overdue is judged against it). */
  now: Date
}

const DAY_MS = 24 * 3600 * 1000

export function shiftView(shift: ShiftRow, figures: ShiftFigures, names: ShiftNames): ShiftView {
  const open = shift.closed_at === null
  return {
    id: shift.id,
    number: shift.number,
    officeName: names.officeName,
    counterNumber: shift.counter_number,
    businessDate: shift.business_date,
    openedAt: shift.opened_at,
    openedByName: names.clerkNames.get(shift.opened_by) ?? '',
    status: open ? 'open' : 'closed',
    overdue: open && names.now.getTime() - Date.parse(shift.opened_at) > DAY_MS,
    closedAt: shift.closed_at,
    closedByName: shift.closed_by ? (names.clerkNames.get(shift.closed_by) ?? '') : null,
    figures,
    countedKopecks: shift.counted_kopecks,
    differenceKopecks:
      shift.counted_kopecks === null || shift.expected_kopecks === null
        ? null
        : shift.counted_kopecks - shift.expected_kopecks,
  }
}
