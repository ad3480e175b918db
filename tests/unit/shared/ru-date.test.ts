import { describe, expect, it } from 'vitest'
import { formatDateRu } from '../../../src/shared/dates'
import { daysInMonth, formatRuDate, isIsoDate, parseRuDate } from '../../../src/shared/ru-date'

describe('parseRuDate', () => {
  it.each([
    ['31.12.2020', '2020-12-31'],
    ['31122020', '2020-12-31'],
    ['31/12/2020', '2020-12-31'],
    ['31-12-2020', '2020-12-31'],
    ['31 12 2020', '2020-12-31'],
    ['1.2.2020', '2020-02-01'],
    ['01.02.2020', '2020-02-01'],
    ['2020-12-31', '2020-12-31'],
    ['  31.12.2020 ', '2020-12-31'],
  ])('reads «%s» as %s', (typed, iso) => {
    expect(parseRuDate(typed)).toBe(iso)
  })

  it('knows leap years: 29 February exists in 2024 and 2000, not in 2023 or 1900', () => {
    expect(parseRuDate('29.02.2024')).toBe('2024-02-29')
    expect(parseRuDate('29.02.2000')).toBe('2000-02-29')
    expect(parseRuDate('29.02.2023')).toBeNull()
    expect(parseRuDate('29.02.1900')).toBeNull()
  })

  it.each([
    '31.02.2020',
    '30.02.2020',
    '31.04.2021',
    '01.13.2020',
    '01.00.2020',
    '00.01.2020',
    '32.01.2020',
    '31022020',
    '2020-02-30',
    '2020-13-01',
    '00.00.0000',
  ])('refuses the impossible date «%s»', (typed) => {
    expect(parseRuDate(typed)).toBeNull()
  })

  it.each(['31.12.20', '311220', '31.12.020', '31.12.20201', '20-12-31'])(
    'refuses the short or long year in «%s»',
    (typed) => {
      expect(parseRuDate(typed)).toBeNull()
    },
  )

  it.each([
    '',
    '   ',
    'abc',
    '31.дек.2020',
    '31.12.2020г',
    'З1.12.2020',
    '31.12-2020',
    '31..12.2020',
    '3112202O',
  ])('refuses «%s»: letters, empty or mixed separators', (typed) => {
    expect(parseRuDate(typed)).toBeNull()
  })
})

describe('isIsoDate', () => {
  it('accepts a real date in strict YYYY-MM-DD form', () => {
    for (const iso of ['2020-12-31', '2024-02-29', '1900-01-01', '1997-10-01'])
      expect(isIsoDate(iso)).toBe(true)
  })

  it('refuses impossible dates, other forms and extra text', () => {
    for (const text of [
      '2023-02-29',
      '2020-04-31',
      '2020-00-10',
      '2020-1-5',
      '31.12.2020',
      ' 2020-12-31',
      '2020-12-31T00:00:00Z',
      '20201231',
      '',
    ]) {
      expect(isIsoDate(text)).toBe(false)
    }
  })
})

describe('daysInMonth', () => {
  it('counts February by the Gregorian leap rule', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2023, 4)).toBe(30)
    expect(daysInMonth(2023, 12)).toBe(31)
  })
})

describe('formatRuDate', () => {
  it('is the formatDateRu of dates.ts, not a copy', () => {
    expect(formatRuDate).toBe(formatDateRu)
    expect(formatRuDate('2020-12-31')).toBe('31.12.2020')
  })

  it('round-trips with parseRuDate', () => {
    for (const iso of ['2020-12-31', '2024-02-29', '1997-10-01', '2026-01-09']) {
      expect(parseRuDate(formatRuDate(iso))).toBe(iso)
    }
  })
})
