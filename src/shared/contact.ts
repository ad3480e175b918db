// A customer's phone and e-mail as typed at the counter, brought to one stored form
// ('+7XXXXXXXXXX', lower-case e-mail) so that duplicates and look-ups match.
import { z } from 'zod'

export const PHONE_MESSAGE = 'Телефон: 11 цифр, например +7 978 123-45-67'
export const EMAIL_MESSAGE = 'Неверный адрес электронной почты: проверьте @ и домен'

// Digits and the usual decoration; a «+» only in front.
const PHONE_CHARS = /^\+?[\d\s().\-–]+$/
// Russian national numbers start with 3, 4, 8 (geographic and 800) or 9 (mobile).
const NATIONAL = /^[3489]\d{9}$/

/**
 * '+7XXXXXXXXXX' from «+7 (978) 123-45-67», «8 978 123 45 67», «89781234567», «79781234567» or
 * «9781234567»; null for letters, wrong lengths or a number no Russian line can have.
 */
export function normalizePhone(text: string): string | null {
  const s = text.trim()
  if (!PHONE_CHARS.test(s)) return null
  const digits = s.replace(/\D/g, '')
  let national: string
  if (s.startsWith('+')) {
    if (digits.length !== 11 || !digits.startsWith('7')) return null
    national = digits.slice(1)
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1)
  } else if (digits.length === 10) {
    national = digits
  } else {
    return null
  }
  return NATIONAL.test(national) ? `+7${national}` : null
}

export const EMAIL_MAX = 254
const LOCAL = /^[a-z0-9._%+-]{1,64}$/
const LATIN_LABEL = /^[a-z0-9-]{1,63}$/
const CYRILLIC_LABEL = /^[а-яё0-9-]{1,63}$/
const TLD = /^[a-z]{2,63}$/

/**
 * The address trimmed and lower-cased, or null when it is not one that mail can reach by
 * practical rules: one @, a plain local part, a dotted domain (Cyrillic only under .рф).
 */
export function normalizeEmail(text: string): string | null {
  const s = text.trim().normalize('NFC').toLowerCase()
  if (s.length > EMAIL_MAX) return null
  const parts = s.split('@')
  if (parts.length !== 2) return null
  const [local, domain] = parts as [string, string]
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null
  const labels = domain.split('.')
  if (labels.length < 2) return null
  const tld = labels[labels.length - 1] as string
  const cyrillic = tld === 'рф'
  if (!cyrillic && !TLD.test(tld)) return null
  // A label is either Latin or Cyrillic, never mixed: «почта.рф», «mail.сайт.рф», not «пoчта.рф».
  const labelOk = (label: string): boolean =>
    (LATIN_LABEL.test(label) || (cyrillic && CYRILLIC_LABEL.test(label))) &&
    !label.startsWith('-') &&
    !label.endsWith('-')
  return labels.every(labelOk) ? s : null
}

/** Text of a form field that may be left empty: '' and undefined (or null) mean «not given». */
function optional(normalize: (text: string) => string | null, message: string, max: number) {
  return z
    .string({ message })
    .max(max, message)
    .nullish()
    .transform((value, ctx): string | null => {
      if (value === undefined || value === null || value.trim() === '') return null
      const normalized = normalize(value)
      if (normalized === null) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return normalized
    })
}

/** An optional phone: null when empty, else '+7XXXXXXXXXX'. */
export const optionalPhoneSchema = optional(normalizePhone, PHONE_MESSAGE, 40)

/** An optional e-mail: null when empty, else trimmed and lower-cased. */
export const optionalEmailSchema = optional(normalizeEmail, EMAIL_MESSAGE, 320)
