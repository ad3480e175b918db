// The checks a set of readings goes through before it is accepted, as the settlement centre
// makes them: values that fit the meter, a date that makes sense, the acceptance window, a
// reading below the previous one (rollover or replacement), an anomaly, a second reading for the
// month, a lapsed verification. Pure over what the service loaded.
import {
  averageMonthlyConsumption,
  checkAnomaly,
  readingConsumption,
} from '../../../shared/billing/consumption'
import { parseMeterValue } from '../../../shared/billing/meter-value'
import { formatPeriodRu, periodsBetween, readingPeriod } from '../../../shared/billing/period'
import type { ReadingEntry, ReadingIssue } from '../../../shared/domain/billing'
import { addDays, formatDateRu } from '../../../shared/dates'
import { type MeterRecord, type ReadingRecord, readingValues } from '../../db/repositories/readings'

/** How far back a reading may be dated (a customer who phoned last month). */
export const MAX_READING_AGE_DAYS = 60
/** More months than this since the previous reading makes the new one suspect. */
export const LONG_GAP_MONTHS = 6

/** «в 3 раза», «в 1,5 раза», «в 5 раз». */
export function timesRu(factor: number): string {
  const text = String(factor).replace('.', ',')
  if (!Number.isInteger(factor)) return `в ${text} раза`
  const n = Math.abs(factor) % 100
  const few = n % 10 >= 2 && n % 10 <= 4 && (n < 12 || n > 14)
  return `в ${text} ${few ? 'раза' : 'раз'}`
}

export interface EvaluatedEntry {
  entry: ReadingEntry
  meter: MeterRecord
  period: string
  valuesMilli: number[]
  consumption: Array<number | null>
  existing: ReadingRecord | null
  review: boolean
  billable: boolean
  replacementStart: number[] | null
}

export interface Evaluation {
  issues: ReadingIssue[]
  entries: EvaluatedEntry[]
}

interface Context {
  today: string
  takenOn: string
  window: { fromDay: number; toDay: number }
  anomalyFactor: number
  meters: Map<string, MeterRecord>
  readings: ReadingRecord[]
}

function parseAll(
  texts: string[],
  digits: { digitCapacity: number; fractionDigits: number },
  meterId: string,
  issues: ReadingIssue[],
  zoneOffset = 0,
): number[] | null {
  const values: number[] = []
  texts.forEach((text, zone) => {
    const parsed = parseMeterValue(text, digits)
    if (parsed.ok) values.push(parsed.milli)
    else
      issues.push({
        meterId,
        zone: zone + zoneOffset,
        level: 'error',
        code: 'value',
        message: parsed.message,
      })
  })
  return values.length === texts.length ? values : null
}

