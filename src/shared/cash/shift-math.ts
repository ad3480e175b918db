// The arithmetic of a cash drawer: change for the customer, and what a shift's drawer should hold.

export type ChangeResult = { ok: true; changeKopecks: number } | { ok: false; message: string }

/** Change for `tendered` against `amount`; less cash than the amount is refused. */
export function changeFor(amountKopecks: number, tenderedKopecks: number): ChangeResult {
  if (tenderedKopecks < amountKopecks)
    return { ok: false, message: 'Получено меньше суммы платежа: примите не меньше суммы к оплате' }
  return { ok: true, changeKopecks: tenderedKopecks - amountKopecks }
}

export interface DrawerMovements {
  floatKopecks: number
  /** Cash received for payments (positive). */
  paymentsKopecks: number
  /** Cash paid back on reversals (positive). */
  refundsKopecks: number
  cashInKopecks: number
  cashOutKopecks: number
}

/** DOMAIN.md «Cash desk»: expected = float + cash payments − refunds + cash in − cash out. */
export function expectedCash(m: DrawerMovements): number {
  return m.floatKopecks + m.paymentsKopecks - m.refundsKopecks + m.cashInKopecks - m.cashOutKopecks
}

/** Banknotes and coins of the Bank of Russia in circulation, in kopecks. */
export const DENOMINATIONS = [
  500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 1_000, 500, 200, 100, 10,
] as const

/** The total of a count by denominations (denomination in kopecks → pieces). */
export function countTotal(pieces: Readonly<Record<string, number>>): number {
  return Object.entries(pieces).reduce((sum, [denomination, n]) => sum + Number(denomination) * n, 0)
}

/** A shift open this long must be closed before it takes another payment. */
export const SHIFT_MAX_HOURS = 24
