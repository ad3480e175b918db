// What an operator may take alone: the factor × the larger of debt and month's bill, capped by
// the advance limit beyond the debt.
import { describe, expect, it } from 'vitest'
import type { ServiceDebt } from '../../../../src/shared/cash/allocation'
import { supervisorAbove } from '../../../../src/shared/cash/payment-limits'

const service = (debtKopecks: number, lastChargeKopecks: number): ServiceDebt => ({
  serviceId: `s${debtKopecks}:${lastChargeKopecks}`,
  serviceCode: 'power',
  serviceName: 'Электроэнергия',
  debtKopecks,
  unpaid: debtKopecks > 0 ? [{ period: '2026-10', unpaidKopecks: debtKopecks }] : [],
  lastChargeKopecks,
})

const DEFAULTS = { supervisorFactor: 3, advanceLimitKopecks: 10_000_000 }

describe('supervisorAbove', () => {
  it('is 3 × the debt when the debt is larger than the bill: 85,72 ₽ owed, 257,16 ₽ alone', () => {
    expect(supervisorAbove([service(8_572, 5_000)], DEFAULTS)).toBe(25_716)
  })

  it('is 3 × the month’s bill when that is larger, so a month ahead on a small remainder is normal', () => {
    expect(supervisorAbove([service(8_572, 300_000), service(-1_000, 100_000)], DEFAULTS)).toBe(1_200_000)
  })

  it('caps the advance beyond the debt at the limit', () => {
    expect(supervisorAbove([service(5_000_000, 4_000_000)], DEFAULTS)).toBe(15_000_000)
  })

  it('takes only the advance limit when nothing was ever charged or owed', () => {
    expect(supervisorAbove([], DEFAULTS)).toBe(10_000_000)
    expect(supervisorAbove([service(-500, 0)], DEFAULTS)).toBe(10_000_000)
  })

  it('always allows the full debt, whatever the organisation set', () => {
    expect(supervisorAbove([service(10_000, 0)], { supervisorFactor: 0, advanceLimitKopecks: -5 })).toBe(
      10_000,
    )
  })
})
