import { describe, expect, it, vi } from 'vitest'
import {
  addDays,
  businessDate,
  daysBetween,
  DEFAULT_TIME_ZONE,
  formatDateRu,
  isValidTimeZone,
} from '../../../src/shared/dates'

// Sevastopol and Simferopol keep UTC+3 all year: the business day starts at 21:00 UTC.
// Process time zones to try, with their offset (Date#getTimezoneOffset) in November 2026.
const ZONES: Array<[string, number]> = [
  ['UTC', 0],
  ['America/New_York', 300],
  ['Asia/Tokyo', -540],
  ['Pacific/Kiritimati', -840],
  ['Pacific/Pago_Pago', 660],
  ['Europe/Simferopol', -180],
]

describe('businessDate', () => {
  it('uses the organisation time zone by default: Europe/Simferopol', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Simferopol')
  })

  it.each(ZONES)('gives the Simferopol date around midnight whatever the process TZ (%s)', (tz, offset) => {
    vi.stubEnv('TZ', tz) // restored after the test (unstubEnvs)
    expect(new Date('2026-11-21T21:00:00Z').getTimezoneOffset()).toBe(offset)
    expect(businessDate(new Date('2026-11-21T20:59:59.999Z'), DEFAULT_TIME_ZONE)).toBe('2026-11-21')
    expect(businessDate(new Date('2026-11-21T21:00:00.000Z'), DEFAULT_TIME_ZONE)).toBe('2026-11-22')
    expect(businessDate(new Date('2026-12-31T21:30:00.000Z'), DEFAULT_TIME_ZONE)).toBe('2027-01-01')
    // In summer too: no daylight saving time in Crimea.
    expect(businessDate(new Date('2026-07-01T20:59:00.000Z'), DEFAULT_TIME_ZONE)).toBe('2026-07-01')
    expect(businessDate(new Date('2026-07-01T21:00:00.000Z'), DEFAULT_TIME_ZONE)).toBe('2026-07-02')
  })

  it('answers for other zones as well', () => {
    expect(businessDate(new Date('2026-11-22T03:00:00Z'), 'America/New_York')).toBe('2026-11-21')
    expect(businessDate(new Date('2026-11-22T03:00:00Z'), 'UTC')).toBe('2026-11-22')
  })
})

describe('daysBetween and addDays', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0)
    expect(daysBetween('2026-11-22', '2026-11-23')).toBe(1)
    expect(daysBetween('2026-11-22', '2026-11-21')).toBe(-1)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
  })

  it('is not thrown off by daylight saving changes elsewhere', () => {
    vi.stubEnv('TZ', 'Europe/Berlin')
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2)
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
  })

  it('adds days across month, year and leap day', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22')
  })

  it('is the inverse of daysBetween', () => {
    for (const n of [-400, -31, -1, 0, 1, 30, 365, 1000]) {
      expect(daysBetween('2026-11-22', addDays('2026-11-22', n))).toBe(n)
    }
  })
})

describe('formatDateRu and isValidTimeZone', () => {
  it('writes a date the Russian way', () => {
    expect(formatDateRu('2026-11-02')).toBe('02.11.2026')
  })

  it('tells a real time zone from a made-up one', () => {
    expect(isValidTimeZone('Europe/Simferopol')).toBe(true)
    expect(isValidTimeZone('Europe/Nowhere')).toBe(false)
  })
})
