// The administrator's input for appointments, judged the same way in the form and in main: one
// weekday of an office's plan, a topic's duration on the grid, and a production calendar pasted
// as text («2026-01-01;holiday;Новогодние каникулы», one day a line). Pure.
import { WEEKDAY_NAMES, type CalendarDay, type WeekdayPlan } from '../domain/appointment-admin'
import { parseRuDate } from '../ru-date'
import { cleanText } from '../text/free-text'
import type { CalendarKind, DayPlan } from './slots'
import { isoWeekday, isTime, minutesOf } from './zoned-time'

export const MAX_CAPACITY = 20
export const TOPIC_MIN_MINUTES = 5
export const TOPIC_MAX_MINUTES = 240
export const CALENDAR_NAME_MAX = 120

export type PlanField = 'opens' | 'closes' | 'breakFrom' | 'breakTo' | 'capacity'

export const weekdayName = (weekday: number): string => WEEKDAY_NAMES[weekday - 1] ?? `День ${weekday}`

/** What is wrong with one weekday of a plan, by field; empty for a day off or a sound day. */
export function planProblems(day: WeekdayPlan): Partial<Record<PlanField, string>> {
  const out: Partial<Record<PlanField, string>> = {}
  if (!day.working) return out
  if (!isTime(day.opens)) out.opens = 'Начало приёма: время ЧЧ:ММ, например 08:00'
  if (!isTime(day.closes)) out.closes = 'Конец приёма: время ЧЧ:ММ, например 17:00'
  if (!out.opens && !out.closes && minutesOf(day.opens) >= minutesOf(day.closes)) {
    out.closes = 'Конец приёма должен быть позже начала'
  }
  const from = day.breakFrom ?? ''
  const to = day.breakTo ?? ''
  if (from || to) {
    if (!from) out.breakFrom = 'Укажите начало перерыва или очистите оба поля перерыва'
    else if (!isTime(from)) out.breakFrom = 'Начало перерыва: время ЧЧ:ММ, например 12:00'
    if (!to) out.breakTo = 'Укажите конец перерыва или очистите оба поля перерыва'
    else if (!isTime(to)) out.breakTo = 'Конец перерыва: время ЧЧ:ММ, например 12:45'
    if (!out.breakFrom && !out.breakTo) {
      if (minutesOf(from) >= minutesOf(to)) out.breakTo = 'Конец перерыва должен быть позже начала'
      else if (
        !out.opens &&
        !out.closes &&
        (minutesOf(from) <= minutesOf(day.opens) || minutesOf(to) >= minutesOf(day.closes))
      ) {
        out.breakFrom = 'Перерыв должен быть внутри рабочего дня: после начала и до конца приёма'
      }
    }
  }
  if (!Number.isInteger(day.capacity) || day.capacity < 1 || day.capacity > MAX_CAPACITY) {
    out.capacity = `Специалистов одновременно: целое число от 1 до ${MAX_CAPACITY}`
  }
  return out
}

/** Whether an appointment from `starts` to `ends` lies inside the plan's hours and off its break. */
export function withinPlan(plan: DayPlan, starts: string, ends: string): boolean {
  const [s, e] = [minutesOf(starts), minutesOf(ends)]
  if (s < minutesOf(plan.opens) || e > minutesOf(plan.closes)) return false
  if (!plan.breakFrom || !plan.breakTo) return true
  return e <= minutesOf(plan.breakFrom) || s >= minutesOf(plan.breakTo)
}

/** Why a topic's duration does not fit the grid, or null. */
export function durationProblem(minutes: number, stepMinutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < TOPIC_MIN_MINUTES || minutes > TOPIC_MAX_MINUTES) {
    return `Длительность: целое число минут от ${TOPIC_MIN_MINUTES} до ${TOPIC_MAX_MINUTES}`
  }
  if (minutes % stepMinutes !== 0) {
    return `Длительность должна быть кратна шагу записи (${stepMinutes} мин): ${stepMinutes}, ${stepMinutes * 2}, ${stepMinutes * 3}…`
  }
  return null
}

const KIND_WORDS: Record<string, CalendarKind> = {
  holiday: 'holiday',
  праздник: 'holiday',
  праздничный: 'holiday',
  выходной: 'holiday',
  нерабочий: 'holiday',
  short: 'short',
  сокращённый: 'short',
  сокращенный: 'short',
  предпраздничный: 'short',
  workday: 'workday',
  рабочий: 'workday',
}

/** Why one calendar day cannot be saved for `year`, or null. */
export function calendarDayProblem(day: CalendarDay, year: number): string | null {
  if (day.date.slice(0, 4) !== String(year)) return `дата ${day.date} не из ${year} года`
  if (day.kind === 'workday' && isoWeekday(day.date) < 6) {
    return `${day.date} — будний день: рабочим по переносу бывает только суббота или воскресенье`
  }
  if (day.name.length > CALENDAR_NAME_MAX) return `название длиннее ${CALENDAR_NAME_MAX} символов`
  return null
}

export interface CalendarParse {
  days: CalendarDay[]
  /** «Строка 3: …», one per refused line; any error means nothing is to be saved. */
  errors: string[]
}

/**
 * Lines `date;kind;name` (also with «,» or a tab between, the date also as ДД.ММ.ГГГГ, the kind
 * also in Russian: праздник, сокращённый, рабочий). Empty lines, «#» comments and a header line
 * starting with «date» or «дата» are skipped.
 */
export function parseCalendarText(text: string, year: number): CalendarParse {
  const days: CalendarDay[] = []
  const errors: string[] = []
  const seen = new Map<string, number>()
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, i) => {
    const n = i + 1
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const separator = /[;\t]/.test(line) ? /[;\t]/ : ','
    const [first = '', second = '', ...rest] = line.split(separator).map((p) => p.trim())
    if (/^(date|дата)$/i.test(first)) return
    const date = parseRuDate(first)
    if (!date) {
      errors.push(`Строка ${n}: «${first.slice(0, 20)}» — не дата (ожидалось ГГГГ-ММ-ДД)`)
      return
    }
    const kind = KIND_WORDS[second.toLowerCase()]
    if (!kind) {
      errors.push(`Строка ${n}: вид дня «${second.slice(0, 20)}» неизвестен — holiday, short или workday`)
      return
    }
    const day: CalendarDay = { date, kind, name: cleanText(rest.join(', ')) }
    const problem = calendarDayProblem(day, year)
    if (problem) {
      errors.push(`Строка ${n}: ${problem}`)
      return
    }
    const earlier = seen.get(date)
    if (earlier !== undefined) {
      errors.push(`Строка ${n}: дата ${date} уже была в строке ${earlier}`)
      return
    }
    seen.set(date, n)
    days.push(day)
  })
  if (days.length === 0 && errors.length === 0)
    errors.push('Нет ни одной строки с датой: вставьте строки вида 2026-01-01;holiday;Новый год')
  days.sort((a, b) => (a.date < b.date ? -1 : 1))
  return { days, errors }
}
