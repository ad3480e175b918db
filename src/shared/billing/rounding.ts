// Exact integer rounding for money and volumes: half away from zero, with BigInt taking over
// wherever a product would leave the range a double holds exactly.

/** Raises the error callers get for a value that is not a whole number (a bug, not user input). */
function requireInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`)
}

/**
 * numerator / denominator rounded half away from zero (2.5 → 3, −2.5 → −3). The denominator
 * must be positive. Exact for any integers whose quotient is a safe integer.
 */
export function divRoundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    requireInteger(numerator, 'numerator')
    requireInteger(denominator, 'denominator')
    if (denominator <= 0) throw new RangeError(`denominator must be positive, got ${denominator}`)
    if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
      const abs = Math.abs(numerator)
      const rest = abs % denominator
      const quotient = (abs - rest) / denominator + (rest * 2 >= denominator ? 1 : 0)
      return numerator < 0 ? 0 - quotient : quotient
    }
  }
  const n = BigInt(numerator)
  const d = BigInt(denominator)
  if (d <= 0n) throw new RangeError(`denominator must be positive, got ${d}`)
  const abs = n < 0n ? -n : n
  const quotient = (abs * 2n + d) / (d * 2n)
  return Number(n < 0n ? -quotient : quotient)
}

/** a × b / denominator rounded half away from zero; the product never loses precision. */
export function mulDivRoundHalfUp(a: number, b: number, denominator: number): number {
  requireInteger(a, 'factor')
  requireInteger(b, 'factor')
  const product = a * b
  if (Number.isSafeInteger(product)) return divRoundHalfUp(product, denominator)
  return divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(denominator))
}

/**
 * A line's money: volume (milli-units) × price (kopecks per unit) / 1000, rounded half away
 * from zero, so a reversed line is exactly the negation of the original.
 */
export function lineAmountKopecks(volumeMilli: number, priceKopecks: number): number {
  return mulDivRoundHalfUp(volumeMilli, priceKopecks, 1000)
}
