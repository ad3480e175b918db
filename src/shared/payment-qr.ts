// The payment QR code of ГОСТ Р 56042-2014: the text banking apps read to fill in a payment
// (header «ST0001», encoding digit, separator, then Key=Value pairs), built for the bill and
// read back when a USB scanner types it at the cash desk.

/** Field values of a payment; money in kopecks, the period as MMYYYY. */
export interface GostFields {
  name: string
  personalAcc: string
  bankName: string
  bic: string
  correspAcc: string
  payeeInn?: string
  kpp?: string
  sumKopecks?: number
  purpose?: string
  persAcc?: string
  paymPeriod?: string
  lastName?: string
  firstName?: string
  middleName?: string
  payerAddress?: string
  flat?: string
  techCode?: string
}

/** The header: format «ST», version «0001», encoding «2» (UTF-8). */
export const GOST_HEADER = 'ST00012'
/** Housing and utility services (ЖКУ) in the TechCode list of the standard. */
export const TECH_CODE_HOUSING = '02'

/** Tried in order: the first that occurs in no value separates every field. */
const SEPARATORS = ['|', '#', ';', '^', '~', '@', '$', '%', '*', '!', '_', '+', '/', '\\', '`', '&']

type Key =
  | 'Name'
  | 'PersonalAcc'
  | 'BankName'
  | 'BIC'
  | 'CorrespAcc'
  | 'PayeeINN'
  | 'KPP'
  | 'Sum'
  | 'Purpose'
  | 'PersAcc'
  | 'PaymPeriod'
  | 'LastName'
  | 'FirstName'
  | 'MiddleName'
  | 'PayerAddress'
  | 'Flat'
  | 'TechCode'

/** Longest value per key, in characters: the standard's limits, sensible ones where it sets none. */
export const GOST_MAX_LENGTH: Record<Key, number> = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  PayeeINN: 12,
  KPP: 9,
  Sum: 18,
  Purpose: 210,
  PersAcc: 30,
  PaymPeriod: 6,
  LastName: 60,
  FirstName: 60,
  MiddleName: 60,
  PayerAddress: 200,
  Flat: 10,
  TechCode: 2,
}

/** Control characters (line breaks, tabs) become one space; the ends are trimmed. */
function clean(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : flat
}

function requireDigits(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`Реквизит для QR-кода оплаты: ${what}`)
  return value
}

function orderedPairs(fields: GostFields): Array<[Key, string]> {
  const c = (key: Key, value: string | undefined): string => clean(value ?? '', GOST_MAX_LENGTH[key])
  const name = c('Name', fields.name)
  const bankName = c('BankName', fields.bankName)
  if (!name) throw new Error('Реквизит для QR-кода оплаты: не указано наименование получателя')
  if (!bankName) throw new Error('Реквизит для QR-кода оплаты: не указан банк получателя')
  const pairs: Array<[Key, string]> = [
    ['Name', name],
    ['PersonalAcc', requireDigits(fields.personalAcc.trim(), /^\d{20}$/, 'расчётный счёт — 20 цифр')],
    ['BankName', bankName],
    ['BIC', requireDigits(fields.bic.trim(), /^\d{9}$/, 'БИК — 9 цифр')],
    ['CorrespAcc', requireDigits(fields.correspAcc.trim(), /^\d{20}$/, 'корреспондентский счёт — 20 цифр')],
  ]
  const optional = (key: Key, value: string | undefined, pattern?: RegExp, what?: string): void => {
    const v = c(key, value)
    if (!v) return
    if (pattern) requireDigits(v, pattern, what ?? key)
    pairs.push([key, v])
  }
  optional('PayeeINN', fields.payeeInn, /^(\d{10}|\d{12})$/, 'ИНН получателя — 10 или 12 цифр')
  optional('KPP', fields.kpp, /^\d{9}$/, 'КПП — 9 цифр')
  if (fields.sumKopecks !== undefined) {
    const sum = fields.sumKopecks
    if (!Number.isSafeInteger(sum) || sum < 0) {
      throw new Error('Реквизит для QR-кода оплаты: сумма — целое неотрицательное число копеек')
    }
    // A zero sum is left out: the payer's app then asks for the amount.
    if (sum > 0) pairs.push(['Sum', String(sum)])
  }
  optional('Purpose', fields.purpose)
  optional('PersAcc', fields.persAcc)
  optional('PaymPeriod', fields.paymPeriod, /^(0[1-9]|1[0-2])\d{4}$/, 'период оплаты — ММГГГГ')
  optional('LastName', fields.lastName)
  optional('FirstName', fields.firstName)
  optional('MiddleName', fields.middleName)
  optional('PayerAddress', fields.payerAddress)
  optional('Flat', fields.flat)
  optional('TechCode', fields.techCode, /^\d{2}$/, 'технический код — 2 цифры')
  return pairs
}

/** The separator: «|» unless a value holds it, then the first candidate that no value holds. */
export function chooseSeparator(values: readonly string[]): string {
  const separator = SEPARATORS.find((s) => values.every((v) => !v.includes(s)))
  if (!separator) throw new Error('Реквизит для QR-кода оплаты: не найден свободный символ-разделитель')
  return separator
}

