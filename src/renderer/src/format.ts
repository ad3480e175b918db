// Display formats for the desk. Money and quantities are formatted from whole kopecks and
// milli-units with integer arithmetic: no floating-point rubles ever reach the screen.
import { divRoundHalfUp } from '../../shared/billing/rounding'

export { formatDateRu } from '../../shared/dates'
export { formatMeterValue } from '../../shared/billing/meter-value'
export { formatPeriodRu } from '../../shared/billing/period'
export { formatMoney, formatAmount } from '../../shared/money'
import { groupDigits } from '../../shared/money'

/** The no-break space ru-RU puts between thousands and before the currency sign. */
const NBSP = '\u00a0'

const group = groupDigits

/** 5430 hundredths of a square metre → «54,30 м²». */
export function formatArea(centiSqm: number): string {
  return `${(centiSqm / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} м²`
}

/** Whole rubles for a chart's axis: 2345678 kopecks → «23 457 ₽» (half away from zero). */
export function formatRubles(kopecks: number): string {
  const rubles = divRoundHalfUp(kopecks, 100)
  return `${rubles < 0 ? '\u2212' : ''}${group(String(Math.abs(rubles)))}${NBSP}₽`
}

/**
 * A volume in milli-units with as many decimals as it needs (at most three): 150000 → «150»,
 * 3500 → «3,5», 1234567 → «1 234,567».
 */
export function formatQuantity(milli: number): string {
  if (!Number.isSafeInteger(milli)) throw new RangeError(`Объём в тысячных должен быть целым: ${milli}`)
  const abs = Math.abs(milli)
  const whole = (abs - (abs % 1000)) / 1000
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '')
  return `${milli < 0 ? '\u2212' : ''}${group(String(whole))}${fraction ? `,${fraction}` : ''}`
}
