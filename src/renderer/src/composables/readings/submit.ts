// The readings form's check-then-post cycle: one call at a time, what the last check judged (so
// «Принять» knows whether to check again), the verdict, and the message of a refused call.
import { computed, ref } from 'vue'
import type { ReadingCheckResult, ReadingsInput, ReadingsPosted } from '../../../../shared/domain/billing'
import { ApiError, errorMessage } from '../../api/client'

export type Outcome = { kind: 'ok' | 'confirm' | 'errors'; message: string }

/** What the cycle needs of the form. */
export interface SubmitPort {
  /** The call's input, or the message why there is none (the fields' own errors already shown). */
  prepare(): ReadingsInput | string
  /** A check's findings, for the form to place. */
  judged(result: ReadingCheckResult): void
  /** A refused call, for the form to place the server's field messages. */
  refused(err: unknown): void
  /** What the checks judge as typed: the values, and apart from them the ticks. */
  snapshot(): { values: string; ticks: string }
  /** Still holding the clerk back after a check: errors, or confirmations not ticked. */
  blocked(): Outcome | null
}

export function useReadingsSubmit(port: SubmitPort, texts: { checkedOk: string }) {
  const outcome = ref<Outcome | null>(null)
  const message = ref<string | null>(null)
  const busy = ref(false)
  /** What the last check judged: the values, and the confirmations ticked. */
  const checkedValues = ref<string | null>(null)
  const checkedTicks = ref<string | null>(null)

  function reset(): void {
    outcome.value = null
    message.value = null
    checkedValues.value = null
    checkedTicks.value = null
  }

  /** Values changed since the last check: the clerk should see its findings before accepting. */
  const valuesStale = computed(
    () => checkedValues.value === null || port.snapshot().values !== checkedValues.value,
  )
  /** Anything changed since the last check, a tick included (a rollover changes the consumption). */
  const stale = computed(() => valuesStale.value || port.snapshot().ticks !== checkedTicks.value)

  function prepared(): ReadingsInput | null {
    const input = port.prepare()
    if (typeof input !== 'string') return input
    message.value = input
    return null
  }

  async function check(run: (input: ReadingsInput) => Promise<ReadingCheckResult>): Promise<Outcome | null> {
    if (busy.value) return null
    message.value = null
    outcome.value = null
    const input = prepared()
    if (!input) return null
    busy.value = true
    try {
      port.judged(await run(input))
      const judged = port.snapshot()
      checkedValues.value = judged.values
      checkedTicks.value = judged.ticks
      outcome.value = port.blocked() ?? { kind: 'ok', message: texts.checkedOk }
      return outcome.value
    } catch (err) {
      message.value = errorMessage(err)
      port.refused(err)
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
    const input = prepared()
    if (!input) return null
    busy.value = true
    try {
      return await run(input)
    } catch (err) {
      message.value = errorMessage(err)
      port.refused(err)
      // A refusal may rest on something new (another counter took a reading): check again.
      if (err instanceof ApiError && err.code !== 'VALIDATION') checkedValues.value = null
      return null
    } finally {
      busy.value = false
    }
  }

  return { outcome, message, busy, valuesStale, stale, reset, check, post }
}
