// What an operator may take alone (issue 12 item 15): up to the organisation's factor × the
// account's debt — or × its month's bill when that is larger, so paying a month ahead on a
// small remainder stays normal — and at most the advance limit beyond the debt. Above that a
// supervisor confirms: an extra zero typed by mistake is caught before the money is taken.
import { totalDebt, type ServiceDebt } from './allocation'

export interface PaymentLimits {
  /** × the debt (or the month's bill); below 1 counts as 1, so the full debt is always allowed. */
  supervisorFactor: number
  /** The advance (beyond the debt) an operator may take alone, in kopecks. */
  advanceLimitKopecks: number
}

/** The largest amount, in kopecks, an operator may take alone for an account with `debts`. */
export function supervisorAbove(debts: readonly ServiceDebt[], limits: PaymentLimits): number {
  const debt = totalDebt(debts)
  const bill = debts.reduce((sum, d) => sum + Math.max(0, d.lastChargeKopecks), 0)
  const base = Math.max(debt, bill)
  const byAdvance = debt + Math.max(0, limits.advanceLimitKopecks)
  return base > 0 ? Math.min(Math.max(1, limits.supervisorFactor) * base, byAdvance) : byAdvance
}