/** The QR text: «ST00012|Name=…|PersonalAcc=…|…», required fields first, in the standard's order. */
export function buildGostPayload(fields: GostFields): string {
  const pairs = orderedPairs(fields)
  const separator = chooseSeparator(pairs.map(([, v]) => v))
  return GOST_HEADER + separator + pairs.map(([k, v]) => `${k}=${v}`).join(separator)
}

export type ParsedGostPayload = { ok: true; fields: Record<string, string> } | { ok: false; message: string }

/** The standard's names by their lower case: «persAcc», «PERSACC» and «PersAcc» are one field. */
const KEY_BY_LOWER = new Map(
  (Object.keys(GOST_MAX_LENGTH) as Key[]).map((key): [string, string] => [key.toLowerCase(), key]),
)

/**
 * Reads a payment QR text as a USB scanner types it (a trailing Enter is allowed). The standard's
 * names are matched without regard to case and returned as the standard spells them («Sum»,
 * «PersAcc»…: many real bills write «persAcc»); other keys as written. The first of a repeated
 * key counts.
 */
export function parseGostPayload(text: string): ParsedGostPayload {
  const input = text.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, '')
  if (!input.trim()) return { ok: false, message: 'QR-код пуст: отсканируйте его ещё раз.' }
  if (/^ЫЕ0001/i.test(input)) {
    return {
      ok: false,
      message:
        'Сканер ввёл текст в русской раскладке: переключите клавиатуру на английскую и отсканируйте снова.',
    }
  }
  const header = /^ST0001([123])(.)/su.exec(input)
  if (!header) {
    return { ok: false, message: 'Это не платёжный QR-код: он должен начинаться с «ST0001».' }
  }
  const separator = header[2] as string
  if (/[\p{L}\p{N}=\s]/u.test(separator)) {
    return { ok: false, message: 'Платёжный QR-код повреждён: после «ST0001» нет символа-разделителя.' }
  }
  const fields: Record<string, string> = {}
  for (const part of input.slice(header[0].length).split(separator)) {
    if (part === '') continue
    const eq = part.indexOf('=')
    if (eq <= 0) {
      return {
        ok: false,
        message: `Платёжный QR-код повреждён: часть «${part.slice(0, 40)}» — не «Поле=Значение».`,
      }
    }
    const written = part.slice(0, eq).trim()
    const key = KEY_BY_LOWER.get(written.toLowerCase()) ?? written
    if (!(key in fields)) fields[key] = part.slice(eq + 1).trim()
  }
  if (Object.keys(fields).length === 0) {
    return { ok: false, message: 'В платёжном QR-коде нет ни одного реквизита.' }
  }
  return { ok: true, fields }
}

/** The payee as the organisation row holds it (an OrganisationRow fits as it is). */
export interface PayeeRequisites {
  name: string
  short_name?: string
  inn: string
  kpp: string
  bank_name: string
  bic: string
  settlement_account: string
  correspondent_account: string
}

export interface AccountPaymentInput {
  accountNumber: string
  /** The month paid for, 'YYYY-MM'. */
  period: string
  sumKopecks: number
  surname?: string | null
  firstName?: string | null
  patronymic?: string | null
  address?: string | null
  flat?: string | null
}

/** «Оплата ЖКУ за 11.2026, л/с 1234567890». */
export function paymentPurpose(accountNumber: string, period: string): string {
  return `Оплата ЖКУ за ${period.slice(5, 7)}.${period.slice(0, 4)}, л/с ${accountNumber}`
}

/** The bill's QR text: the organisation's requisites, the account, the month and the sum to pay. */
export function paymentQrForAccount(payee: PayeeRequisites, payment: AccountPaymentInput): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(payment.period)) {
    throw new Error(`Реквизит для QR-кода оплаты: месяц в виде ГГГГ-ММ, получено «${payment.period}»`)
  }
  // The full name when it fits the standard's 160 characters, else the short one.
  const name =
    Array.from(payee.name.trim()).length > GOST_MAX_LENGTH.Name && payee.short_name?.trim()
      ? payee.short_name
      : payee.name
  return buildGostPayload({
    name,
    personalAcc: payee.settlement_account,
    bankName: payee.bank_name,
    bic: payee.bic,
    correspAcc: payee.correspondent_account,
    payeeInn: payee.inn,
    kpp: payee.kpp,
    sumKopecks: Math.max(0, payment.sumKopecks),
    purpose: paymentPurpose(payment.accountNumber, payment.period),
    persAcc: payment.accountNumber,
    paymPeriod: `${payment.period.slice(5, 7)}${payment.period.slice(0, 4)}`,
    lastName: payment.surname ?? undefined,
    firstName: payment.firstName ?? undefined,
    middleName: payment.patronymic ?? undefined,
    payerAddress: payment.address ?? undefined,
    flat: payment.flat ?? undefined,
    techCode: TECH_CODE_HOUSING,
  })
}
