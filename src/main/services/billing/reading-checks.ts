// The checks a set of readings goes through before it is accepted, as the settlement centre
// makes them: values that fit the meter, a date that makes sense, the acceptance window, a
// reading below the previous one (rollover or replacement), an anomaly, a second reading for the
// month, a lapsed verification. Pure over what the service loaded; the rules are in reading-rules.ts.
import type { ReadingEntry, ReadingIssue } from '../../../shared/domain/billing'
import { addDays } from '../../../shared/dates'
import type { MeterRecord, ReadingRecord } from '../../db/repositories/readings'
import { entryFacts, measuredFacts, type Context, type Finding } from './reading-facts'
import { ACCEPTANCE_RULES, METER_GATES, runRules, VALUE_RULES } from './reading-rules'

/** How far back a reading may be dated (a customer who phoned last month). */
export const MAX_READING_AGE_DAYS = 60

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

function evaluateEntry(ctx: Context, entry: ReadingEntry, issues: ReadingIssue[]): EvaluatedEntry | null {
  const push = (findings: Finding[]): void =>
    void issues.push(...findings.map((f) => ({ meterId: entry.meterId, ...f })))
  const meter = ctx.meters.get(entry.meterId)
  for (const gate of METER_GATES) {
    const finding = gate(entry, meter)
    if (finding) {
      push([finding])
      return null
    }
  }
  if (!meter) return null
  const facts = entryFacts(ctx, entry, meter)
  push(runRules(VALUE_RULES, facts))
  if (facts.parsed.values === null) return null
  const measured = measuredFacts(facts, facts.parsed.values)
  push(runRules(ACCEPTANCE_RULES, measured))
  const { measure } = measured
  return {
    entry,
    meter,
    period: facts.period,
    valuesMilli: measured.values,
    consumption: measure.consumption,
    existing: facts.existing,
    review: measure.kind === 'previous' && measure.suspicion !== null,
    billable: !measured.lapsed,
    replacementStart: measure.kind === 'replacement' ? measure.startValues : null,
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
