// Billing periods ('YYYY-MM') and the period a meter reading counts for. Pure calendar
// arithmetic on strings: the caller has already turned instants into the organisation's dates.
import { daysInMonth, isIsoDate } from '../ru-date'

export interface ReadingWindow {
  /** The first day of the month a reading is on time. */
  fromDay: number
  /** The last day of the month a reading still counts for that month. */
  toDay: number
}

export const DEFAULT_READING_WINDOW: Readonly<ReadingWindow> = Object.freeze({ fromDay: 15, toDay: 25 })

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/

const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
]

/** True for a month written strictly as YYYY-MM (01–12). */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text) && !text.startsWith('0000')
}

// Months since year 0: makes month arithmetic plain integer arithmetic.
function monthIndex(period: string): number {
  const m = PERIOD.exec(period)
  if (!m || m[1] === '0000') throw new RangeError(`Not a period (YYYY-MM): ${JSON.stringify(period)}`)
  return Number(m[1]) * 12 + Number(m[2]) - 1
}

function fromMonthIndex(index: number): string {
  const year = Math.floor(index / 12)
  if (year < 1 || year > 9999) throw new RangeError(`Period out of range: year ${year}`)
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`
}

function requireDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`)
}

/** The period a date falls in: '2026-11-22' → '2026-11'. */
export function periodOf(date: string): string {
  requireDate(date)
  return date.slice(0, 7)
}

/** The period `n` months after `period` (before it when n is negative). */
export function addPeriods(period: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Months to add must be an integer, got ${n}`)
  return fromMonthIndex(monthIndex(period) + n)
}

/** Months from `from` to `to`: '2026-11' → '2027-02' is 3; negative when `to` is earlier. */
export function periodsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from)
}

/** The first day of a period: '2026-11' → '2026-11-01'. */
export function firstDay(period: string): string {
  monthIndex(period)
  return `${period}-01`
}

/** The last day of a period: '2024-02' → '2024-02-29'. */
export function lastDay(period: string): string {
  monthIndex(period)
  const days = daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)))
  return `${period}-${String(days).padStart(2, '0')}`
}

/** The period as a clerk reads it: '2026-11' → «ноябрь 2026». */
export function formatPeriodRu(period: string): string {
  const index = monthIndex(period)
  return `${MONTHS_RU[index % 12]} ${period.slice(0, 4)}`
}

/**
 * The period a reading taken on `takenOn` counts for. Up to the window's last day it is the
 * month it was taken in (before the first day it is early, still that month's reading); after
 * the last day it is late and goes to the next month. Either way off-window readings are
 * flagged so the clerk can be warned.
 */
export function readingPeriod(
  takenOn: string,
  window: ReadingWindow = DEFAULT_READING_WINDOW,
): { period: string; outsideWindow: boolean } {
  const period = periodOf(takenOn)
  const day = Number(takenOn.slice(8, 10))
  if (day > window.toDay) return { period: addPeriods(period, 1), outsideWindow: true }
  return { period, outsideWindow: day < window.fromDay }
}
