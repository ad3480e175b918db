import { describe, expect, it } from 'vitest'
import {
  allocatePayment,
  allocationProblem,
  splitProportionally,
  totalDebt,
  type ServiceDebt,
} from '../../../../src/shared/cash/allocation'

const debt = (serviceId: string, unpaid: Array<[string, number]>, lastChargeKopecks = 0): ServiceDebt => ({
  serviceId,
  serviceCode: serviceId,
  serviceName: serviceId,
  debtKopecks: unpaid.reduce((a, [, k]) => a + k, 0),
  unpaid: unpaid.map(([period, unpaidKopecks]) => ({ period, unpaidKopecks })),
  lastChargeKopecks,
})

const amounts = (list: ReturnType<typeof allocatePayment>): Record<string, number> =>
  Object.fromEntries(list.map((a) => [a.serviceId, a.amountKopecks]))

describe('allocatePayment', () => {
  const debts = [
    debt(
      'power',
      [
        ['2026-09', 1_000],
        ['2026-10', 2_000],
      ],
      2_000,
    ),
    debt(
      'water',
      [
        ['2026-08', 500],
        ['2026-10', 700],
      ],
      700,
    ),
    debt('gas', [], 300),
  ]

  it('pays the oldest month first, whatever the service', () => {
    expect(amounts(allocatePayment(debts, 1_200))).toEqual({ power: 700, water: 500, gas: 0 })
  })

  it('breaks ties within a month by the services order', () => {
    expect(amounts(allocatePayment(debts, 4_000))).toEqual({ power: 3_000, water: 1_000, gas: 0 })
  })

  it('covers the full debt exactly', () => {
    const all = allocatePayment(debts, totalDebt(debts))
    expect(amounts(all)).toEqual({ power: 3_000, water: 1_200, gas: 0 })
  })

  it('spreads an advance like the last month’s charges, to the kopeck', () => {
    const split = amounts(allocatePayment(debts, totalDebt(debts) + 1_001))
    expect(split.power! + split.water! + split.gas!).toBe(4_200 + 1_001)
    expect(split).toEqual({ power: 3_000 + 667, water: 1_200 + 234, gas: 100 })
  })

  it('puts an advance on the first service when nothing was ever charged', () => {
    expect(amounts(allocatePayment([debt('a', []), debt('b', [])], 500))).toEqual({ a: 500, b: 0 })
  })

  it('ignores overpaid services in the full debt', () => {
    const overpaid = { ...debt('x', []), debtKopecks: -900 }
    expect(totalDebt([overpaid, debt('y', [['2026-10', 400]])])).toBe(400)
  })
})

describe('splitProportionally', () => {
  it('always adds up, giving leftover kopecks to the largest remainders', () => {
    expect(splitProportionally(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(splitProportionally(10, [0, 0])).toEqual([10, 0])
    for (const amount of [1, 7, 99, 12_345]) {
      expect(splitProportionally(amount, [3, 5, 11]).reduce((a, b) => a + b, 0)).toBe(amount)
    }
  })
})

describe('allocationProblem', () => {
  const debts = [debt('a', [['2026-10', 100]]), debt('b', [['2026-10', 100]])]
  it('accepts a split that adds up', () => {
    expect(
      allocationProblem(
        debts,
        [
          { serviceId: 'a', amountKopecks: 150 },
          { serviceId: 'b', amountKopecks: 50 },
        ],
        200,
      ),
    ).toBeNull()
  })
  it.each([
    [[{ serviceId: 'a', amountKopecks: 150 }], 200, 'составлять сумму'],
    [[{ serviceId: 'z', amountKopecks: 200 }], 200, 'не относится'],
    [
      [
        { serviceId: 'a', amountKopecks: -1 },
        { serviceId: 'b', amountKopecks: 201 },
      ],
      200,
      'отрицательными',
    ],
    [
      [
        { serviceId: 'a', amountKopecks: 100 },
        { serviceId: 'a', amountKopecks: 100 },
      ],
      200,
      'дважды',
    ],
    [
      [
        { serviceId: 'a', amountKopecks: 0.5 },
        { serviceId: 'b', amountKopecks: 199.5 },
      ],
      200,
      'отрицательными',
    ],
  ])('refuses %j for %i', (split, amount, message) => {
    expect(allocationProblem(debts, split, amount)).toContain(message)
  })
})
