// The payment form's state and checks, with the same shared rules main applies (parseRubles,
// changeFor, allocatePayment, allocationProblem): the clerk sees every problem at its field
// before anything is sent. The split follows the amount until the clerk edits a share. An
// amount above what an operator takes alone (the draft's limit) asks for a supervisor.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import {
  allocatePayment,
  allocationProblem,
  totalDebt,
  type Allocation,
} from '../../../shared/cash/allocation'
import { changeFor } from '../../../shared/cash/shift-math'
import type { PaymentDraft } from '../../../shared/domain/cash'
import { parseRubles, plainAmount } from '../../../shared/money'

/** 123456 kopecks → «1234,56»: how a sum is put into a field for the clerk to read or change. */
export function rublesText(kopecks: number): string {
  return plainAmount(kopecks).replace('.', ',')
}

export interface CheckedPayment {
  amountKopecks: number
  allocations: Allocation[]
}

export function usePaymentForm(draft: Ref<PaymentDraft | null>, initialAmount: string) {
  const amount = ref(initialAmount)
  const tendered = ref('')
  const payerName = ref('')
  const edited = ref(false)
  const editedShares = reactive<Record<string, string>>({})
  /** After the first submit, the checks run as the clerk types. */
  const touched = ref(false)
  /** What main said about the last attempt, per field; dropped as soon as the clerk types. */
  const serverErrors = ref<Record<string, string>>({})

  const debts = computed(() => draft.value?.debts ?? [])
  const fullDebt = computed(() => totalDebt(debts.value))
  const parsedAmount = computed(() => parseRubles(amount.value, { label: 'Сумма' }))

  const defaultShares = computed<Record<string, string>>(() => {
    const parsed = parsedAmount.value
    if (!parsed.ok) return Object.fromEntries(debts.value.map((d) => [d.serviceId, '']))
    return Object.fromEntries(
      allocatePayment(debts.value, parsed.kopecks).map((a) => [a.serviceId, rublesText(a.amountKopecks)]),
    )
  })
  const shares = computed(() => (edited.value ? editedShares : defaultShares.value))

  /** The change, when amount and cash are both readable and enough. */
  /** Above the organisation's limit for this account: a supervisor confirms (main checks it too). */
  const overLimit = computed(() => {
    const a = parsedAmount.value
    return a.ok && draft.value !== null && a.kopecks > draft.value.supervisorAboveKopecks
  })

  const change = computed<number | null>(() => {
    const a = parsedAmount.value
    if (!a.ok) return null
    if (tendered.value.trim() === '') return 0
    const t = parseRubles(tendered.value, { label: 'Получено' })
    if (!t.ok) return null
    const c = changeFor(a.kopecks, t.kopecks)
    return c.ok ? c.changeKopecks : null
  })

  function check(): { errors: Record<string, string>; payment: CheckedPayment | null } {
    const errors: Record<string, string> = {}
    const a = parsedAmount.value
    if (!a.ok) errors.amount = a.message
    if (tendered.value.trim() !== '') {
      const t = parseRubles(tendered.value, { label: 'Получено' })
      if (!t.ok) errors.tendered = t.message
      else if (a.ok) {
        const c = changeFor(a.kopecks, t.kopecks)
        if (!c.ok) errors.tendered = c.message
      }
    }
    if (payerName.value.trim().length > 200) errors.payerName = 'Плательщик: не длиннее 200 символов'
    const allocations: Allocation[] = []
    for (const d of debts.value) {
      const share = parseRubles(shares.value[d.serviceId] ?? '', { label: d.serviceName, allowZero: true })
      if (share.ok) allocations.push({ serviceId: d.serviceId, amountKopecks: share.kopecks })
      else if (edited.value) errors[d.serviceId] = share.message
    }
    if (a.ok && allocations.length === debts.value.length) {
      const problem = allocationProblem(debts.value, allocations, a.kopecks)
      if (problem) errors.allocations = problem
    }
    const ok = Object.keys(errors).length === 0 && a.ok
    return { errors, payment: ok ? { amountKopecks: a.kopecks, allocations } : null }
  }

  const errors = computed<Record<string, string>>(() => ({
    ...(touched.value ? check().errors : {}),
    ...serverErrors.value,
  }))

  watch([amount, tendered, payerName, editedShares], () => (serverErrors.value = {}))

  function editShare(serviceId: string, value: string): void {
    if (!edited.value) Object.assign(editedShares, defaultShares.value)
    edited.value = true
    editedShares[serviceId] = value
  }

  function resetShares(): void {
    edited.value = false
  }

  /** «Вся сумма долга»: the amount becomes the full debt, split by default. */
  function takeFullDebt(): boolean {
    if (fullDebt.value <= 0) return false
    amount.value = rublesText(fullDebt.value)
    edited.value = false
    return true
  }

  return {
    amount,
    tendered,
    payerName,
    edited,
    shares,
    touched,
    serverErrors,
    errors,
    fullDebt,
    overLimit,
    change,
    check,
    editShare,
    resetShares,
    takeFullDebt,
  }
}
