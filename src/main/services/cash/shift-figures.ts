// A shift's figures from its rows: payments and refunds, cash in and out, per-service totals and
// what the drawer should hold. Read inside the closing transaction for the Z-report.
import type { Knex } from 'knex'
import { expectedCash } from '../../../shared/cash/shift-math'
import type { ShiftFigures, ShiftView } from '../../../shared/domain/cash'
import type { ShiftRow } from './counter'

export async function shiftFigures(db: Knex | Knex.Transaction, shift: ShiftRow): Promise<ShiftFigures> {
  // One after another: inside a transaction they share one connection (pg refuses overlapping queries).
  const byKind = (await db('payments')
    .where({ shift_id: shift.id })
    .groupBy('kind')
    .select('kind')
    .count({ n: '*' })
    .sum({ s: 'amount_kopecks' })) as Array<{ kind: string; n: number | string; s: number | string }>
  const moves = (await db('cash_movements')
    .where({ shift_id: shift.id })
    .groupBy('kind')
    .select('kind')
    .sum({ s: 'amount_kopecks' })) as Array<{ kind: string; s: number | string }>
  const services = (await db('payment_allocations as a')
    .join('payments as p', 'p.id', 'a.payment_id')
    .join('services as s', 's.id', 'a.service_id')
    .where('p.shift_id', shift.id)
    .groupBy('s.code', 's.name', 's.sort')
    .orderBy('s.sort')
    .select('s.code', 's.name')
    .sum({ total: 'a.amount_kopecks' })) as Array<{ code: string; name: string; total: number | string }>
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

export async function clerkNames(db: Knex, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))]
  if (wanted.length === 0) return new Map()
  const rows = (await db('clerks').whereIn('id', wanted).select('id', 'full_name')) as Array<{
    id: string
    full_name: string
  }>
  return new Map(rows.map((r) => [r.id, r.full_name]))
}
