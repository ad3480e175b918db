// What the reading checks look at for one meter's entry, read once from what the service
// loaded: the values in the meter's digits, the period, the previous reading, the consumption.
import {
  averageMonthlyConsumption,
  checkAnomaly,
  readingConsumption,
} from '../../../shared/billing/consumption'
import { parseMeterValue } from '../../../shared/billing/meter-value'
import { periodsBetween, readingPeriod } from '../../../shared/billing/period'
import type { MeterReplacement, ReadingEntry, ReadingIssue } from '../../../shared/domain/billing'
import { type MeterRecord, type ReadingRecord, readingValues } from '../../db/repositories/readings'

/** More months than this since the previous reading makes the new one suspect. */
export const LONG_GAP_MONTHS = 6

/** What the service loaded for the checks: the day, the account's meters and their readings. */
export interface Context {
  today: string
  takenOn: string
  window: { fromDay: number; toDay: number }
  anomalyFactor: number
  meters: Map<string, MeterRecord>
  readings: ReadingRecord[]
}

/** A finding before it is pinned to its meter. */
export type Finding = Omit<ReadingIssue, 'meterId'>

/** Typed values read in a meter's digits, and what was wrong with those that could not be. */
interface Parsed {
  values: number[] | null
  findings: Finding[]
}

function parseAll(texts: string[], digits: { digitCapacity: number; fractionDigits: number }): Parsed {
  const values: number[] = []
  const findings: Finding[] = []
  texts.forEach((text, zone) => {
    const parsed = parseMeterValue(text, digits)
    if (parsed.ok) values.push(parsed.milli)
    else findings.push({ zone, level: 'error', code: 'value', message: parsed.message })
  })
  return { values: values.length === texts.length ? values : null, findings }
}

/** What the checks of one entry look at, read once from what the service loaded. */
export interface EntryFacts {
  ctx: Context
  entry: ReadingEntry
  meter: MeterRecord
  /** The values typed; with a replacement they are the new meter's, in its digits. */
  parsed: Parsed
  window: { fromDay: number; toDay: number }
  period: string
  outsideWindow: boolean
  /** The meter's active readings, oldest first. */
  own: ReadingRecord[]
  existing: ReadingRecord | null
  /** The latest of earlier months, or this month's start reading of a meter installed in it. */
  previous: ReadingRecord | null
}

/** The consumption the values give: from the new meter's start, from the previous reading, or none yet. */
export type Measure =
  | { kind: 'first'; consumption: null[] }
  | {
      kind: 'replacement'
      replacement: MeterReplacement
      start: Parsed
      /** The new meter's start values, when they all read and fit its zones. */
      startValues: number[] | null
      consumption: Array<number | null>
    }
  | {
      kind: 'previous'
      previous: ReadingRecord
      consumption: Array<number | null>
      below: boolean
      months: number
      suspicion: 'long_gap' | 'anomaly' | null
    }

/** The facts of an entry whose values all read. */
export interface MeasuredFacts extends EntryFacts {
  values: number[]
  /** A replacement brings its own verification date. */
  verifiedUntil: string
  lapsed: boolean
  measure: Measure
}

export function entryFacts(ctx: Context, entry: ReadingEntry, meter: MeterRecord): EntryFacts {
  const r = entry.replacement
  const parsed = parseAll(
    entry.values,
    r
      ? { digitCapacity: r.digitCapacity, fractionDigits: r.fractionDigits }
      : { digitCapacity: meter.digit_capacity, fractionDigits: meter.fraction_digits },
  )
  const window = {
    fromDay: meter.window_from ?? ctx.window.fromDay,
    toDay: meter.window_to ?? ctx.window.toDay,
  }
  const { period, outsideWindow } = readingPeriod(ctx.takenOn, window)
  const own = ctx.readings.filter((x) => x.meter_id === meter.id && x.status === 'active')
  const existing = own.find((x) => x.period === period && x.kind !== 'start') ?? null
  const earlier = own.filter((x) => x.period < period || (x.period === period && x.kind === 'start'))
  const previous = earlier.at(-1) ?? null
  return { ctx, entry, meter, parsed, window, period, outsideWindow, own, existing, previous }
}

function measureReplacement(f: EntryFacts, values: number[], r: MeterReplacement): Measure {
  const start = parseAll(r.startValues, { digitCapacity: r.digitCapacity, fractionDigits: r.fractionDigits })
  const startValues = r.startValues.length === f.meter.zones ? start.values : null
  const consumption = startValues
    ? readingConsumption(startValues, values, r.digitCapacity, false)
    : values.map(() => null)
  return { kind: 'replacement', replacement: r, start, startValues, consumption }
}

function measureFromPrevious(f: EntryFacts, values: number[], previous: ReadingRecord): Measure {
  const { meter, period } = f
  const rollover = f.entry.confirm?.rollover === true
  const consumption = readingConsumption(
    readingValues(previous, meter.zones),
    values,
    meter.digit_capacity,
    rollover,
  )
  const base = { kind: 'previous', previous, months: 0, suspicion: null } as const
  if (consumption.some((c) => c === null))
    return { ...base, consumption: consumption.map(() => null), below: true }
  const months = Math.max(1, periodsBetween(previous.period, period))
  const history = f.own.map((x) => ({
    period: x.period,
    takenOn: x.taken_on,
    valuesMilli: readingValues(x, meter.zones),
  }))
  const average = averageMonthlyConsumption(history, period)
  const perMonth = (consumption as number[]).reduce((a, b) => a + b, 0) / months
  const usual = average ? average.reduce((a, b) => a + b, 0) : null
  const suspicion =
    months > LONG_GAP_MONTHS
      ? 'long_gap'
      : checkAnomaly(perMonth, usual, f.ctx.anomalyFactor)
        ? 'anomaly'
        : null
  return { ...base, consumption, below: false, months, suspicion }
}

export function measuredFacts(f: EntryFacts, values: number[]): MeasuredFacts {
  const r = f.entry.replacement
  const verifiedUntil = r ? r.nextVerificationOn : f.meter.next_verification_on
  const measure: Measure = r
    ? measureReplacement(f, values, r)
    : f.previous
      ? measureFromPrevious(f, values, f.previous)
      : { kind: 'first', consumption: values.map(() => null) }
  return { ...f, values, verifiedUntil, lapsed: verifiedUntil < f.ctx.takenOn, measure }
}
