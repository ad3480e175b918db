// The one cache of zoned formatters and the Russian date/time strings built from it: the
// organisation's wall clock whatever the process zone, the same text on every ICU version.
import { describe, expect, it, vi } from 'vitest'
import {
  formatDateTimeRu,
  formatTimeRu,
  zonedFormatter,
  zonedNumbers,
  zonedParts,
} from '../../../src/shared/zoned-format'

describe('zonedFormatter', () => {
  it('keeps one formatter per zone and shape', () => {
    expect(zonedFormatter('Europe/Simferopol', 'parts')).toBe(zonedFormatter('Europe/Simferopol', 'parts'))
    expect(zonedFormatter('Europe/Simferopol', 'date')).not.toBe(zonedFormatter('Europe/Simferopol', 'parts'))
    expect(zonedFormatter('Asia/Tokyo', 'date')).not.toBe(zonedFormatter('Europe/Simferopol', 'date'))
  })

  it('gives the calendar date as YYYY-MM-DD in the zone', () => {
    expect(zonedFormatter('Europe/Simferopol', 'date').format(new Date('2026-11-21T21:00:00Z'))).toBe(
      '2026-11-22',
    )
  })

  it('refuses a zone Intl does not know', () => {
    expect(() => zonedFormatter('Europe/Atlantis', 'parts')).toThrow(RangeError)
  })
})

describe('zonedParts', () => {
  it('reads the wall clock of the zone, zero-padded, midnight as 00', () => {
    expect(zonedParts(new Date('2026-11-21T21:00:05Z'), 'Europe/Simferopol')).toEqual({
      year: '2026',
      month: '11',
      day: '22',
      hour: '00',
      minute: '00',
      second: '05',
    })
    expect(zonedParts(Date.parse('2026-03-08T07:04:09Z'), 'America/New_York')).toMatchObject({
      day: '08',
      hour: '03',
      minute: '04',
    })
  })
})

describe('formatDateTimeRu and formatTimeRu', () => {
  // Process time zones to try, with the local hour of 11:05 UTC on 22.11.2026 there.
  it.each([
    ['UTC', 11],
    ['America/New_York', 6],
    ['Asia/Tokyo', 20],
    ['Europe/Simferopol', 14],
  ] as const)('print Simferopol time whatever the process TZ (%s)', (tz, localHour) => {
    vi.stubEnv('TZ', tz) // restored after the test (unstubEnvs)
    expect(new Date('2026-11-22T11:05:00Z').getHours()).toBe(localHour)
    expect(formatDateTimeRu('2026-11-22T11:05:00Z', 'Europe/Simferopol')).toBe('22.11.2026 14:05')
    expect(formatDateTimeRu('2026-11-21T21:30:00Z', 'Europe/Simferopol')).toBe('22.11.2026 00:30')
    expect(formatDateTimeRu('2026-07-01T20:59:00Z', 'Europe/Simferopol')).toBe('01.07.2026 23:59')
    expect(formatTimeRu('2026-11-22T11:05:09Z', 'Europe/Simferopol')).toBe('14:05')
  })

  it('follow the time zone they are given', () => {
    expect(formatDateTimeRu('2026-11-22T11:05:00Z', 'Asia/Yekaterinburg')).toBe('22.11.2026 16:05')
    expect(formatDateTimeRu('2026-11-22T03:05:00Z', 'America/New_York')).toBe('21.11.2026 22:05')
    expect(formatTimeRu('2026-11-22T03:05:00Z', 'America/New_York')).toBe('22:05')
  })

  it('add the seconds when asked', () => {
    expect(formatTimeRu('2026-11-22T06:07:08Z', 'Europe/Simferopol', true)).toBe('09:07:08')
    expect(formatDateTimeRu('2026-11-22T06:07:08Z', 'Europe/Simferopol', true)).toBe('22.11.2026 09:07:08')
  })

  it('refuse an instant that is not one', () => {
    expect(() => formatDateTimeRu('вчера', 'Europe/Simferopol')).toThrow(RangeError)
    expect(() => formatTimeRu('', 'Europe/Simferopol')).toThrow(RangeError)
  })
})

describe('zonedNumbers', () => {
  it('gives the wall clock of the zone as numbers, across midnight and a year', () => {
    expect(zonedNumbers(Date.UTC(2026, 11, 31, 21, 30, 5), 'Europe/Simferopol')).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 30,
      second: 5,
    })
  })

  it('agrees with zonedParts, field by field', () => {
    const at = Date.UTC(2026, 10, 22, 11, 5, 9)
    const text = zonedParts(at, 'Asia/Vladivostok')
    const numbers = zonedNumbers(at, 'Asia/Vladivostok')
    for (const field of Object.keys(text) as Array<keyof typeof text>)
      expect(numbers[field]).toBe(Number(text[field]))
  })
})
