import { describe, expect, it } from 'vitest'
import { changeFor, countTotal, DENOMINATIONS, expectedCash } from '../../../../src/shared/cash/shift-math'

describe('changeFor', () => {
  it('gives the difference back', () => {
    expect(changeFor(123_456, 200_000)).toEqual({ ok: true, changeKopecks: 76_544 })
    expect(changeFor(500, 500)).toEqual({ ok: true, changeKopecks: 0 })
  })
  it('refuses less cash than the amount', () => {
    const r = changeFor(10_000, 9_999)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toContain('меньше суммы')
  })
})

describe('expectedCash', () => {
  it('is float + payments − refunds + cash in − cash out', () => {
    expect(
      expectedCash({
        floatKopecks: 100_000,
        paymentsKopecks: 42_345,
        refundsKopecks: 30_000,
        cashInKopecks: 20_000,
        cashOutKopecks: 50_000,
      }),
    ).toBe(82_345)
    expect(
      expectedCash({
        floatKopecks: 0,
        paymentsKopecks: 0,
        refundsKopecks: 0,
        cashInKopecks: 0,
        cashOutKopecks: 0,
      }),
    ).toBe(0)
  })
})

describe('countTotal', () => {
  it('adds pieces by denomination', () => {
    expect(countTotal({ '500000': 2, '10000': 3, '10': 7 })).toBe(1_030_070)
    expect(DENOMINATIONS).toContain(500_000)
  })
})
