// Russian messages for the zod checks a schema leaves without its own message. Zod's Russian
// locale prints English type names and lists every key it did not expect; these say what to fix
// in Russian words only and never repeat the input, so an answer stays small whatever was sent.
import type { z } from 'zod'
import { ruPlural } from '../text/plural'

type Issue = Parameters<z.core.$ZodErrorMap>[0]

const EXPECTED: Record<string, string> = {
  string: 'Ожидался текст',
  number: 'Ожидалось число',
  int: 'Ожидалось целое число',
  bigint: 'Ожидалось целое число',
  boolean: 'Ожидалось «да» или «нет»',
  object: 'Ожидался набор полей',
  record: 'Ожидался набор полей',
  array: 'Ожидался список',
  tuple: 'Ожидался список',
  date: 'Ожидалась дата',
}

const FORMATS: Record<string, string> = {
  uuid: 'Ожидался идентификатор записи',
  guid: 'Ожидался идентификатор записи',
  email: 'Неверный адрес электронной почты: проверьте @ и домен',
  url: 'Неверный адрес',
  date: 'Ожидалась дата',
  datetime: 'Ожидались дата и время',
  time: 'Ожидалось время',
}

const count = (n: number | bigint): string => new Intl.NumberFormat('ru-RU').format(n)

/** The noun counted by a size limit («не длиннее 40 символов», «не больше 3 элементов»). */
function sized(origin: string, n: number): string {
  const value = count(n)
  switch (origin) {
    case 'string':
      return `${value} ${ruPlural(n, 'символа', 'символов', 'символов')}`
    case 'array':
    case 'set':
    case 'map':
      return `${value} ${ruPlural(n, 'элемента', 'элементов', 'элементов')}`
    default:
      return value
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const n = Number(issue.maximum)
  if (issue.origin === 'string') return `Не длиннее ${sized('string', n)}`
  if (issue.origin === 'number' || issue.origin === 'bigint') {
    return issue.inclusive === false ? `Значение меньше ${count(n)}` : `Не больше ${count(n)}`
  }
  if (issue.origin === 'date') return 'Слишком поздняя дата'
  return `Не больше ${sized(issue.origin, n)}`
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const n = Number(issue.minimum)
  if (issue.origin === 'string') return n <= 1 ? 'Заполните поле' : `Не короче ${sized('string', n)}`
  if (issue.origin === 'number' || issue.origin === 'bigint') {
    return issue.inclusive === false ? `Значение больше ${count(n)}` : `Не меньше ${count(n)}`
  }
  if (issue.origin === 'date') return 'Слишком ранняя дата'
  return n <= 1 ? 'Список не должен быть пустым' : `Не меньше ${sized(issue.origin, n)}`
}

/** A Russian sentence for an issue whose schema has no message of its own. */
export function russianIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Заполните поле'
      return EXPECTED[issue.expected] ?? 'Неверный тип значения'
    case 'too_big':
      return tooBig(issue)
    case 'too_small':
      return tooSmall(issue)
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'Неверная запись значения'
    case 'not_multiple_of':
      return `Значение должно делиться на ${count(Number(issue.divisor))}`
    case 'invalid_value':
      return 'Выберите значение из списка'
    case 'unrecognized_keys':
      // The keys themselves are not repeated: they are what a hostile caller chose to send.
      return issue.keys.length === 1
        ? 'Лишнее поле в запросе: обновите приложение'
        : `Лишние поля в запросе (${count(issue.keys.length)}): обновите приложение`
    case 'invalid_union':
      return 'Выберите один из вариантов'
    case 'invalid_key':
      return 'Недопустимое название поля'
    case 'invalid_element':
      return 'Недопустимый элемент списка'
    default:
      return 'Проверьте значение'
  }
}
