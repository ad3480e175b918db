// Surname, first name and patronymic as typed from a passport: tidied, checked part by part,
// capitalisation kept as typed (the passport decides it, not us).
import { z } from 'zod'
import { freeText } from './text/free-text'
import { describeCharacter } from './text/describe-character'

export interface PersonNameFields {
  surname: string
  firstName: string
  patronymic?: string | null
}

export interface PersonName {
  surname: string
  firstName: string
  patronymic: string | null
}

export type PersonNamePart = 'surname' | 'firstName' | 'patronymic'

export type PersonNameCheck =
  { ok: true; name: PersonName } | { ok: false; errors: Partial<Record<PersonNamePart, string>> }

export const NAME_PART_MAX = 60

const LABELS: Record<PersonNamePart, string> = {
  surname: 'Фамилия',
  firstName: 'Имя',
  patronymic: 'Отчество',
}

const CYRILLIC = 'а-яёА-ЯЁ'
const LATIN = 'a-zA-Z'
// Letters of one alphabet, joined inside by a hyphen, an apostrophe or a space:
// «Римский-Корсаков», «Д'Артаньян», «Мамед оглы».
const CYRILLIC_NAME = new RegExp(`^[${CYRILLIC}]+(?:[-' ][${CYRILLIC}]+)*$`, 'u')
const LATIN_NAME = new RegExp(`^[${LATIN}]+(?:[-' ][${LATIN}]+)*$`, 'u')
const ALLOWED_CHARACTER = new RegExp(`[${CYRILLIC}${LATIN}\\-' ]`, 'u')

/** Trims, collapses inner whitespace, and writes the typographic apostrophe as «'». */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/[’ʼ]/gu, "'")
}

function checkPart(part: PersonNamePart, value: string): string | null {
  const label = LABELS[part]
  const length = [...value].length
  if (length > NAME_PART_MAX) return `${label} — не длиннее ${NAME_PART_MAX} символов, сейчас ${length}`
  const bad = [...new Set([...value].filter((ch) => !ALLOWED_CHARACTER.test(ch)))]
  if (bad.length > 0) {
    return `${label}: только буквы, дефис, апостроф и пробел; уберите ${bad.map(describeCharacter).join(', ')}`
  }
  if (CYRILLIC_NAME.test(value) || LATIN_NAME.test(value)) return null
  // A Latin «о» or «с» typed inside a Russian name looks right on screen but never matches in search.
  if (/[a-zA-Z]/.test(value) && /[а-яёА-ЯЁ]/.test(value)) {
    const latin = [...new Set(value.match(/[a-zA-Z]/g))].map((ch) => `«${ch}»`).join(', ')
    return `${label}: латинские буквы ${latin} среди русских — переключите раскладку и наберите заново`
  }
  return `${label}: дефис, апостроф и пробел — только между буквами, по одному`
}

/**
 * Checks a person's name part by part, reporting every part's error at once. Surname and first
 * name are required; an empty patronymic becomes null.
 */
export function checkPersonName(fields: PersonNameFields): PersonNameCheck {
  const surname = tidy(fields.surname)
  const firstName = tidy(fields.firstName)
  const patronymic = tidy(fields.patronymic ?? '')
  const errors: Partial<Record<PersonNamePart, string>> = {}

  if (surname === '') errors.surname = 'Введите фамилию, как в паспорте'
  else {
    const error = checkPart('surname', surname)
    if (error) errors.surname = error
  }
  if (firstName === '') errors.firstName = 'Введите имя, как в паспорте'
  else {
    const error = checkPart('firstName', firstName)
    if (error) errors.firstName = error
  }
  if (patronymic !== '') {
    const error = checkPart('patronymic', patronymic)
    if (error) errors.patronymic = error
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, name: { surname, firstName, patronymic: patronymic === '' ? null : patronymic } }
}

const namePart = (label: string) =>
  freeText({ notText: `${label}: ожидался текст`, max: 200, tooLong: `${label} — не длиннее 200 символов` })

/** The IPC shape of a name: types and lengths only; checkPersonName judges the content. */
export const personNameSchema = z
  .object({
    surname: namePart('Фамилия'),
    firstName: namePart('Имя'),
    patronymic: namePart('Отчество').nullish(),
  })
  .strict()
