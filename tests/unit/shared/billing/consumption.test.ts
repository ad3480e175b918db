import { describe, expect, it } from 'vitest'
import {
  averageMonthlyConsumption,
  checkAnomaly,
  readingConsumption,
  zoneConsumption,
} from '../../../../src/shared/billing/consumption'

describe('zoneConsumption', () => {
  it('is current − previous when the meter went up (or stood still)', () => {
    expect(zoneConsumption(1_250_000, 1_370_000, 6, false)).toBe(120_000)
    expect(zoneConsumption(400_000, 455_000, 6, false)).toBe(55_000)
    expect(zoneConsumption(12_345_678, 12_345_678, 5, false)).toBe(0)
  })

  it('turns over a 5-digit meter from 99998 to 00003: 5 kWh', () => {
    expect(zoneConsumption(99_998_000, 3000, 5, true)).toBe(5000)
    expect(zoneConsumption(99_999_999, 0, 5, true)).toBe(1)
    expect(zoneConsumption(999_999_500, 1_500, 6, true)).toBe(2000)
    expect(zoneConsumption(999_999_999_000, 1000, 9, true)).toBe(2000)
  })

  it('gives null for a lower reading without a confirmed rollover', () => {
    expect(zoneConsumption(99_998_000, 3000, 5, false)).toBeNull()
  })

  it('ignores the rollover flag when the meter went up', () => {
    expect(zoneConsumption(1000, 4000, 5, true)).toBe(3000)
  })
})

describe('readingConsumption', () => {
  it('works zone by zone, a rollover only where the zone went down', () => {
    expect(readingConsumption([99_990_000, 40_000], [2_000, 45_000], 5, true)).toEqual([12_000, 5_000])
    expect(readingConsumption([99_990_000, 40_000], [2_000, 45_000], 5, false)).toEqual([null, 5_000])
    expect(readingConsumption([1000], [2000, 3000], 5, false)).toEqual([1000, null])
  })
})

describe('averageMonthlyConsumption', () => {
  // Readings every other month: 100, 106, 113.5, 121 m³.
  const WATER = [
    { period: '2026-01', valuesMilli: [100_000] },
    { period: '2026-03', valuesMilli: [106_000] },
    { period: '2026-05', valuesMilli: [113_500] },
    { period: '2026-07', valuesMilli: [121_000] },
  ]

  it('takes the window [before − 6, before − 1] plus the last reading before it as the baseline', () => {
    // Window 2026-02..2026-07, baseline 2026-01: (121 − 100) / 6 = 3.5 m³.
    expect(averageMonthlyConsumption(WATER, '2026-08')).toEqual([3500])
    // Window 2026-03..2026-08, baseline still 2026-01.
    expect(averageMonthlyConsumption(WATER, '2026-09')).toEqual([3500])
    // Window 2026-04..2026-09, baseline 2026-03: (121 − 106) / 4 = 3.75 m³.
    expect(averageMonthlyConsumption(WATER, '2026-10')).toEqual([3750])
    // Window 2026-05..2026-10, baseline 2026-03 again.
    expect(averageMonthlyConsumption(WATER, '2026-11')).toEqual([3750])
  })

  it('uses the window alone when there is nothing before it', () => {
    expect(averageMonthlyConsumption(WATER.slice(1), '2026-08')).toEqual([3750])
  })

  it('ignores readings of `before` and later, whatever their order', () => {
    const later = [{ period: '2026-08', valuesMilli: [200_000] }, ...WATER.slice().reverse()]
    expect(averageMonthlyConsumption(later, '2026-08')).toEqual([3500])
  })

  it('rounds half up to a whole milli-unit, per zone', () => {
    const readings = [
      { period: '2026-05', valuesMilli: [1_000_000, 500_000] },
      { period: '2026-09', valuesMilli: [1_000_010, 500_006] },
    ]
    // 10 / 4 = 2.5 → 3; 6 / 4 = 1.5 → 2.
    expect(averageMonthlyConsumption(readings, '2026-11')).toEqual([3, 2])
  })

  it('averages a two-zone electricity meter zone by zone', () => {
    const readings = [
      { period: '2026-08', valuesMilli: [1_000_000, 300_000] },
      { period: '2026-10', valuesMilli: [1_240_000, 410_000] },
    ]
    expect(averageMonthlyConsumption(readings, '2026-11')).toEqual([120_000, 55_000])
  })

  it('takes the later of two readings in one period', () => {
    const readings = [
      { period: '2026-09', takenOn: '2026-09-20', valuesMilli: [10_000] },
      { period: '2026-10', takenOn: '2026-10-24', valuesMilli: [16_000] },
      { period: '2026-10', takenOn: '2026-10-16', valuesMilli: [15_000] },
    ]
    expect(averageMonthlyConsumption(readings, '2026-11')).toEqual([6000])
  })

  it('honours a shorter window', () => {
    expect(averageMonthlyConsumption(WATER, '2026-08', 3)).toEqual([3750])
    expect(averageMonthlyConsumption(WATER, '2026-08', 1)).toEqual([3750])
  })

  it('crosses the new year', () => {
    const readings = [
      { period: '2025-10', valuesMilli: [50_000] },
      { period: '2025-12', valuesMilli: [56_000] },
      { period: '2026-02', valuesMilli: [62_000] },
    ]
    expect(averageMonthlyConsumption(readings, '2026-03')).toEqual([3000])
  })

  it('is null with fewer than two readings', () => {
    expect(averageMonthlyConsumption([], '2026-08')).toBeNull()
    expect(averageMonthlyConsumption([{ period: '2026-07', valuesMilli: [121_000] }], '2026-08')).toBeNull()
    // A baseline alone, nothing in the window.
    expect(averageMonthlyConsumption(WATER, '2027-02')).toBeNull()
  })

  it('is null when the readings span less than one period', () => {
    const readings = [
      { period: '2026-07', takenOn: '2026-07-16', valuesMilli: [120_000] },
      { period: '2026-07', takenOn: '2026-07-20', valuesMilli: [121_000] },
    ]
    expect(averageMonthlyConsumption(readings, '2026-08')).toBeNull()
  })

  it('is null when a zone went down inside the window (a turnover it cannot measure)', () => {
    const readings = [
      { period: '2026-06', valuesMilli: [99_990_000] },
      { period: '2026-08', valuesMilli: [4_000] },
    ]
    expect(averageMonthlyConsumption(readings, '2026-09')).toBeNull()
  })

  it('refuses a window of no months', () => {
    expect(() => averageMonthlyConsumption(WATER, '2026-08', 0)).toThrow(RangeError)
  })
})

describe('checkAnomaly', () => {
  it('flags consumption above 3 × the average, and not at exactly 3 ×', () => {
    expect(checkAnomaly(10_501, 3500)).toBe(true)
    expect(checkAnomaly(10_500, 3500)).toBe(false)
    expect(checkAnomaly(3500, 3500)).toBe(false)
  })

  it('takes another factor', () => {
    expect(checkAnomaly(7001, 3500, 2)).toBe(true)
    expect(checkAnomaly(7000, 3500, 2)).toBe(false)
  })

  it('has nothing to compare against without a positive average', () => {
    expect(checkAnomaly(1_000_000, null)).toBe(false)
    expect(checkAnomaly(1_000_000, 0)).toBe(false)
  })
})
