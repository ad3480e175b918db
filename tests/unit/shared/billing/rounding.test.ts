import { describe, expect, it } from 'vitest'
import { divRoundHalfUp, lineAmountKopecks, mulDivRoundHalfUp } from '../../../../src/shared/billing/rounding'

describe('divRoundHalfUp', () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [7, 3, 2],
    [8, 3, 3],
    [-5, 2, -3],
    [-7, 3, -2],
    [-8, 3, -3],
    [1499, 1000, 1],
    [1500, 1000, 2],
    [-1500, 1000, -2],
    [-1499, 1000, -1],
  ])('%i / %i → %i (half away from zero)', (n, d, expected) => {
    expect(divRoundHalfUp(n, d)).toBe(expected)
  })

  it('never gives a negative zero', () => {
    expect(Object.is(divRoundHalfUp(-1, 1000), 0)).toBe(true)
    expect(Object.is(lineAmountKopecks(-1, 1), 0)).toBe(true)
  })

  it('takes BigInt numerators and denominators', () => {
    expect(divRoundHalfUp(10n ** 19n + 500n, 1000n)).toBe(10 ** 16 + 1)
    expect(divRoundHalfUp(-(10n ** 19n) - 500n, 1000n)).toBe(-(10 ** 16) - 1)
  })

  it('refuses fractions and a non-positive denominator', () => {
    expect(() => divRoundHalfUp(1.5, 2)).toThrow(RangeError)
    expect(() => divRoundHalfUp(1, 0)).toThrow(RangeError)
    expect(() => divRoundHalfUp(1, -2)).toThrow(RangeError)
  })
})

describe('lineAmountKopecks', () => {
  it('is volume × price / 1000, rounded half up: 3.5 m³ at 52.13 ₽ = 182.455 ₽ → 18246 kop', () => {
    expect(lineAmountKopecks(3500, 5213)).toBe(18246)
    expect(lineAmountKopecks(120_000, 471)).toBe(56520)
  })

  it('rounds a negative half away from zero, so a reversal mirrors its original', () => {
    expect(lineAmountKopecks(-3500, 5213)).toBe(-18246)
    expect(lineAmountKopecks(-2500, 4021)).toBe(-10053)
    expect(lineAmountKopecks(2500, 4021)).toBe(10053)
  })

  it('stays exact where a double product would not: 10^12 milli at 10^7 kop and just below', () => {
    expect(lineAmountKopecks(10 ** 12, 10 ** 7)).toBe(10 ** 16)
    // 999 999 999 999 × 9 999 999 = 9 999 998 999 999 000 001: the double product is off by far more than a kopeck.
    expect(mulDivRoundHalfUp(999_999_999_999, 9_999_999, 1000)).toBe(
      Number((999_999_999_999n * 9_999_999n * 2n + 1000n) / 2000n),
    )
    expect(lineAmountKopecks(9_007_199_254_741, 1000)).toBe(9_007_199_254_741)
    expect(lineAmountKopecks(123_456_789_123, 9_999_999)).toBe(
      Number((123_456_789_123n * 9_999_999n * 2n + 1000n) / 2000n),
    )
  })
})
