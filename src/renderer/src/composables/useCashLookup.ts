// What the cash-desk field «Лицевой счёт или QR-код» understands: a bill's payment QR code read
// by a scanner (the account, the amount and the month from it), a bare account number (the
// payment form at once), or any search text (results like the desk's, Enter pays the chosen one).
import { ref, shallowRef } from 'vue'
import type { AccountSearchHit, AccountSearchResult } from '../../../shared/domain/account'
import { parseGostPayload } from '../../../shared/payment-qr'
import { errorMessage } from '../api/client'
import type { PaymentRequest } from '../stores/cash'
import { useSearchStore } from '../stores/search'
import { rublesText } from './usePaymentForm'
import { isScanText } from './useScanner'

export interface LookupTexts {
  noAccountInCode: string
  notFound: (number: string) => string
}

/** «032026» (MMYYYY) → «2026-03»; anything else → null. */
export function periodFromCode(text: string | undefined): string | null {
  const m = /^(0[1-9]|1[0-2])(\d{4})$/.exec(text?.trim() ?? '')
  return m ? `${m[2]}-${m[1]}` : null
}

/** «123456» kopecks → «1234,56»; a missing, zero or unreadable sum → undefined. */
export function amountFromCode(text: string | undefined): string | undefined {
  const digits = text?.trim() ?? ''
  if (!/^\d{1,11}$/.test(digits) || Number(digits) === 0) return undefined
  return rublesText(Number(digits))
}

export function useCashLookup(texts: LookupTexts) {
  const accounts = useSearchStore()
  const result = shallowRef<AccountSearchResult | null>(null)
  const searched = ref('')
  const active = ref(0)
  const loading = ref(false)
  const message = ref<string | null>(null)
  let sequence = 0

  async function search(text: string): Promise<void> {
    const mine = ++sequence
    message.value = null
    if (text.trim() === '' || isScanText(text)) {
      result.value = null
      searched.value = ''
      loading.value = false
      return
    }
    loading.value = true
    try {
      const found = await accounts.lookup(text)
      if (mine !== sequence) return
      result.value = found
      searched.value = text
      active.value = 0
    } catch (err) {
      if (mine === sequence) message.value = errorMessage(err)
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  /** The open account with exactly this number, or null with the reason in `message`. */
  async function byNumber(number: string): Promise<AccountSearchHit | null> {
    const found = await accounts.lookup(number)
    const hit = found.items.find((h) => h.number === number) ?? null
    if (!hit) message.value = texts.notFound(number)
    return hit
  }

  async function fromScan(raw: string): Promise<PaymentRequest | null> {
    const parsed = parseGostPayload(raw)
    if (!parsed.ok) {
      message.value = parsed.message
      return null
    }
    const number = parsed.fields.PersAcc?.trim() ?? ''
    if (!/^\d+$/.test(number)) {
      message.value = texts.noAccountInCode
      return null
    }
    const hit = await byNumber(number)
    if (!hit) return null
    return {
      accountId: hit.accountId,
      amount: amountFromCode(parsed.fields.Sum),
      period: periodFromCode(parsed.fields.PaymPeriod),
    }
  }

  /** Enter in the field (or a scan caught elsewhere): what to take payment for, or null. */
  async function resolve(text: string): Promise<PaymentRequest | null> {
    sequence++
    message.value = null
    loading.value = true
    try {
      if (isScanText(text)) {
        result.value = null
        return await fromScan(text)
      }
      const compact = text.replace(/\s+/g, '')
      if (/^\d+$/.test(compact)) {
        const hit = await byNumber(compact)
        return hit ? { accountId: hit.accountId } : null
      }
      if (text.trim() === '') return null
      // Search text: the highlighted result of this very text, once it is on screen.
      if (searched.value !== text || !result.value) {
        loading.value = false
        await search(text)
        return null
      }
      const hit = result.value.items[active.value]
      return hit ? { accountId: hit.accountId } : null
    } catch (err) {
      message.value = errorMessage(err)
      return null
    } finally {
      loading.value = false
    }
  }

  function move(step: number): void {
    const n = result.value?.items.length ?? 0
    if (n > 0) active.value = (active.value + step + n) % n
  }

  function clear(): void {
    sequence++
    result.value = null
    searched.value = ''
    message.value = null
    loading.value = false
  }

  return { result, active, loading, message, search, resolve, move, clear }
}
