// The Russian internal passport as typed at the counter: series and number, department code,
// and the checks of checkPassport (every field at once) before a cabinet is registered on it.
import { z } from 'zod'
import { freeText } from './text/free-text'
import { contractDate } from './ipc/schemas/dates'
import { describeCharacter } from './text/describe-character'
import { addDays, daysBetween, formatDateRu } from './dates'
import { daysInMonth, isIsoDate } from './ru-date'

export interface SeriesNumber {
  series: string
  number: string
}

export interface PassportFields {
  seriesNumber: string
  /** YYYY-MM-DD */
  issuedOn: string
  issuedBy: string
  departmentCode: string
  /** YYYY-MM-DD */
  birthDate: string
}

export interface Passport {
  series: string
  number: string
  issuedOn: string
  /** Trimmed, inner whitespace collapsed. */
  issuedBy: string
  /** NNN-NNN */
  departmentCode: string
  birthDate: string
}

export type PassportCheck =
  | { ok: true; passport: Passport; warnings: string[] }
  | { ok: false; errors: Partial<Record<keyof PassportFields, string>> }

/** The first passports of the Russian Federation were issued on 1 October 1997. */
export const FIRST_PASSPORT_DATE = '1997-10-01'
export const EARLIEST_BIRTH_DATE = '1900-01-01'
export const PASSPORT_AGE = 14
/** Birthdays at which the passport is replaced, and how long the old one stays valid after them. */
export const REPLACEMENT_AGES = [20, 45] as const
export const REPLACEMENT_GRACE_DAYS = 90
export const ISSUED_BY_MIN = 3
export const ISSUED_BY_MAX = 200

// The words and sign clerks copy from the blank («серия … номер …», «№») carry no digits.
const LABELS = /серия|номер|№/giu
// Groups only at the printed boundaries (45 06 123456), so «450 6123456» is a typo, not a passport.
const SERIES_NUMBER = /^(\d{2})[\s\-–]*(\d{2})[\s\-–]*(\d{6})$/
const DEPARTMENT_CODE = /^(\d{3})\s*[-–]?\s*(\d{3})$/

type SeriesNumberReading = SeriesNumber | 'empty' | 'characters' | 'length' | 'grouping'

function readSeriesNumber(text: string): SeriesNumberReading {
  const s = text.replace(LABELS, ' ').trim()
  if (s === '') return text.trim() === '' ? 'empty' : 'length'
  if (/[^\d\s\-–]/.test(s)) return 'characters'
  const digits = s.replace(/\D/g, '').length
  if (digits !== 10) return 'length'
  const m = SERIES_NUMBER.exec(s)
  if (!m) return 'grouping'
  return { series: `${m[1]}${m[2]}`, number: m[3] as string }
}

/**
 * Series (4 digits) and number (6 digits) from «4506 123456», «45 06 123456», «45-06-123456»,
 * «4506123456», «45 06 № 123456» or «серия 4506 номер 123456». Null for anything else.
 */
export function parseSeriesNumber(text: string): SeriesNumber | null {
  const r = readSeriesNumber(text)
  return typeof r === 'string' ? null : r
}

/** «770-001», «770001» or «770 001» → '770-001'; null for anything else. */
export function normalizeDepartmentCode(text: string): string | null {
  const m = DEPARTMENT_CODE.exec(text.trim())
  return m ? `${m[1]}-${m[2]}` : null
}

/** «45 06 123456», the way it is printed in the passport. */
export function formatSeriesNumber({ series, number }: SeriesNumber): string {
  return `${series.slice(0, 2)} ${series.slice(2)} ${number}`
}

/** What a mask hides: the whole series and all but the number's last three digits. */
export const PASSPORT_MASK_PREFIX = '•• •• •••'

/**
 * «•• •• •••456»: three of ten digits, enough to tell a customer's documents apart at the counter
 * and too few to stand for the passport. Three, not four, so masks stored before could be redone
 * from what they kept (migration 007).
 */
export function maskPassport({ number }: SeriesNumber): string {
  return `${PASSPORT_MASK_PREFIX}${number.slice(-3)}`
}

