// The readings form's state, joined from its pieces: the drafts typed per meter and zone
// (readings/drafts), the confirmations the checks ask for (readings/confirmations), where each
// message is shown (readings/fields) and the check-then-post cycle (readings/submit).
import { computed, reactive, ref, shallowRef } from 'vue'
import type {
  MeterForReading,
  ReadingEntry,
  ReadingIssue,
  ReadingSource,
  ReadingsForm,
  ReadingsInput,
} from '../../../shared/domain/billing'
import { formatRuDate, parseRuDate } from '../../../shared/ru-date'
import { errorFields } from '../api/client'
import { useConfirmations } from './readings/confirmations'
import {
  blankDraft,
  draftConsumption,
  draftEntry,
  draftSignature,
  isTyped,
  type DraftTexts,
  type MeterDraft,
} from './readings/drafts'
import { fieldKey, placeIssues, placeServerFields, type FormMeters } from './readings/fields'
import { useReadingsSubmit, type Outcome } from './readings/submit'

export interface FormTexts extends DraftTexts {
  nothingTyped: string
  fixFields: string
  checkedOk: string
  checkedConfirm: string
  checkedErrors: string
}

export function useReadingsForm(texts: FormTexts) {
  const form = shallowRef<ReadingsForm | null>(null)
  const drafts = reactive<Record<string, MeterDraft>>({})
  const source = ref<ReadingSource>('office')
  const takenOnText = ref('')
  const issues = ref<ReadingIssue[]>([])
  const errors = ref<Record<string, string>>({})
  const confirmations = useConfirmations(drafts)

  const meters = computed<MeterForReading[]>(() => form.value?.meters ?? [])
  const meterIds = (): string[] => meters.value.map((m) => m.meterId)
  const onForm: FormMeters = {
    has: (meterId) => drafts[meterId] !== undefined,
    replacing: () => meterIds().filter((id) => drafts[id]?.replacing),
  }

  /** The date the readings were taken: today at the counter, the customer's date on the phone. */
  const takenOn = computed<string | null>(() =>
    source.value === 'phone' ? parseRuDate(takenOnText.value) : (form.value?.today ?? null),
  )

  /** The call's input, or why there is none, with the form's own errors shown at their fields. */
  function prepare(): ReadingsInput | string {
    const found: Record<string, string> = {}
    const date = takenOn.value
    if (!date) found[fieldKey.takenOn] = texts.badDate
    const entries: ReadingEntry[] = []
    for (const id of meterIds()) {
      const d = drafts[id]
      if (!d || !isTyped(d)) continue
      const { entry, errors: bad } = draftEntry(id, d, confirmations.asked(id), texts)
      Object.assign(found, bad)
      entries.push(entry)
    }
    errors.value = found
    if (Object.keys(found).length > 0 || !date || !form.value) return texts.fixFields
    if (entries.length === 0) return texts.nothingTyped
    return { accountId: form.value.accountId, takenOn: date, source: source.value, entries }
  }

  function blocked(): Outcome | null {
    if (issues.value.some((i) => i.level === 'error')) return { kind: 'errors', message: texts.checkedErrors }
    return confirmations.pending(meterIds()) ? { kind: 'confirm', message: texts.checkedConfirm } : null
  }

  const submit = useReadingsSubmit(
    {
      prepare,
      judged: (result) => {
        issues.value = result.issues
        errors.value = placeIssues(result.issues, onForm)
        confirmations.record(result.issues, meterIds())
      },
      refused: (err) => (errors.value = placeServerFields(errorFields(err), onForm)),
      snapshot: () => ({
        values: JSON.stringify([
          takenOn.value,
          source.value,
          meterIds().map((id) => draftSignature(drafts[id])),
        ]),
        ticks: JSON.stringify(
          meterIds().map((id) => confirmations.asked(id).map((k) => drafts[id]?.confirm[k])),
        ),
      }),
      blocked,
    },
    texts,
  )

  function start(loaded: ReadingsForm): void {
    form.value = loaded
    for (const key of Object.keys(drafts)) delete drafts[key]
    confirmations.clear()
    for (const m of loaded.meters) drafts[m.meterId] = blankDraft(m, loaded.today)
    source.value = 'office'
    takenOnText.value = formatRuDate(loaded.today)
    issues.value = []
    errors.value = {}
    submit.reset()
  }

  /** The issues of one meter that the checks raised (date issues of the whole form are not here). */
  function issuesOf(meterId: string): ReadingIssue[] {
    return issues.value.filter((i) => i.meterId === meterId)
  }

  /** A reading below the previous one: the clerk may say the meter was replaced instead. */
  function belowPrevious(meterId: string): boolean {
    return (
      issuesOf(meterId).some((i) => i.code === 'below_previous') ||
      confirmations.asked(meterId).includes('rollover') ||
      (drafts[meterId]?.replacing ?? false)
    )
  }

  return {
    form,
    drafts,
    source,
    takenOnText,
    takenOn,
    issues,
    errors,
    outcome: submit.outcome,
    message: submit.message,
    busy: submit.busy,
    meters,
    stale: submit.stale,
    valuesStale: submit.valuesStale,
    start,
    typed: (meterId: string): boolean => isTyped(drafts[meterId]),
    consumption: (meter: MeterForReading, zone: number) =>
      draftConsumption(meter, drafts[meter.meterId], zone),
    issuesOf,
    asked: confirmations.asked,
    confirmationsOf: confirmations.confirmationsOf,
    belowPrevious,
    blocked,
    check: submit.check,
    post: submit.post,
  }
}
