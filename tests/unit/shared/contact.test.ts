import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  normalizeEmail,
  normalizePhone,
  optionalEmailSchema,
  optionalPhoneSchema,
} from '../../../src/shared/contact'

describe('normalizePhone', () => {
  it.each([
    '+7 (978) 123-45-67',
    '8 978 123 45 67',
    '89781234567',
    '+79781234567',
    '79781234567',
    '9781234567',
    '8 (978) 123-45-67',
    '+7 978 123.45.67',
    '  +7-978-123-45-67 ',
  ])('reads «%s» as +79781234567', (typed) => {
    expect(normalizePhone(typed)).toBe('+79781234567')
  })

  it('accepts landlines and 8-800 numbers: national numbers starting 3, 4 and 8', () => {
    expect(normalizePhone('8 (8692) 55-12-34')).toBe('+78692551234') // Sevastopol
    expect(normalizePhone('+7 495 123-45-67')).toBe('+74951234567')
    expect(normalizePhone('8 800 100-00-00')).toBe('+78001000000')
    expect(normalizePhone('3012123456')).toBe('+73012123456')
  })

  it.each([
    ['letters', '8 978 ABC 45 67'],
    ['a word in front', 'тел. 89781234567'],
    ['an extension', '9781234567 доб. 12'],
    ['nine digits', '978123456'],
    ['twelve digits', '897812345678'],
    ['+7 and nine digits', '+7978123456'],
    ['+7 and eleven digits', '+797812345678'],
    ['another country code', '+8 978 123 45 67'],
    ['a foreign number', '+380 44 123 45 67'],
    ['a plus inside', '8+9781234567'],
    ['two pluses', '++79781234567'],
    ['eleven digits starting 9', '99781234567'],
    ['empty', ''],
    ['spaces only', '   '],
  ])('refuses %s', (_, typed) => {
    expect(normalizePhone(typed)).toBeNull()
  })

  it.each(['0781234567', '1781234567', '2781234567', '5781234567', '6781234567', '7781234567'])(
    'refuses the 10-digit number %s: no Russian number starts with that digit',
    (typed) => {
      expect(normalizePhone(typed)).toBeNull()
      expect(normalizePhone(`+7${typed}`)).toBeNull()
      expect(normalizePhone(`8${typed}`)).toBeNull()
    },
  )
})

describe('normalizeEmail', () => {
  it.each([
    [' Ivan.Petrov@Mail.RU ', 'ivan.petrov@mail.ru'],
    ['a+tag@sub.example.com', 'a+tag@sub.example.com'],
    ['user_1%x@ya.ru', 'user_1%x@ya.ru'],
    ['a-b@my-domain.co', 'a-b@my-domain.co'],
    ['x@1.ru', 'x@1.ru'],
    ['ivan@почта.рф', 'ivan@почта.рф'],
    ['IVAN@ПОЧТА.РФ', 'ivan@почта.рф'],
    ['ivan@mail.сайт.рф', 'ivan@mail.сайт.рф'],
    ['ivan@pochta.рф', 'ivan@pochta.рф'],
  ])('turns «%s» into %s', (typed, email) => {
    expect(normalizeEmail(typed)).toBe(email)
  })

  it.each([
    ['empty', ''],
    ['no @', 'ivan.mail.ru'],
    ['nothing after @', 'ivan@'],
    ['nothing before @', '@mail.ru'],
    ['two @', 'ivan@home@mail.ru'],
    ['no dot in the domain', 'ivan@localhost'],
    ['a leading dot', '.ivan@mail.ru'],
    ['a trailing dot', 'ivan.@mail.ru'],
    ['two dots', 'iv..an@mail.ru'],
    ['a space inside', 'iv an@mail.ru'],
    ['Cyrillic in the local part', 'иван@mail.ru'],
    ['a quote in the local part', '"ivan"@mail.ru'],
    ['a label starting with -', 'ivan@-mail.ru'],
    ['a label ending with -', 'ivan@mail-.ru'],
    ['an empty label', 'ivan@mail..ru'],
    ['a leading dot in the domain', 'ivan@.mail.ru'],
    ['a trailing dot in the domain', 'ivan@mail.ru.'],
    ['a one-letter TLD', 'ivan@mail.r'],
    ['a TLD with a digit', 'ivan@mail.r2'],
    ['an underscore in the domain', 'ivan@my_mail.ru'],
    ['Cyrillic outside .рф', 'ivan@почта.ru'],
    ['Latin and Cyrillic in one label', 'ivan@pочта.рф'],
    ['markup', '<b>ivan@mail.ru</b>'],
  ])('refuses %s', (_, typed) => {
    expect(normalizeEmail(typed)).toBeNull()
  })

  it('allows a local part of 64 characters, not 65', () => {
    expect(normalizeEmail(`${'a'.repeat(64)}@mail.ru`)).not.toBeNull()
    expect(normalizeEmail(`${'a'.repeat(65)}@mail.ru`)).toBeNull()
  })

  it('allows 254 characters in total, not 255', () => {
    const domain = (last: number): string => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(last)}.ru`
    const at254 = `${'a'.repeat(64)}@${domain(58)}`
    expect(at254).toHaveLength(254)
    expect(normalizeEmail(at254)).toBe(at254)
    expect(normalizeEmail(`${'a'.repeat(64)}@${domain(59)}`)).toBeNull()
    expect(normalizeEmail(`  ${at254}  `)).toBe(at254)
  })
})

describe('optionalPhoneSchema and optionalEmailSchema', () => {
  const contacts = z.object({ phone: optionalPhoneSchema, email: optionalEmailSchema }).strict()

  it('makes an empty string, spaces, undefined or null into null', () => {
    expect(contacts.parse({})).toEqual({ phone: null, email: null })
    expect(contacts.parse({ phone: '', email: '   ' })).toEqual({ phone: null, email: null })
    expect(contacts.parse({ phone: undefined, email: null })).toEqual({ phone: null, email: null })
  })

  it('normalizes a good value', () => {
    expect(contacts.parse({ phone: '8 978 123 45 67', email: ' Ivan@Mail.RU ' })).toEqual({
      phone: '+79781234567',
      email: 'ivan@mail.ru',
    })
  })

  it('refuses a bad value with a Russian message saying what to fix', () => {
    const result = contacts.safeParse({ phone: '8 978 123', email: 'ivan@mail' })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['phone', 'Телефон: 11 цифр, например +7 978 123-45-67'],
      ['email', 'Неверный адрес электронной почты: проверьте @ и домен'],
    ])
  })

  it('refuses other types and very long text with the same messages', () => {
    expect(optionalPhoneSchema.safeParse(89781234567).error?.issues[0]?.message).toBe(
      'Телефон: 11 цифр, например +7 978 123-45-67',
    )
    expect(optionalPhoneSchema.safeParse('9'.repeat(100_000)).success).toBe(false)
    expect(optionalEmailSchema.safeParse(`${'a'.repeat(100_000)}@mail.ru`).error?.issues[0]?.message).toBe(
      'Неверный адрес электронной почты: проверьте @ и домен',
    )
  })
})
