// Money as the clerk types and reads it. Amounts are whole kopecks everywhere; rubles exist only
// as text: «1 234,56» typed in a form, «1 234,56 ₽» on screen and on paper.

/** The no-break space ru-RU puts between thousands and before the currency sign. */
const NBSP = '\u00a0'

/** The largest single cash amount a form accepts: 999 999,99 ₽. */
export const MAX_CASH_KOPECKS = 99_999_999

export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)
}

/** 123456 kopecks → «1 234,56 ₽»; −5000 → «−50,00 ₽». Exact for any safe integer. */
export function formatMoney(kopecks: number): string {
  return `${formatAmount(kopecks)}${NBSP}₽`
}

/** 123456 → «1 234,56» (no currency sign: table cells, form values). */
export function formatAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Сумма в копейках должна быть целой: ${kopecks}`)
  const abs = Math.abs(kopecks)
  const rubles = (abs - (abs % 100)) / 100
  const cents = String(abs % 100).padStart(2, '0')
  return `${kopecks < 0 ? '\u2212' : ''}${groupDigits(String(rubles))},${cents}`
}

/** 123456 → «1234.56»: the plain form a form field starts with and a spreadsheet reads. */
export function plainAmount(kopecks: number): string {
  const abs = Math.abs(kopecks)
  return `${kopecks < 0 ? '-' : ''}${(abs - (abs % 100)) / 100}.${String(abs % 100).padStart(2, '0')}`
}

export type ParsedAmount = { ok: true; kopecks: number } | { ok: false; message: string }

export interface AmountRules {
  /** What the field is called in messages: «Сумма», «Получено», «Пересчитано». */
  label: string
  /** Zero allowed (a float, a counted drawer); otherwise the amount must be positive. */
  allowZero?: boolean
  max?: number
}

/**
 * A sum typed in rubles: «1234», «1 234,56», «1234.5», «1 234,56 ₽». Spaces (also no-break) may
 * group thousands; one comma or dot separates at most two kopeck digits. Everything else — signs,
 * exponents, letters, two separators, three decimals — is refused with a message saying what to fix.
 */
export function parseRubles(text: string, rules: AmountRules): ParsedAmount {
  const { label } = rules
  const max = rules.max ?? MAX_CASH_KOPECKS
  const trimmed = text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*(₽|руб\.?|р\.?)$/i, '')
  if (trimmed === '') return { ok: false, message: `${label}: введите сумму` }
  if (/^[-−–]/.test(trimmed)) return { ok: false, message: `${label}: сумма не может быть отрицательной` }
  const compact = trimmed.replace(/ (?=\d{3}(\D|$))/g, '')
  if (/[^\d.,]/.test(compact)) {
    return { ok: false, message: `${label}: только цифры и запятая перед копейками, например 1 234,56` }
  }
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact)
  if (!match) {
    const separators = compact.replace(/\d/g, '').length
    return {
      ok: false,
      message:
        separators > 1
          ? `${label}: один разделитель копеек — запятая, например 1234,56`
          : `${label}: не больше двух цифр копеек, например 1234,56`,
    }
  }
  const rubles = (match[1] as string).replace(/^0+(?=\d)/, '')
  if (rubles.length > 9) return { ok: false, message: `${label}: не больше ${formatMoney(max)}` }
  const kopecks = Number(rubles) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  if (kopecks === 0 && !rules.allowZero)
    return { ok: false, message: `${label}: сумма должна быть больше нуля` }
  if (kopecks > max) return { ok: false, message: `${label}: не больше ${formatMoney(max)}` }
  return { ok: true, kopecks }
}
