// The charge run for a period (supervisor and administrator): one run at a time, its result.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChargeRunResult } from '../../../shared/domain/billing'
import { call, errorMessage } from '../api/client'

export const useChargesStore = defineStore('charges', () => {
  const result = ref<ChargeRunResult | null>(null)
  const running = ref<string | null>(null)
  const error = ref<string | null>(null)

  async function run(period: string): Promise<void> {
    if (running.value) return
    running.value = period
    error.value = null
    result.value = null
    try {
      result.value = await call('charges:run', { period })
    } catch (err) {
      error.value = errorMessage(err)
    } finally {
      running.value = null
    }
  }

  return { result, running, error, run }
})
