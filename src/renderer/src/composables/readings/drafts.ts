// What the clerk typed in the readings form, per meter: the zones' values, the confirmations
// ticked, a meter replacement; the live consumption as typed (the shared rules main applies) and
// the entry each draft becomes in 'readings:check' / 'readings:post'.
import { zoneConsumption } from '../../../../shared/billing/consumption'
import { parseMeterValue } from '../../../../shared/billing/meter-value'
import type { MeterForReading, ReadingConfirmations, ReadingEntry } from '../../../../shared/domain/billing'
import { formatRuDate, parseRuDate } from '../../../../shared/ru-date'
import { fieldKey, REPLACEMENT_FIELDS } from './fields'

export type ConfirmKey = keyof ReadingConfirmations

export interface ReplacementDraft {
  serial: string
  digitCapacity: string
  fractionDigits: string
  installedOn: string
  nextVerificationOn: string
  startValues: string[]
}

export interface MeterDraft {
  values: string[]
  confirm: Record<ConfirmKey, boolean>
  replacing: boolean
  replacement: ReplacementDraft
}

// The new meter's fields the server may name in a refusal are fields of this draft.
const _serverNamesDraftFields: ReadonlyArray<keyof ReplacementDraft> = REPLACEMENT_FIELDS

/** The form's own refusals of a draft, in the clerk's words. */
export interface DraftTexts {
  badDate: string
  badNumber: (min: number, max: number) => string
}

export const NO_TICKS: Readonly<Record<ConfirmKey, boolean>> = {
  rollover: false,
  anomaly: false,
  replaceExisting: false,
}

function blank(text: string): boolean {
  return text.trim() === ''
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const n = /^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : NaN
  return Number.isInteger(n) && n >= min && n <= max ? n : null
}

/** An empty draft: no values, nothing ticked, a replacement prefilled from the meter and today. */
export function blankDraft(meter: MeterForReading, today: string): MeterDraft {
  return {
    values: Array.from({ length: meter.zones }, () => ''),
    confirm: { ...NO_TICKS },
    replacing: false,
    replacement: {
      serial: '',
      digitCapacity: String(meter.digitCapacity),
      fractionDigits: String(meter.fractionDigits),
      installedOn: formatRuDate(today),
      nextVerificationOn: '',
      startValues: Array.from({ length: meter.zones }, () => '0'),
    },
  }
}

/** Whether the draft is to be sent: a value typed, or a replacement recorded. */
export function isTyped(draft: MeterDraft | undefined): boolean {
  return draft !== undefined && (draft.replacing || draft.values.some((v) => !blank(v)))
}

/** Whether any value is typed (what leaving the form would lose). */
export function anyValueTyped(drafts: Record<string, MeterDraft>): boolean {
  return Object.values(drafts).some((d) => d.values.some((v) => !blank(v)))
}

/**
 * Live consumption of one zone as typed; 'below' for a value under the previous reading (until
 * a rollover is confirmed); null when it cannot be told yet.
 */
export function draftConsumption(
  meter: MeterForReading,
  draft: MeterDraft | undefined,
  zone: number,
): number | 'below' | null {
  const text = draft?.values[zone] ?? ''
  if (!draft || blank(text)) return null
  if (draft.replacing) {
    const digits = {
      digitCapacity: Number(draft.replacement.digitCapacity) || meter.digitCapacity,
      fractionDigits: Number(draft.replacement.fractionDigits) || 0,
    }
    const value = parseMeterValue(text, digits)
    const startValue = parseMeterValue(draft.replacement.startValues[zone] ?? '', digits)
    return value.ok && startValue.ok
      ? zoneConsumption(startValue.milli, value.milli, digits.digitCapacity, false)
      : null
  }
  const value = parseMeterValue(text, meter)
  const previous = meter.previous?.valuesMilli[zone]
  if (!value.ok || previous === undefined) return null
  return zoneConsumption(previous, value.milli, meter.digitCapacity, draft.confirm.rollover) ?? 'below'
}

/** One meter's part of what the checks judge: its values, and its new meter if replaced. */
export function draftSignature(draft: MeterDraft | undefined): string {
  return draft
    ? JSON.stringify([draft.values, draft.replacing, draft.replacing ? draft.replacement : null])
    : ''
}

/**
 * The entry a typed draft becomes, with the confirmations asked and ticked (a rollover does not
 * stand beside a replacement); a replacement's bad fields come back as errors at their keys and
 * leave the replacement out.
 */
export function draftEntry(
  meterId: string,
  draft: MeterDraft,
  asked: ConfirmKey[],
  texts: DraftTexts,
): { entry: ReadingEntry; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const entry: ReadingEntry = { meterId, values: draft.values.map((v) => v.trim()) }
  const ticked = asked.filter((k) => draft.confirm[k] && !(draft.replacing && k === 'rollover'))
  if (ticked.length > 0) entry.confirm = Object.fromEntries(ticked.map((k) => [k, true]))
  if (!draft.replacing) return { entry, errors }
  const r = draft.replacement
  const digitCapacity = wholeNumber(r.digitCapacity, 4, 9)
  const fractionDigits = wholeNumber(r.fractionDigits, 0, 3)
  const installedOn = parseRuDate(r.installedOn)
  const nextVerificationOn = parseRuDate(r.nextVerificationOn)
  const key = (name: string): string => fieldKey.replacement(meterId, name)
  if (digitCapacity === null) errors[key('digitCapacity')] = texts.badNumber(4, 9)
  if (fractionDigits === null) errors[key('fractionDigits')] = texts.badNumber(0, 3)
  if (!installedOn) errors[key('installedOn')] = texts.badDate
  if (!nextVerificationOn) errors[key('nextVerificationOn')] = texts.badDate
  if (digitCapacity !== null && fractionDigits !== null && installedOn && nextVerificationOn) {
    entry.replacement = {
      serial: r.serial.trim(),
      digitCapacity,
      fractionDigits,
      installedOn,
      nextVerificationOn,
      startValues: r.startValues.map((v) => v.trim()),
    }
  }
  return { entry, errors }
}