function evaluateEntry(ctx: Context, entry: ReadingEntry, issues: ReadingIssue[]): EvaluatedEntry | null {
  const meter = ctx.meters.get(entry.meterId)
  const push = (issue: Omit<ReadingIssue, 'meterId'>): void =>
    void issues.push({ meterId: entry.meterId, ...issue })
  if (!meter || meter.status !== 'active') {
    push({
      zone: null,
      level: 'error',
      code: 'meter',
      message: 'Прибор не найден или уже снят: обновите карточку счёта.',
    })
    return null
  }
  if (entry.values.length !== meter.zones) {
    push({
      zone: null,
      level: 'error',
      code: 'value',
      message: `Введите ${meter.zones} значения — по числу зон прибора.`,
    })
    return null
  }
  if (ctx.takenOn < meter.installed_on) {
    push({
      zone: null,
      level: 'error',
      code: 'date',
      message: `Дата показаний раньше установки прибора (${formatDateRu(meter.installed_on)}).`,
    })
  }
  // With a replacement the value typed is the new meter's, in its digits.
  const r = entry.replacement
  const values = parseAll(
    entry.values,
    r
      ? { digitCapacity: r.digitCapacity, fractionDigits: r.fractionDigits }
      : { digitCapacity: meter.digit_capacity, fractionDigits: meter.fraction_digits },
    meter.id,
    issues,
  )
  const window = {
    fromDay: meter.window_from ?? ctx.window.fromDay,
    toDay: meter.window_to ?? ctx.window.toDay,
  }
  const { period, outsideWindow } = readingPeriod(ctx.takenOn, window)
  const own = ctx.readings.filter((r) => r.meter_id === meter.id && r.status === 'active')
  const existing = own.find((r) => r.period === period && r.kind !== 'start') ?? null
  // The previous reading: the latest of earlier months, or this month's start reading of a
  // meter installed in it.
  const earlier = own.filter((x) => x.period < period || (x.period === period && x.kind === 'start'))
  const previous = earlier.at(-1) ?? null
  if (previous && ctx.takenOn < previous.taken_on) {
    push({
      zone: null,
      level: 'error',
      code: 'date',
      message: `Дата показаний раньше предыдущих (${formatDateRu(previous.taken_on)}).`,
    })
  }
  if (values === null) return null

  if (outsideWindow) {
    push({
      zone: null,
      level: 'warning',
      code: 'outside_window',
      message: `Показания приняты вне окна приёма (${window.fromDay}–${window.toDay} числа) и будут учтены за ${formatPeriodRu(period)}.`,
    })
  }
  if (existing && !entry.confirm?.replaceExisting) {
    push({
      zone: null,
      level: 'confirm',
      code: 'replace_existing',
      confirm: 'replaceExisting',
      message: `За ${formatPeriodRu(period)} уже принято показание от ${formatDateRu(existing.taken_on)}. Заменить его? Прежнее останется в истории.`,
    })
  }
  // A replacement brings its own verification date.
  const verifiedUntil = r ? r.nextVerificationOn : meter.next_verification_on
  const lapsed = verifiedUntil < ctx.takenOn
  if (lapsed) {
    push({
      zone: null,
      level: 'warning',
      code: 'lapsed',
      message: `Срок поверки истёк ${formatDateRu(verifiedUntil)}: показание сохраняется, но для начислений не используется (начисление по нормативу ×1,5). Предложите клиенту поверку.`,
    })
  }

  let consumption: Array<number | null> = values.map(() => null)
  let review = false
  let replacementStart: number[] | null = null
  if (r) {
    replacementStart = parseAll(
      r.startValues,
      { digitCapacity: r.digitCapacity, fractionDigits: r.fractionDigits },
      meter.id,
      issues,
    )
    const bad = (message: string): void => push({ zone: null, level: 'error', code: 'replacement', message })
    if (r.startValues.length !== meter.zones) {
      bad(`Введите начальные показания нового прибора по числу зон: ${meter.zones}.`)
      replacementStart = null
    }
    if (r.installedOn > ctx.takenOn) bad('Дата установки нового прибора позже даты показаний.')
    if (previous && r.installedOn < previous.taken_on)
      bad('Дата установки нового прибора раньше предыдущих показаний.')
    if (r.nextVerificationOn <= r.installedOn) bad('Дата следующей поверки должна быть позже даты установки.')
    if (replacementStart) {
      consumption = readingConsumption(replacementStart, values, r.digitCapacity, false)
      if (consumption.some((c) => c === null))
        bad('Показание нового прибора меньше его начального показания.')
    }
  } else if (previous) {
    const prev = readingValues(previous, meter.zones)
    const rollover = entry.confirm?.rollover === true
    consumption = readingConsumption(prev, values, meter.digit_capacity, rollover)
    if (consumption.some((c) => c === null)) {
      push({
        zone: null,
        level: 'confirm',
        code: 'below_previous',
        confirm: 'rollover',
        message: `Показание меньше предыдущего (${formatDateRu(previous.taken_on)}). Если счётчик «перешёл через ноль», подтвердите переход; если прибор заменён, оформите замену.`,
      })
      consumption = consumption.map(() => null)
    } else {
      const months = Math.max(1, periodsBetween(previous.period, period))
      const history = own.map((r) => ({
        period: r.period,
        takenOn: r.taken_on,
        valuesMilli: readingValues(r, meter.zones),
      }))
      const average = averageMonthlyConsumption(history, period)
      const perMonth = (consumption as number[]).reduce((a, b) => a + b, 0) / months
      const usual = average ? average.reduce((a, b) => a + b, 0) : null
      if (months > LONG_GAP_MONTHS) {
        review = true
        if (!entry.confirm?.anomaly) {
          push({
            zone: null,
            level: 'confirm',
            code: 'long_gap',
            confirm: 'anomaly',
            message: `Первое показание после перерыва в ${months} мес.: сверьте его с прибором и подтвердите. Показание будет отмечено для проверки.`,
          })
        }
      } else if (checkAnomaly(perMonth, usual, ctx.anomalyFactor)) {
        review = true
        if (!entry.confirm?.anomaly) {
          push({
            zone: null,
            level: 'confirm',
            code: 'anomaly',
            confirm: 'anomaly',
            message: `Расход более чем ${timesRu(ctx.anomalyFactor)} выше обычного: сверьте показание с прибором и подтвердите. Показание будет отмечено для проверки.`,
          })
        }
      }
    }
  }
  return {
    entry,
    meter,
    period,
    valuesMilli: values,
    consumption,
    existing,
    review,
    billable: !lapsed,
    replacementStart,
  }
}

export function evaluateReadings(ctx: Context, entries: ReadingEntry[]): Evaluation {
  const issues: ReadingIssue[] = []
  if (ctx.takenOn > ctx.today) {
    issues.push({
      meterId: '',
      zone: null,
      level: 'error',
      code: 'date',
      message: 'Дата показаний в будущем: укажите сегодняшнюю или прошедшую дату.',
    })
  } else if (ctx.takenOn < addDays(ctx.today, -MAX_READING_AGE_DAYS)) {
    issues.push({
      meterId: '',
      zone: null,
      level: 'error',
      code: 'date',
      message: `Показания старше ${MAX_READING_AGE_DAYS} дней не принимаются: попросите клиента снять их заново.`,
    })
  }
  const seen = new Set<string>()
  const evaluated: EvaluatedEntry[] = []
  for (const entry of entries) {
    if (seen.has(entry.meterId)) {
      issues.push({
        meterId: entry.meterId,
        zone: null,
        level: 'error',
        code: 'meter',
        message: 'Прибор указан дважды.',
      })
      continue
    }
    seen.add(entry.meterId)
    const e = evaluateEntry(ctx, entry, issues)
    if (e) evaluated.push(e)
  }
  return { issues, entries: evaluated }
}
