// A meter reading as the clerk types it, read into milli-units (1 kWh or 1 m³ = 1000) with the
// meter's own limits, and back into the Russian form «12 345,678».
import { ruPlural } from '../text/plural'

export interface MeterDigits {
  /** Digits the meter shows before the decimal point (its drums turn over after that many). */
  digitCapacity: number
  /** Digits it shows after the point; milli-units hold at most three. */
  fractionDigits: number
}

export type MeterValueResult = { ok: true; milli: number } | { ok: false; message: string }

/** Milli-units keep three decimals: a meter showing more is read to the third. */
export const MAX_FRACTION_DIGITS = 3

// Grouping as the desk prints it: a plain, no-break or narrow no-break space between thousands.
const GROUPED = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/
const SPACE = /[ \u00a0\u202f]/
const SPACES = /[ \u00a0\u202f]/g
const MINUS = /^[-\u2212\u2013\u2014]/
const LETTER = /\p{L}/u

function refuse(message: string): MeterValueResult {
  return { ok: false, message }
}

/**
 * Reads '12345', '12345,678', '12345.678' (or '12 345,678'), trimmed, into milli-units. Leading
 * zeros are fine, as the drums show them. Every refusal says what to correct.
 */
export function parseMeterValue(text: string, meter: MeterDigits): MeterValueResult {
  const value = text.trim()
  if (value === '') return refuse('Введите показание прибора.')
  if (MINUS.test(value)) {
    return refuse('Показание не может быть отрицательным: введите число с прибора без минуса.')
  }
  if (LETTER.test(value)) return refuse('В показании есть буквы: введите только цифры с прибора.')

  const separators = value.match(/[.,]/g)?.length ?? 0
  if (separators > 1) {
    return refuse('В показании несколько разделителей: оставьте одну запятую перед дробной частью.')
  }
  const [integerTyped = '', fraction] = value.split(/[.,]/)
  let integer = integerTyped
  if (SPACE.test(integer)) {
    if (!GROUPED.test(integer)) return refuse('Уберите пробелы внутри показания.')
    integer = integer.replace(SPACES, '')
  }
  if (!/^\d*$/.test(integer) || (fraction !== undefined && !/^\d*$/.test(fraction))) {
    return refuse('Введите показание цифрами, дробную часть — через запятую.')
  }

  const allowedFraction = Math.min(meter.fractionDigits, MAX_FRACTION_DIGITS)
  if (fraction !== undefined && allowedFraction === 0) {
    return refuse('У этого прибора нет дробной части: введите только цифры до запятой.')
  }
  if (integer === '' || fraction === '') {
    return refuse('Введите цифры и до, и после запятой, например 12345,678.')
  }
  if (integer.length > meter.digitCapacity) {
    const capacity = meter.digitCapacity
    return refuse(
      `У прибора ${capacity} ${ruPlural(capacity, 'цифра', 'цифры', 'цифр')} до запятой, а введено ` +
        `${integer.length}: проверьте показание.`,
    )
  }
  if (fraction !== undefined && fraction.length > allowedFraction) {
    return refuse(
      `У этого прибора после запятой не больше ${allowedFraction} ` +
        `${ruPlural(allowedFraction, 'знака', 'знаков', 'знаков')}: проверьте показание.`,
    )
  }

  const milli = Number(integer) * 1000 + Number((fraction ?? '').padEnd(MAX_FRACTION_DIGITS, '0'))
  if (!Number.isSafeInteger(milli)) return refuse('Слишком длинное число: проверьте показание.')
  return { ok: true, milli }
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
}

/**
 * Milli-units as the clerk reads them: 12345678 with 3 fraction digits → «12 345,678», the
 * thousands split by a no-break space (as ru-RU number formatting does, so the value never
 * wraps). Rounds half away from zero to the meter's fraction digits.
 */
export function formatMeterValue(milli: number, fractionDigits: number): string {
  if (!Number.isSafeInteger(milli)) throw new RangeError(`Meter value must be a safe integer, got ${milli}`)
  const digits = Math.max(0, Math.min(fractionDigits, MAX_FRACTION_DIGITS))
  const step = 10 ** (MAX_FRACTION_DIGITS - digits)
  const abs = Math.abs(milli)
  const rest = abs % step
  const scaled = (abs - rest) / step + (rest * 2 >= step ? 1 : 0)
  const scale = 10 ** digits
  const integer = Math.floor(scaled / scale)
  const sign = milli < 0 && scaled !== 0 ? '-' : ''
  const text = sign + group(String(integer))
  if (digits === 0) return text
  return `${text},${String(scaled % scale).padStart(digits, '0')}`
}
