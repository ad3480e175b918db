// Business dates are computed in the organisation's time zone, never the machine's.
import { zonedFormatter } from './zoned-format'

export const DEFAULT_TIME_ZONE = 'Europe/Simferopol'

/** The calendar date (YYYY-MM-DD) at `instant` in `timeZone`. */
export function businessDate(instant: Date, timeZone: string): string {
  return zonedFormatter(timeZone, 'date').format(instant)
}

/** Whole days from `from` to `to`, both YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Russian date «22.11.2026» from YYYY-MM-DD. */
export function formatDateRu(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}.${m}.${y}`
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zonedFormatter(timeZone, 'date')
    return true
  } catch {
    return false
  }
}
