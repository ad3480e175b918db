// The readings form's state and its cycle: what the clerk typed per meter and zone, the live
// consumption (the same shared rules main applies), checking with 'readings:check', the
// confirmations the checks ask for, a meter replacement, and posting with 'readings:post'.
// Every message lands at its field: value errors at the zone, date errors at the date,
// replacement errors at the new meter's fields.
import { computed, reactive, ref, shallowRef } from 'vue'
import { zoneConsumption } from '../../../shared/billing/consumption'
import { parseMeterValue } from '../../../shared/billing/meter-value'
import type {
  MeterForReading,
  ReadingCheckResult,
  ReadingConfirmations,
  ReadingEntry,
  ReadingIssue,
  ReadingSource,
  ReadingsForm,
  ReadingsInput,
  ReadingsPosted,
} from '../../../shared/domain/billing'
import { formatRuDate, parseRuDate } from '../../../shared/ru-date'
import { ApiError, errorFields, errorMessage } from '../api/client'

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

export const REPLACEMENT_FIELDS = [
  'serial',
  'digitCapacity',
  'fractionDigits',
  'installedOn',
  'nextVerificationOn',
] as const satisfies ReadonlyArray<keyof ReplacementDraft>

/** Where a message is shown: a zone's field, the date, a replacement field, or a meter as a whole. */
export const fieldKey = {
  value: (meterId: string, zone: number) => `value:${meterId}:${zone}`,
  start: (meterId: string, zone: number) => `start:${meterId}:${zone}`,
  replacement: (meterId: string, name: string) => `replacement:${meterId}:${name}`,
  meter: (meterId: string) => `meter:${meterId}`,
  takenOn: 'takenOn',
} as const

export interface FormTexts {
  badDate: string
  badNumber: (min: number, max: number) => string
  nothingTyped: string
  fixFields: string
  checkedOk: string
  checkedConfirm: string
  checkedErrors: string
}

type Outcome = { kind: 'ok' | 'confirm' | 'errors'; message: string }
type Confirmations = Partial<Record<ConfirmKey, string[]>>

