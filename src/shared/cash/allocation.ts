// How a payment is split across an account's services: the oldest unpaid month first, whatever
// the service; what is left over is an advance, spread like the last month's charges. Pure: the
// payment form shows it as the clerk types, and main checks what the form sends.

export interface UnpaidMonth {
  period: string
  unpaidKopecks: number
}

export interface ServiceDebt {
  serviceId: string
  serviceCode: string
  serviceName: string
  /** Owed on this service today (negative: paid in advance). */
  debtKopecks: number
  /** Months not yet covered by payments, oldest first, each with what is left to pay. */
  unpaid: UnpaidMonth[]
  /** The last charged month's amount: how an advance is spread. */
  lastChargeKopecks: number
}

export interface Allocation {
  serviceId: string
  amountKopecks: number
}

/** Sum of positive debts: the «full debt» the one-key payment takes. */
export function totalDebt(debts: readonly ServiceDebt[]): number {
  return debts.reduce((sum, d) => sum + Math.max(0, d.debtKopecks), 0)
}

/** Splits `amount` by whole kopecks in proportion to `weights` (largest remainder, ties to the first). */
export function splitProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0)
  if (total <= 0 || weights.length === 0) return weights.map((_, i) => (i === 0 ? amount : 0))
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w)) / BigInt(total))
  const shares = exact.map(Number)
  let left = amount - shares.reduce((a, s) => a + s, 0)
  const order = weights
    .map((w, i) => ({ i, rest: Number((BigInt(amount) * BigInt(w)) % BigInt(total)) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    shares[i] = (shares[i] as number) + 1
    left--
  }
  return shares
}

/** The default split of `amountKopecks` (> 0): one entry per service, in the debts' order. */
export function allocatePayment(debts: readonly ServiceDebt[], amountKopecks: number): Allocation[] {
  const result = new Map(debts.map((d) => [d.serviceId, 0]))
  const months = debts
    .flatMap((d, order) => d.unpaid.map((m) => ({ ...m, serviceId: d.serviceId, order })))
    .filter((m) => m.unpaidKopecks > 0)
    .sort((a, b) => a.period.localeCompare(b.period) || a.order - b.order)
  let left = amountKopecks
  for (const m of months) {
    if (left === 0) break
    const take = Math.min(left, m.unpaidKopecks)
    result.set(m.serviceId, (result.get(m.serviceId) ?? 0) + take)
    left -= take
  }
  if (left > 0 && debts.length > 0) {
    const shares = splitProportionally(
      left,
      debts.map((d) => Math.max(0, d.lastChargeKopecks)),
    )
    debts.forEach((d, i) => result.set(d.serviceId, (result.get(d.serviceId) ?? 0) + (shares[i] as number)))
  }
  return debts.map((d) => ({ serviceId: d.serviceId, amountKopecks: result.get(d.serviceId) ?? 0 }))
}

/**
 * What is wrong with a split the clerk edited, or null: every part a whole, non-negative number
 * of kopecks on one of the account's services, the parts adding up to the payment.
 */
export function allocationProblem(
  debts: readonly ServiceDebt[],
  allocations: readonly Allocation[],
  amountKopecks: number,
): string | null {
  const known = new Set(debts.map((d) => d.serviceId))
  const seen = new Set<string>()
  let sum = 0
  for (const a of allocations) {
    if (!known.has(a.serviceId)) return 'Распределение: услуга не относится к этому лицевому счёту'
    if (seen.has(a.serviceId)) return 'Распределение: услуга указана дважды'
    if (!Number.isSafeInteger(a.amountKopecks) || a.amountKopecks < 0)
      return 'Распределение: суммы по услугам не могут быть отрицательными'
    seen.add(a.serviceId)
    sum += a.amountKopecks
  }
  if (sum !== amountKopecks) return 'Распределение: суммы по услугам должны составлять сумму платежа'
  return null
}
