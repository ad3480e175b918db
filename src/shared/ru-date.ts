// Dates as clerks type them («31.12.2020», «31122020», «1/2/2020») read into the ISO
// 'YYYY-MM-DD' strings the code works with, and back.

export { formatDateRu as formatRuDate } from './dates'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
// Day first, then month, then a four-digit year; the same separator twice, so «31.12-2020» is a typo.
const DAY_FIRST = /^(\d{1,2})([./\- ])(\d{1,2})\2(\d{4})$/
// Eight digits typed without separators: DDMMYYYY.
const DIGITS_ONLY = /^(\d{2})(\d{2})(\d{4})$/

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// Built by hand, not with Date: Date quietly rolls 31.02 over into March and maps years 0–99 to 19xx.
function toIso(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** True for a real calendar date written strictly as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text)
  return m !== null && toIso(Number(m[1]), Number(m[2]), Number(m[3])) !== null
}

/**
 * The ISO date of what a clerk typed: «31.12.2020», «31122020», «31/12/2020», «31-12-2020»,
 * «1.2.2020» or «2020-12-31». Null for an impossible date, a two-digit year or anything else.
 */
export function parseRuDate(text: string): string | null {
  const s = text.trim()
  const iso = ISO.exec(s)
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dayFirst = DAY_FIRST.exec(s)
  if (dayFirst) return toIso(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]))
  const digits = DIGITS_ONLY.exec(s)
  if (digits) return toIso(Number(digits[3]), Number(digits[2]), Number(digits[1]))
  return null
}
