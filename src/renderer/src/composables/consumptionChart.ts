// One meter's consumption chart: a bar for every month from its first charted reading to its
// last, a month without a reading left empty. Two months' use read at once then shows as a bar
// after an empty month — what it is — instead of a spike among full months.
import { addPeriods, periodsBetween } from '../../../shared/billing/period'
import type { MeterHistoryPoint } from '../../../shared/domain/billing'

export interface MonthUse {
  period: string
  /** Thousandths of the unit; null for a month without a reading. */
  milli: number | null
}

export function consumptionByMonth(points: readonly MeterHistoryPoint[]): MonthUse[] {
  const used = new Map<string, number>()
  for (const p of points) {
    if (p.status === 'active' && p.consumptionMilli !== null) used.set(p.period, p.consumptionMilli)
  }
  const periods = [...used.keys()].sort()
  const first = periods[0]
  const last = periods.at(-1)
  if (!first || !last) return []
  return Array.from({ length: periodsBetween(first, last) + 1 }, (_, i) => {
    const period = addPeriods(first, i)
    return { period, milli: used.get(period) ?? null }
  })
}
