// Wall-clock times of the organisation's zone ↔ instants, without the machine's zone: a clerk in
// Sevastopol and a test run under TZ=America/New_York compute the same 10:30.
import { zonedNumbers } from '../zoned-format'

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedNumbers(instant, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** The instant at which the wall clock of `timeZone` shows `date` (YYYY-MM-DD) `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  let instant = wall - offsetAt(wall, timeZone)
  // A second pass settles a guess that fell on the other side of an offset change.
  instant = wall - offsetAt(instant, timeZone)
  return new Date(instant)
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday (no time zone involved). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return ((day + 6) % 7) + 1
}

/** 'HH:MM' → minutes since midnight, and back. */
export function minutesOf(time: string): number {
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  return hh * 60 + mm
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

export function isTime(text: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(text)
  return Boolean(m) && Number(m?.[1]) < 24 && Number(m?.[2]) < 60
}
