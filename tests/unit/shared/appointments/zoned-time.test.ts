// The organisation's wall clock ↔ instants. Europe/Simferopol keeps UTC+3 all year, so its
// 10:00 is 07:00 UTC on any day, including the days New York and Europe move their clocks,
// and whatever zone the machine runs in (`npm test` runs this file under TZ=America/New_York too).
import { describe, expect, it, vi } from 'vitest'
import {
  isoWeekday,
  isTime,
  minutesOf,
  timeOf,
  zonedInstant,
} from '../../../../src/shared/appointments/zoned-time'

const ORG = 'Europe/Simferopol'

/** Days the clocks change somewhere else: US (2nd Sunday of March, 1st of November), EU (last Sundays). */
const CHANGE_DAYS = ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2027-03-14', '2027-11-07']

const MACHINE_ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Pacific/Kiritimati']

describe('zonedInstant', () => {
  it.each(CHANGE_DAYS)('puts Simferopol 10:00 on %s at 07:00 UTC', (date) => {
    expect(zonedInstant(date, '10:00', ORG).toISOString()).toBe(`${date}T07:00:00.000Z`)
    expect(zonedInstant(date, '00:00', ORG).toISOString()).toMatch(/T21:00:00\.000Z$/)
    expect(zonedInstant(date, '23:45', ORG).toISOString()).toBe(`${date}T20:45:00.000Z`)
  })

  it.each(MACHINE_ZONES)('does not depend on the machine zone (TZ=%s)', (tz) => {
    vi.stubEnv('TZ', tz) // restored after the test (unstubEnvs)
    for (const date of CHANGE_DAYS) {
      expect(zonedInstant(date, '08:00', ORG).toISOString()).toBe(`${date}T05:00:00.000Z`)
      // Two hours of the night where New York's own clock jumps or repeats.
      expect(zonedInstant(date, '09:30', ORG).toISOString()).toBe(`${date}T06:30:00.000Z`)
    }
  })

  it('turns the date over at midnight: Simferopol 00:30 is the previous UTC day', () => {
    expect(zonedInstant('2027-01-01', '00:30', ORG).toISOString()).toBe('2026-12-31T21:30:00.000Z')
  })

  it('settles a zone that does change: New York before and after its switches', () => {
    const ny = 'America/New_York'
    expect(zonedInstant('2026-03-07', '10:00', ny).toISOString()).toBe('2026-03-07T15:00:00.000Z')
    expect(zonedInstant('2026-03-08', '10:00', ny).toISOString()).toBe('2026-03-08T14:00:00.000Z')
    expect(zonedInstant('2026-10-31', '10:00', ny).toISOString()).toBe('2026-10-31T14:00:00.000Z')
    expect(zonedInstant('2026-11-01', '10:00', ny).toISOString()).toBe('2026-11-01T15:00:00.000Z')
    expect(zonedInstant('2026-07-01', '00:00', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z')
  })
})

describe('isoWeekday', () => {
  it('numbers Monday 1 … Sunday 7 from the date alone', () => {
    expect(isoWeekday('2026-11-23')).toBe(1)
    expect(isoWeekday('2026-11-27')).toBe(5)
    expect(isoWeekday('2026-11-28')).toBe(6)
    expect(isoWeekday('2026-11-29')).toBe(7)
    expect(isoWeekday('2026-03-08')).toBe(7)
    expect(isoWeekday('2027-01-01')).toBe(5)
  })

  it('gives the same weekday under a machine zone west of UTC', () => {
    vi.stubEnv('TZ', 'Pacific/Pago_Pago')
    expect(isoWeekday('2026-11-23')).toBe(1)
    vi.stubEnv('TZ', 'Pacific/Kiritimati')
    expect(isoWeekday('2026-11-23')).toBe(1)
  })
})

describe('HH:MM', () => {
  it('converts both ways', () => {
    expect(minutesOf('00:00')).toBe(0)
    expect(minutesOf('08:15')).toBe(495)
    expect(minutesOf('23:59')).toBe(1439)
    expect(timeOf(495)).toBe('08:15')
    expect(timeOf(0)).toBe('00:00')
    expect(timeOf(17 * 60 - 60)).toBe('16:00')
  })

  it('accepts only a real wall-clock time', () => {
    for (const good of ['00:00', '09:05', '23:59']) expect(isTime(good)).toBe(true)
    for (const bad of ['24:00', '9:05', '09:60', '0905', '09:05 ', '', 'ab:cd', '-1:00']) {
      expect(isTime(bad)).toBe(false)
    }
  })
})
