// A meter's consumption chart keeps every month between its first and last reading: a month
// without one is an empty place, so two months' use read at once is not drawn as a spike.
import { describe, expect, it } from 'vitest'
import { consumptionByMonth } from '../../../../src/renderer/src/composables/consumptionChart'
import type { MeterHistoryPoint } from '../../../../src/shared/domain/billing'

function point(period: string, consumptionMilli: number | null, status: 'active' | 'superseded' = 'active') {
  return {
    readingId: `${period}-${status}`,
    period,
    takenOn: `${period}-20`,
    source: 'office',
    valuesMilli: [0],
    consumptionMilli,
    status,
    review: false,
    billable: true,
  } satisfies MeterHistoryPoint
}

describe('consumptionByMonth', () => {
  it('leaves a month without a reading empty between the months that have one', () => {
    expect(
      consumptionByMonth([point('2026-08', 100_000), point('2026-09', 110_000), point('2026-11', 230_000)]),
    ).toEqual([
      { period: '2026-08', milli: 100_000 },
      { period: '2026-09', milli: 110_000 },
      { period: '2026-10', milli: null },
      { period: '2026-11', milli: 230_000 },
    ])
  })

  it('runs across a new year, and from the first reading with a consumption', () => {
    expect(consumptionByMonth([point('2025-11', null), point('2025-12', 5), point('2026-02', 7)])).toEqual([
      { period: '2025-12', milli: 5 },
      { period: '2026-01', milli: null },
      { period: '2026-02', milli: 7 },
    ])
  })

  it('charts the reading in use, not one it replaced', () => {
    expect(consumptionByMonth([point('2026-10', 900, 'superseded'), point('2026-10', 40)])).toEqual([
      { period: '2026-10', milli: 40 },
    ])
  })

  it('has nothing to chart without a consumption', () => {
    expect(consumptionByMonth([point('2026-10', null)])).toEqual([])
  })
})