/** The date the holder turns `age`; someone born on 29 February has it on 1 March in other years. */
export function birthdayAt(birthDate: string, age: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const year = y + age
  const iso = (month: number, day: number): string =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return d > daysInMonth(year, m) ? iso(m + 1, 1) : iso(m, d)
}

// Letters (Russian and Latin), digits, spaces and the punctuation of names of issuing offices:
// «ОТДЕЛОМ УФМС РОССИИ ПО Г. СЕВАСТОПОЛЮ», «ГУ МВД России по г. Москве (№ 2)». Anything else,
// «<» and «>» above all, has no place in a document field and would later reach printed HTML.
const ISSUED_BY_ALLOWED = /[а-яёА-ЯЁa-zA-Z0-9 .,\-–№"«»()/']/u

/** Trims and collapses inner whitespace (tabs, line breaks, no-break spaces) to single spaces. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

function checkIssuedBy(text: string): { value: string } | { error: string } {
  const value = tidy(text)
  if (value === '') return { error: 'Укажите, кем выдан паспорт, как написано в паспорте' }
  const length = [...value].length
  if (length > ISSUED_BY_MAX) {
    return { error: `«Кем выдан» — не длиннее ${ISSUED_BY_MAX} символов, сейчас ${length}: сократите текст` }
  }
  const bad = [...new Set([...value].filter((ch) => !ISSUED_BY_ALLOWED.test(ch)))]
  if (bad.length > 0) {
    return {
      error: `В поле «Кем выдан» нельзя использовать ${bad.map(describeCharacter).join(', ')}: перепишите текст, как в паспорте`,
    }
  }
  if (length < ISSUED_BY_MIN) {
    return {
      error: `«Кем выдан» — не короче ${ISSUED_BY_MIN} символов: перепишите полностью, как в паспорте`,
    }
  }
  return { value }
}

const SERIES_NUMBER_ERRORS: Record<Exclude<SeriesNumberReading, SeriesNumber>, string> = {
  empty: 'Введите серию и номер паспорта, например 45 06 123456',
  characters:
    'В серии и номере паспорта — только цифры: проверьте, не набрана ли буква вместо цифры (О вместо 0, З вместо 3)',
  length: 'Серия паспорта — 4 цифры, номер — 6 цифр, например 45 06 123456: проверьте количество цифр',
  grouping: 'Серия — первые 4 цифры, номер — следующие 6, например 45 06 123456: проверьте пробелы',
}

const DATE_FORMAT_HINT = 'в виде ДД.ММ.ГГГГ, например 15.03.2012'

function birthDateError(birthDate: string, today: string): string | null {
  if (birthDate === '') return 'Введите дату рождения'
  if (!isIsoDate(birthDate)) return `Дата рождения: введите существующую дату ${DATE_FORMAT_HINT}`
  if (birthDate > today) return 'Дата рождения позже сегодняшнего дня: проверьте год'
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return `Дата рождения раньше ${formatDateRu(EARLIEST_BIRTH_DATE)}: проверьте год`
  }
  if (birthdayAt(birthDate, PASSPORT_AGE) > today) {
    return `Владельцу нет ${PASSPORT_AGE} лет, а паспорт выдаётся с ${PASSPORT_AGE}: проверьте дату рождения`
  }
  return null
}

/** `birthDate` is null when it is itself wrong: then the 14th birthday cannot be checked. */
function issueDateError(issuedOn: string, birthDate: string | null, today: string): string | null {
  if (issuedOn === '') return 'Введите дату выдачи паспорта'
  if (!isIsoDate(issuedOn)) return `Дата выдачи: введите существующую дату ${DATE_FORMAT_HINT}`
  if (issuedOn > today) return 'Дата выдачи позже сегодняшнего дня: проверьте дату'
  if (issuedOn < FIRST_PASSPORT_DATE) {
    return `Паспорта РФ выдаются с ${formatDateRu(FIRST_PASSPORT_DATE)}: проверьте год выдачи`
  }
  const fourteen = birthDate === null ? null : birthdayAt(birthDate, PASSPORT_AGE)
  if (fourteen !== null && issuedOn < fourteen) {
    return `Паспорт выдан раньше ${PASSPORT_AGE}-летия владельца (${formatDateRu(fourteen)}): проверьте дату выдачи и дату рождения`
  }
  return null
}

/**
 * Checks a passport typed at the counter against `today` (the organisation's business date),
 * reporting every field's error at once. A passport that should have been replaced at 20 or 45
 * is a warning, not an error: the clerk decides.
 */
export function checkPassport(fields: PassportFields, today: string): PassportCheck {
  if (!isIsoDate(today)) throw new Error(`checkPassport: today must be YYYY-MM-DD, got ${today}`)
  const errors: Partial<Record<keyof PassportFields, string>> = {}

  const seriesNumber = readSeriesNumber(fields.seriesNumber)
  if (typeof seriesNumber === 'string') errors.seriesNumber = SERIES_NUMBER_ERRORS[seriesNumber]

  const birthDate = fields.birthDate.trim()
  const birthError = birthDateError(birthDate, today)
  if (birthError) errors.birthDate = birthError

  const issuedOn = fields.issuedOn.trim()
  const issueError = issueDateError(issuedOn, birthError ? null : birthDate, today)
  if (issueError) errors.issuedOn = issueError

  const departmentCode = normalizeDepartmentCode(fields.departmentCode)
  if (departmentCode === null) {
    errors.departmentCode =
      fields.departmentCode.trim() === ''
        ? 'Введите код подразделения, например 770-001'
        : 'Код подразделения — 6 цифр, например 770-001: проверьте цифры'
  }

  const issuedBy = checkIssuedBy(fields.issuedBy)
  if ('error' in issuedBy) errors.issuedBy = issuedBy.error

  // The last three tests repeat the first for the compiler's sake: they narrow the types.
  if (
    Object.keys(errors).length > 0 ||
    typeof seriesNumber === 'string' ||
    departmentCode === null ||
    'error' in issuedBy
  ) {
    return { ok: false, errors }
  }

  return {
    ok: true,
    passport: { ...seriesNumber, issuedOn, issuedBy: issuedBy.value, departmentCode, birthDate },
    warnings: expiryWarnings(birthDate, issuedOn, today),
  }
}

// Only the earliest missed replacement is reported: a passport issued at 16 and shown at 50
// expired at 20, and saying so twice would not help the clerk.
function expiryWarnings(birthDate: string, issuedOn: string, today: string): string[] {
  for (const age of REPLACEMENT_AGES) {
    const birthday = birthdayAt(birthDate, age)
    if (issuedOn < birthday && daysBetween(birthday, today) > REPLACEMENT_GRACE_DAYS) {
      const lastValid = formatDateRu(addDays(birthday, REPLACEMENT_GRACE_DAYS))
      return [
        `Паспорт недействителен: владельцу исполнилось ${age} лет ${formatDateRu(birthday)}, паспорт выдан раньше ` +
          `и действовал до ${lastValid}. Попросите новый паспорт или временное удостоверение личности`,
      ]
    }
  }
  return []
}

const isoDate = (field: string) => contractDate(field, DATE_FORMAT_HINT)

/** The IPC shape of PassportFields: types and lengths only; checkPassport judges the content. */
export const passportFieldsSchema = z
  .object({
    seriesNumber: z
      .string({ message: 'Серия и номер паспорта: ожидался текст' })
      .max(40, 'Серия и номер паспорта — не длиннее 40 символов'),
    issuedOn: isoDate('Дата выдачи паспорта'),
    issuedBy: freeText({
      notText: '«Кем выдан»: ожидался текст',
      max: 300,
      tooLong: '«Кем выдан» — не длиннее 300 символов',
    }),
    departmentCode: z
      .string({ message: 'Код подразделения: ожидался текст' })
      .max(20, 'Код подразделения — не длиннее 20 символов'),
    birthDate: isoDate('Дата рождения'),
  })
  .strict()
