// The account card on screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountCard } from '../../../shared/domain/account'
import { call, errorMessage } from '../api/client'

export const useAccountStore = defineStore('account', () => {
  const card = ref<AccountCard | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function open(accountId: string): Promise<void> {
    loading.value = true
    error.value = null
    try {
      card.value = await call('accounts:get', { accountId })
    } catch (err) {
      card.value = null
      error.value = errorMessage(err)
    } finally {
      loading.value = false
    }
  }

  return { card, loading, error, open }
})
