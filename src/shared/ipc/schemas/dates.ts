// Dates and months at the contract: real calendar dates between 1900 and 2100 only, so that no
// service meets a date its arithmetic was never meant for («9999-12-31» + a month).
import { z } from 'zod'
import { isPeriod } from '../../billing/period'
import { isIsoDate } from '../../ru-date'

export const CONTRACT_DATE_MIN = '1900-01-01'
export const CONTRACT_DATE_MAX = '2100-12-31'

const inRange = (date: string): boolean => date >= CONTRACT_DATE_MIN && date <= CONTRACT_DATE_MAX

/** A 'YYYY-MM-DD' date of 1900–2100; `hint` follows «введите существующую дату» («в виде …»). */
export function contractDate(label: string, hint = '') {
  const exists = hint ? `${label}: введите существующую дату ${hint}` : `${label}: введите существующую дату`
  return z
    .string({ message: `${label}: ожидалась дата` })
    .refine(isIsoDate, { message: exists, abort: true })
    .refine(inRange, `${label}: дата от 01.01.1900 до 31.12.2100, проверьте год`)
}

/** A 'YYYY-MM' month of 1900–2100. */
export function contractPeriod(label: string) {
  return z
    .string({ message: `${label}: ожидался месяц` })
    .refine(isPeriod, { message: `${label}: месяц в виде ГГГГ-ММ`, abort: true })
    .refine((p) => inRange(`${p}-01`), `${label}: месяц с 1900 по 2100 год, проверьте год`)
}