const NO_TICKS: Readonly<Record<ConfirmKey, boolean>> = {
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

export function useReadingsForm(texts: FormTexts) {
  const form = shallowRef<ReadingsForm | null>(null)
  const drafts = reactive<Record<string, MeterDraft>>({})
  const source = ref<ReadingSource>('office')
  const takenOnText = ref('')
  const issues = ref<ReadingIssue[]>([])
  const errors = ref<Record<string, string>>({})
  const outcome = ref<Outcome | null>(null)
  const message = ref<string | null>(null)
  const busy = ref(false)
  /** What the last check judged: the values, and the confirmations ticked. */
  const checkedValues = ref<string | null>(null)
  const checkedTicks = ref<string | null>(null)
  /**
   * The confirmations asked per meter, with the values they were asked for. A ticked one stays
   * after the next check (which no longer raises it, being confirmed); new values drop them all.
   */
  const askedBy = reactive<Record<string, { signature: string; messages: Confirmations }>>({})

  const meters = computed<MeterForReading[]>(() => form.value?.meters ?? [])

  function start(loaded: ReadingsForm): void {
    form.value = loaded
    for (const key of Object.keys(drafts)) delete drafts[key]
    for (const key of Object.keys(askedBy)) delete askedBy[key]
    for (const m of loaded.meters) {
      drafts[m.meterId] = {
        values: Array.from({ length: m.zones }, () => ''),
        confirm: { ...NO_TICKS },
        replacing: false,
        replacement: {
          serial: '',
          digitCapacity: String(m.digitCapacity),
          fractionDigits: String(m.fractionDigits),
          installedOn: formatRuDate(loaded.today),
          nextVerificationOn: '',
          startValues: Array.from({ length: m.zones }, () => '0'),
        },
      }
    }
    source.value = 'office'
    takenOnText.value = formatRuDate(loaded.today)
    issues.value = []
    errors.value = {}
    outcome.value = null
    message.value = null
    checkedValues.value = null
    checkedTicks.value = null
  }

  /** The date the readings were taken: today at the counter, the customer's date on the phone. */
  const takenOn = computed<string | null>(() =>
    source.value === 'phone' ? parseRuDate(takenOnText.value) : (form.value?.today ?? null),
  )

  function typed(meterId: string): boolean {
    const d = drafts[meterId]
    return d !== undefined && (d.replacing || d.values.some((v) => !blank(v)))
  }

  /**
   * Live consumption of one zone as typed; 'below' for a value under the previous reading (until
   * a rollover is confirmed); null when it cannot be told yet.
   */
  function consumption(meter: MeterForReading, zone: number): number | 'below' | null {
    const d = drafts[meter.meterId]
    const text = d?.values[zone] ?? ''
    if (!d || blank(text)) return null
    if (d.replacing) {
      const digits = {
        digitCapacity: Number(d.replacement.digitCapacity) || meter.digitCapacity,
        fractionDigits: Number(d.replacement.fractionDigits) || 0,
      }
      const value = parseMeterValue(text, digits)
      const startValue = parseMeterValue(d.replacement.startValues[zone] ?? '', digits)
      return value.ok && startValue.ok
        ? zoneConsumption(startValue.milli, value.milli, digits.digitCapacity, false)
        : null
    }
    const value = parseMeterValue(text, meter)
    const previous = meter.previous?.valuesMilli[zone]
    if (!value.ok || previous === undefined) return null
    return zoneConsumption(previous, value.milli, meter.digitCapacity, d.confirm.rollover) ?? 'below'
  }

  /** The issues of one meter that the checks raised (date issues of the whole form are not here). */
  function issuesOf(meterId: string): ReadingIssue[] {
    return issues.value.filter((i) => i.meterId === meterId)
  }

  /** One meter's part of what the checks judge: its values, and its new meter if replaced. */
  function meterSignature(meterId: string): string {
    const d = drafts[meterId]
    return d ? JSON.stringify([d.values, d.replacing, d.replacing ? d.replacement : null]) : ''
  }

  /** The confirmations the checks asked for this meter's values, each with its messages. */
  function confirmationsOf(meterId: string): Array<{ key: ConfirmKey; messages: string[] }> {
    const asked = askedBy[meterId]
    if (!asked || asked.signature !== meterSignature(meterId)) return []
    return (Object.keys(asked.messages) as ConfirmKey[]).map((key) => ({
      key,
      messages: asked.messages[key] ?? [],
    }))
  }

  function asked(meterId: string): ConfirmKey[] {
    return confirmationsOf(meterId).map((c) => c.key)
  }

  function recordConfirmations(found: ReadingIssue[]): void {
    for (const m of meters.value) {
      const d = drafts[m.meterId]
      if (!d) continue
      const signature = meterSignature(m.meterId)
      const before = askedBy[m.meterId]
      const same = before?.signature === signature
      // Ticks given for other values do not stand for these.
      if (!same) d.confirm = { ...NO_TICKS }
      const messages: Confirmations = {}
      for (const i of found) {
        if (i.meterId === m.meterId && i.level === 'confirm' && i.confirm)
          (messages[i.confirm] ??= []).push(i.message)
      }
      if (same && before) {
        for (const key of Object.keys(before.messages) as ConfirmKey[]) {
          if (d.confirm[key] && !messages[key]) messages[key] = before.messages[key] ?? []
        }
      }
      askedBy[m.meterId] = { signature, messages }
    }
  }

  /** A reading below the previous one: the clerk may say the meter was replaced instead. */
  function belowPrevious(meterId: string): boolean {
    return (
      issuesOf(meterId).some((i) => i.code === 'below_previous') ||
      asked(meterId).includes('rollover') ||
      (drafts[meterId]?.replacing ?? false)
    )
  }

  /** The call's input, or null with the form's own errors shown at their fields. */
  function build(): ReadingsInput | null {
    const found: Record<string, string> = {}
    const date = takenOn.value
    if (!date) found[fieldKey.takenOn] = texts.badDate
    const entries: ReadingEntry[] = []
    for (const m of meters.value) {
      if (!typed(m.meterId)) continue
      const d = drafts[m.meterId] as MeterDraft
      const entry: ReadingEntry = { meterId: m.meterId, values: d.values.map((v) => v.trim()) }
      const ticked = asked(m.meterId).filter((k) => d.confirm[k] && !(d.replacing && k === 'rollover'))
      if (ticked.length > 0) entry.confirm = Object.fromEntries(ticked.map((k) => [k, true]))
      if (d.replacing) {
        const r = d.replacement
        const digitCapacity = wholeNumber(r.digitCapacity, 4, 9)
        const fractionDigits = wholeNumber(r.fractionDigits, 0, 3)
        const installedOn = parseRuDate(r.installedOn)
        const nextVerificationOn = parseRuDate(r.nextVerificationOn)
        const key = (name: string): string => fieldKey.replacement(m.meterId, name)
        if (digitCapacity === null) found[key('digitCapacity')] = texts.badNumber(4, 9)
        if (fractionDigits === null) found[key('fractionDigits')] = texts.badNumber(0, 3)
        if (!installedOn) found[key('installedOn')] = texts.badDate
        if (!nextVerificationOn) found[key('nextVerificationOn')] = texts.badDate
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
      }
      entries.push(entry)
    }
    errors.value = found
    if (Object.keys(found).length > 0 || !date || !form.value) {
      message.value = texts.fixFields
      return null
    }
    if (entries.length === 0) {
      message.value = texts.nothingTyped
      return null
    }
    return { accountId: form.value.accountId, takenOn: date, source: source.value, entries }
  }

  /** What the checks judge, without the confirmations. */
  function valuesSnapshot(): string {
    return JSON.stringify([takenOn.value, source.value, meters.value.map((m) => meterSignature(m.meterId))])
  }

  function ticksSnapshot(): string {
    return JSON.stringify(meters.value.map((m) => asked(m.meterId).map((k) => drafts[m.meterId]?.confirm[k])))
  }

  /** Values changed since the last check: the clerk should see its findings before accepting. */
  const valuesStale = computed(() => checkedValues.value === null || valuesSnapshot() !== checkedValues.value)
  /** Anything changed since the last check, a tick included (a rollover changes the consumption). */
  const stale = computed(() => valuesStale.value || ticksSnapshot() !== checkedTicks.value)

  /** Messages of the checks at their fields: zone values, the date, the new meter, the meter. */
  function placeIssues(found: ReadingIssue[]): Record<string, string> {
    const placed: Record<string, string> = {}
    const put = (key: string, text: string): void => {
      placed[key] = placed[key] && placed[key] !== text ? `${placed[key]} ${text}` : text
    }
    for (const issue of found) {
      if (issue.level !== 'error') continue
      if (issue.code === 'date' && (issue.meterId === '' || !drafts[issue.meterId])) {
        put(fieldKey.takenOn, issue.message)
      } else if (issue.zone !== null && drafts[issue.meterId]) {
        put(fieldKey.value(issue.meterId, issue.zone), issue.message)
      } else if (issue.meterId) {
        put(fieldKey.meter(issue.meterId), issue.message)
      } else {
        put(fieldKey.takenOn, issue.message)
      }
    }
    return placed
  }

  /**
   * The server's per-field messages of a refused call: the contract's own field names (takenOn,
   * the new meter's fields), '<meterId>.<zone>' and '<meterId>' from a refused posting.
   */
  function placeServerFields(fields: Record<string, string>): Record<string, string> {
    const placed: Record<string, string> = {}
    const replacing = meters.value.filter((m) => drafts[m.meterId]?.replacing)
    for (const [name, text] of Object.entries(fields)) {
      const [id, zone] = name.split('.')
      if (name === 'takenOn' || name === 'source') placed[fieldKey.takenOn] = text
      else if (id && drafts[id] && zone !== undefined && /^\d$/.test(zone)) {
        placed[fieldKey.value(id, Number(zone))] = text
      } else if (id && drafts[id]) placed[fieldKey.meter(id)] = text
      else if (replacing[0] && (REPLACEMENT_FIELDS as readonly string[]).includes(name)) {
        placed[fieldKey.replacement(replacing[0].meterId, name)] = text
      }
    }
    return placed
  }

  /** Still holding the clerk back after a check: errors, or confirmations not ticked. */
  function blocked(): Outcome | null {
    if (issues.value.some((i) => i.level === 'error')) return { kind: 'errors', message: texts.checkedErrors }
    const pending = meters.value.some((m) => asked(m.meterId).some((k) => !drafts[m.meterId]?.confirm[k]))
    return pending ? { kind: 'confirm', message: texts.checkedConfirm } : null
  }

  async function check(run: (input: ReadingsInput) => Promise<ReadingCheckResult>): Promise<Outcome | null> {
    if (busy.value) return null
    message.value = null
    outcome.value = null
    const input = build()
    if (!input) return null
    busy.value = true
    try {
      const result = await run(input)
      issues.value = result.issues
      errors.value = placeIssues(result.issues)
      recordConfirmations(result.issues)
      checkedValues.value = valuesSnapshot()
      checkedTicks.value = ticksSnapshot()
      outcome.value = blocked() ?? { kind: 'ok', message: texts.checkedOk }
      return outcome.value
    } catch (err) {
      message.value = errorMessage(err)
      errors.value = placeServerFields(errorFields(err))
      checkedValues.value = null
      return null
    } finally {
      busy.value = false
    }
  }

  async function post(
    run: (input: ReadingsInput) => Promise<ReadingsPosted>,
  ): Promise<ReadingsPosted | null> {
    if (busy.value) return null
    message.value = null
    const input = build()
    if (!input) return null
    busy.value = true
    try {
      return await run(input)
    } catch (err) {
      message.value = errorMessage(err)
      errors.value = placeServerFields(errorFields(err))
      // A refusal may rest on something new (another counter took a reading): check again.
      if (err instanceof ApiError && err.code !== 'VALIDATION') checkedValues.value = null
      return null
    } finally {
      busy.value = false
    }
  }

  return {
    form,
    drafts,
    source,
    takenOnText,
    takenOn,
    issues,
    errors,
    outcome,
    message,
    busy,
    meters,
    stale,
    valuesStale,
    start,
    typed,
    consumption,
    issuesOf,
    asked,
    confirmationsOf,
    belowPrevious,
    blocked,
    check,
    post,
  }
}
