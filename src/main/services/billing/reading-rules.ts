// The reading checks as a table: each rule a small named function giving its findings (or
// null), in lists run in order — the order of the messages the clerk reads.
import { formatPeriodRu } from '../../../shared/billing/period'
import type { ReadingConfirmations, ReadingEntry } from '../../../shared/domain/billing'
import { formatDateRu } from '../../../shared/dates'
import { ruPlural } from '../../../shared/text/plural'
import type { MeterRecord } from '../../db/repositories/readings'
import type { EntryFacts, Finding, MeasuredFacts } from './reading-facts'

/** «в 3 раза», «в 1,5 раза», «в 5 раз». */
export function timesRu(factor: number): string {
  const text = String(factor).replace('.', ',')
  if (!Number.isInteger(factor)) return `в ${text} раза`
  return `в ${text} ${ruPlural(factor, 'раз', 'раза', 'раз')}`
}

export type Gate = (entry: ReadingEntry, meter: MeterRecord | undefined) => Finding | null
export type Rule<F> = (f: F) => Finding | Finding[] | null

type Code = Finding['code']
const error = (code: Code, message: string): Finding => ({ zone: null, level: 'error', code, message })
const warning = (code: Code, message: string): Finding => ({ zone: null, level: 'warning', code, message })
const toConfirm = (code: Code, confirm: keyof ReadingConfirmations, message: string): Finding => ({
  zone: null,
  level: 'confirm',
  code,
  confirm,
  message,
})

const meterGone: Gate = (_entry, meter) =>
  !meter || meter.status !== 'active'
    ? error('meter', 'Прибор не найден или уже снят: обновите карточку счёта.')
    : null

const zoneCountWrong: Gate = (entry, meter) =>
  meter && entry.values.length !== meter.zones
    ? error('value', `Введите ${meter.zones} значения — по числу зон прибора.`)
    : null

const beforeInstallation: Rule<EntryFacts> = ({ ctx, meter }) =>
  ctx.takenOn < meter.installed_on
    ? error('date', `Дата показаний раньше установки прибора (${formatDateRu(meter.installed_on)}).`)
    : null

const unreadableValues: Rule<EntryFacts> = ({ parsed }) => parsed.findings

const beforePrevious: Rule<EntryFacts> = ({ ctx, previous }) =>
  previous && ctx.takenOn < previous.taken_on
    ? error('date', `Дата показаний раньше предыдущих (${formatDateRu(previous.taken_on)}).`)
    : null

const outsideWindow: Rule<MeasuredFacts> = ({ outsideWindow, window, period }) =>
  outsideWindow
    ? warning(
        'outside_window',
        `Показания приняты вне окна приёма (${window.fromDay}–${window.toDay} числа) и будут учтены за ${formatPeriodRu(period)}.`,
      )
    : null

const replacesExisting: Rule<MeasuredFacts> = ({ entry, existing, period }) =>
  existing && !entry.confirm?.replaceExisting
    ? toConfirm(
        'replace_existing',
        'replaceExisting',
        `За ${formatPeriodRu(period)} уже принято показание от ${formatDateRu(existing.taken_on)}. Заменить его? Прежнее останется в истории.`,
      )
    : null

const verificationLapsed: Rule<MeasuredFacts> = ({ lapsed, verifiedUntil }) =>
  lapsed
    ? warning(
        'lapsed',
        `Срок поверки истёк ${formatDateRu(verifiedUntil)}: показание сохраняется, но для начислений не используется (начисление по нормативу ×1,5). Предложите клиенту поверку.`,
      )
    : null

const unreadableStartValues: Rule<MeasuredFacts> = ({ measure }) =>
  measure.kind === 'replacement' ? measure.start.findings : null

const startZoneCountWrong: Rule<MeasuredFacts> = ({ measure, meter }) =>
  measure.kind === 'replacement' && measure.replacement.startValues.length !== meter.zones
    ? error('replacement', `Введите начальные показания нового прибора по числу зон: ${meter.zones}.`)
    : null

const installedAfterReading: Rule<MeasuredFacts> = ({ measure, ctx }) =>
  measure.kind === 'replacement' && measure.replacement.installedOn > ctx.takenOn
    ? error('replacement', 'Дата установки нового прибора позже даты показаний.')
    : null

const installedBeforePrevious: Rule<MeasuredFacts> = ({ measure, previous }) =>
  measure.kind === 'replacement' && previous && measure.replacement.installedOn < previous.taken_on
    ? error('replacement', 'Дата установки нового прибора раньше предыдущих показаний.')
    : null

const verificationBeforeInstallation: Rule<MeasuredFacts> = ({ measure }) =>
  measure.kind === 'replacement' && measure.replacement.nextVerificationOn <= measure.replacement.installedOn
    ? error('replacement', 'Дата следующей поверки должна быть позже даты установки.')
    : null

const belowStart: Rule<MeasuredFacts> = ({ measure }) =>
  measure.kind === 'replacement' &&
  measure.startValues !== null &&
  measure.consumption.some((c) => c === null)
    ? error('replacement', 'Показание нового прибора меньше его начального показания.')
    : null

const belowPrevious: Rule<MeasuredFacts> = ({ measure }) =>
  measure.kind === 'previous' && measure.below
    ? toConfirm(
        'below_previous',
        'rollover',
        `Показание меньше предыдущего (${formatDateRu(measure.previous.taken_on)}). Если счётчик «перешёл через ноль», подтвердите переход; если прибор заменён, оформите замену.`,
      )
    : null

const longGap: Rule<MeasuredFacts> = ({ entry, measure }) =>
  measure.kind === 'previous' && measure.suspicion === 'long_gap' && !entry.confirm?.anomaly
    ? toConfirm(
        'long_gap',
        'anomaly',
        `Первое показание после перерыва в ${measure.months} мес.: сверьте его с прибором и подтвердите. Показание будет отмечено для проверки.`,
      )
    : null

const unusualConsumption: Rule<MeasuredFacts> = ({ ctx, entry, measure }) =>
  measure.kind === 'previous' && measure.suspicion === 'anomaly' && !entry.confirm?.anomaly
    ? toConfirm(
        'anomaly',
        'anomaly',
        `Расход более чем ${timesRu(ctx.anomalyFactor)} выше обычного: сверьте показание с прибором и подтвердите. Показание будет отмечено для проверки.`,
      )
    : null

/** The first finding stops the entry: without its meter nothing else can be read. */
export const METER_GATES: readonly Gate[] = [meterGone, zoneCountWrong]

/** All run; an entry with a value that does not read stops after them. */
export const VALUE_RULES: ReadonlyArray<Rule<EntryFacts>> = [
  beforeInstallation,
  unreadableValues,
  beforePrevious,
]

/** All run on an entry whose values read: the replacement rules, then those against the previous reading. */
export const ACCEPTANCE_RULES: ReadonlyArray<Rule<MeasuredFacts>> = [
  outsideWindow,
  replacesExisting,
  verificationLapsed,
  unreadableStartValues,
  startZoneCountWrong,
  installedAfterReading,
  installedBeforePrevious,
  verificationBeforeInstallation,
  belowStart,
  belowPrevious,
  longGap,
  unusualConsumption,
]

export function runRules<F>(rules: ReadonlyArray<Rule<F>>, facts: F): Finding[] {
  return rules.flatMap((rule) => rule(facts) ?? [])
}
