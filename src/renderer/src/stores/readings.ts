// Meter readings of the account on screen: the form's meters, checking and posting a set of
// readings, and the readings history per meter. The slip of the last posting is kept only
// until its dialog closes.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  MeterHistory,
  ReadingCheckResult,
  ReadingsForm,
  ReadingsInput,
  ReadingsPosted,
} from '../../../shared/domain/billing'
import { call, errorMessage } from '../api/client'

export const useReadingsStore = defineStore('readings', () => {
  const history = ref<MeterHistory[] | null>(null)
  const historyFor = ref<string | null>(null)
  const historyError = ref<string | null>(null)
  const posted = shallowRef<ReadingsPosted | null>(null)

  function form(accountId: string): Promise<ReadingsForm> {
    return call('readings:form', { accountId })
  }

  function check(input: ReadingsInput): Promise<ReadingCheckResult> {
    return call('readings:check', input)
  }

  async function post(input: ReadingsInput): Promise<ReadingsPosted> {
    const result = await call('readings:post', input)
    posted.value = result
    return result
  }

  function forgetPosted(): void {
    posted.value = null
  }

  async function loadHistory(accountId: string): Promise<void> {
    historyError.value = null
    if (historyFor.value !== accountId) history.value = null
    historyFor.value = accountId
    try {
      const found = await call('readings:history', { accountId })
      if (historyFor.value === accountId) history.value = found
    } catch (err) {
      if (historyFor.value === accountId) historyError.value = errorMessage(err)
    }
  }

  return { history, historyFor, historyError, posted, form, check, post, forgetPosted, loadHistory }
})
