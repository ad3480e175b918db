// The one search field: query, results, the highlighted row. Answers to older queries that
// arrive after newer ones are dropped, so fast typing never shows stale rows.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountSearchResult } from '../../../shared/domain/account'
import { call, errorMessage } from '../api/client'

export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const result = ref<AccountSearchResult | null>(null)
  const active = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Bumped to ask the search field to take focus (F2, Esc on the card, the desk opening). */
  const focusRequests = ref(0)
  /**
   * Whether the last request leaves the caret alone when the field already has focus (the desk
   * opening as the clerk types) instead of selecting the text so typing replaces it (F2).
   */
  const keepCaret = ref(false)
  let sequence = 0

  /** One search as the desk's field makes it, for a screen with results of its own (the cash desk). */
  function lookup(text: string): Promise<AccountSearchResult> {
    return call('accounts:search', { query: text })
  }

  async function run(text: string): Promise<void> {
    query.value = text
    const mine = ++sequence
    if (text.trim() === '') {
      result.value = null
      error.value = null
      loading.value = false
      return
    }
    loading.value = true
    try {
      const found = await lookup(text)
      if (mine !== sequence) return
      result.value = found
      active.value = 0
      error.value = null
    } catch (err) {
      if (mine === sequence) error.value = errorMessage(err)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  function move(step: number): void {
    const n = result.value?.items.length ?? 0
    if (n > 0) active.value = (active.value + step + n) % n
  }

  function clear(): void {
    void run('')
  }

  function requestFocus(options: { keepCaret?: boolean } = {}): void {
    keepCaret.value = options.keepCaret ?? false
    focusRequests.value++
  }

  return {
    query,
    result,
    active,
    loading,
    error,
    focusRequests,
    keepCaret,
    lookup,
    run,
    move,
    clear,
    requestFocus,
  }
})
