import { describe, expect, it } from 'vitest'
import {
  addPeriods,
  DEFAULT_READING_WINDOW,
  firstDay,
  formatPeriodRu,
  isPeriod,
  lastDay,
  periodOf,
  periodsBetween,
  readingPeriod,
} from '../../../../src/shared/billing/period'

describe('isPeriod', () => {
  it.each(['2026-01', '2026-11', '2026-12', '1999-06'])('accepts %s', (text) => {
    expect(isPeriod(text)).toBe(true)
  })

  it.each(['2026-00', '2026-13', '2026-1', '26-11', '2026-11-01', '2026/11', ' 2026-11', '0000-01', ''])(
    'refuses %j',
    (text) => {
      expect(isPeriod(text)).toBe(false)
    },
  )
})

describe('periodOf', () => {
  it('is the month of a date', () => {
    expect(periodOf('2026-11-22')).toBe('2026-11')
    expect(periodOf('2027-01-01')).toBe('2027-01')
  })

  it('refuses what is not a real date', () => {
    expect(() => periodOf('2026-02-30')).toThrow(RangeError)
    expect(() => periodOf('2026-11')).toThrow(RangeError)
  })
})

describe('addPeriods and periodsBetween', () => {
  it('moves across the year in both directions', () => {
    expect(addPeriods('2026-11', 1)).toBe('2026-12')
    expect(addPeriods('2026-12', 1)).toBe('2027-01')
    expect(addPeriods('2027-01', -1)).toBe('2026-12')
    expect(addPeriods('2026-11', -6)).toBe('2026-05')
    expect(addPeriods('2026-03', -6)).toBe('2025-09')
    expect(addPeriods('2026-11', 25)).toBe('2028-12')
    expect(addPeriods('2026-11', 0)).toBe('2026-11')
  })

  it('counts the months from the first period to the second', () => {
    expect(periodsBetween('2026-11', '2027-02')).toBe(3)
    expect(periodsBetween('2026-01', '2026-07')).toBe(6)
    expect(periodsBetween('2026-11', '2026-11')).toBe(0)
    expect(periodsBetween('2027-02', '2026-11')).toBe(-3)
    expect(periodsBetween('2024-12', '2026-12')).toBe(24)
  })

  it('refuses bad periods and fractional months', () => {
    expect(() => addPeriods('2026-13', 1)).toThrow(RangeError)
    expect(() => addPeriods('2026-11', 1.5)).toThrow(RangeError)
    expect(() => periodsBetween('2026-11', 'ноябрь')).toThrow(RangeError)
  })
})

describe('firstDay and lastDay', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
  ])('%s runs from %s to %s', (period, first, last) => {
    expect(firstDay(period)).toBe(first)
    expect(lastDay(period)).toBe(last)
  })
})

describe('formatPeriodRu', () => {
  it.each([
    ['2026-11', 'ноябрь 2026'],
    ['2027-01', 'январь 2027'],
    ['2026-05', 'май 2026'],
    ['2026-12', 'декабрь 2026'],
  ])('%s → «%s»', (period, text) => {
    expect(formatPeriodRu(period)).toBe(text)
  })
})

describe('readingPeriod', () => {
  it('uses the window 15–25 by default', () => {
    expect(DEFAULT_READING_WINDOW).toEqual({ fromDay: 15, toDay: 25 })
  })

  it.each([
    ['2026-11-01', '2026-11', true],
    ['2026-11-14', '2026-11', true],
    ['2026-11-15', '2026-11', false],
    ['2026-11-20', '2026-11', false],
    ['2026-11-25', '2026-11', false],
    ['2026-11-26', '2026-12', true],
    ['2026-11-30', '2026-12', true],
    ['2026-12-25', '2026-12', false],
    ['2026-12-26', '2027-01', true],
    ['2026-12-31', '2027-01', true],
    ['2027-01-14', '2027-01', true],
  ])('a reading taken on %s counts for %s (outside the window: %s)', (takenOn, period, outsideWindow) => {
    expect(readingPeriod(takenOn)).toEqual({ period, outsideWindow })
    expect(readingPeriod(takenOn, { fromDay: 15, toDay: 25 })).toEqual({ period, outsideWindow })
  })

  it('follows a service window of its own: 1–20 and «by the 25th»', () => {
    expect(readingPeriod('2026-11-01', { fromDay: 1, toDay: 20 })).toEqual({
      period: '2026-11',
      outsideWindow: false,
    })
    expect(readingPeriod('2026-11-21', { fromDay: 1, toDay: 20 })).toEqual({
      period: '2026-12',
      outsideWindow: true,
    })
    expect(readingPeriod('2026-02-28', { fromDay: 1, toDay: 28 })).toEqual({
      period: '2026-02',
      outsideWindow: false,
    })
  })

  it('refuses an impossible date', () => {
    expect(() => readingPeriod('2026-11-31')).toThrow(RangeError)
  })
})
