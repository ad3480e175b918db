// The cash desk of this counter: the shift and its receipts, closed shifts, and the payment in
// progress — which account the payment form is open for, its idempotency key, the receipt just
// posted. The key outlives the form: a retry after a hang, even from a reopened form for the same
// account and amount, carries the same key, so main never posts it twice.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  CashDeskState,
  PaymentDraft,
  PaymentPosted,
  ReceiptSummary,
  ShiftClosed,
  ShiftView,
} from '../../../shared/domain/cash'
import type { PaymentsReport } from '../../../shared/domain/cash-report'
import type { CashMoveInput, PaymentPostInput, ShiftCloseInput } from '../../../shared/ipc/schemas/cash'
import type { PaymentsReportInput } from '../../../shared/ipc/schemas/cash-report'
import type { PrintDocument, PrintResult } from '../../../shared/print/document'
import { call, errorMessage } from '../api/client'

/** What the payment form opens with: the account and, from a scanned bill, amount and month. */
export interface PaymentRequest {
  accountId: string
  /** Rubles as the form shows them («1234,56»). */
  amount?: string
  /** YYYY-MM. */
  period?: string | null
}

export const useCashStore = defineStore('cash', () => {
  const state = shallowRef<CashDeskState | null>(null)
  const error = ref<string | null>(null)
  const receipts = shallowRef<ReceiptSummary[]>([])
  const receiptsError = ref<string | null>(null)
  const shifts = shallowRef<ShiftView[]>([])
  const shiftsError = ref<string | null>(null)
  const request = shallowRef<PaymentRequest | null>(null)
  const posted = shallowRef<PaymentPosted | null>(null)
  let pending: { fingerprint: string; key: string } | null = null

  async function load(): Promise<void> {
    try {
      state.value = await call('shifts:state', {})
      error.value = null
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  async function loadReceipts(): Promise<void> {
    const shift = state.value?.shift
    if (!shift) {
      receipts.value = []
      return
    }
    try {
      receipts.value = await call('shifts:receipts', { shiftId: shift.id })
      receiptsError.value = null
    } catch (err) {
      receiptsError.value = errorMessage(err)
    }
  }

  /** This counter's shifts, newest first (none while the workstation has no office). */
  function listShifts(): Promise<ShiftView[]> {
    return call('shifts:list', {})
  }

  async function loadShifts(): Promise<void> {
    try {
      shifts.value = await listShifts()
      shiftsError.value = null
    } catch (err) {
      shiftsError.value = errorMessage(err)
    }
  }

  /** Everything on the cash-desk screen, after any change. */
  async function refresh(): Promise<void> {
    await load()
    await Promise.all([loadReceipts(), loadShifts()])
  }

  function setShift(shift: ShiftView): void {
    if (state.value) state.value = { ...state.value, shift: shift.status === 'open' ? shift : null }
  }

  async function openShift(float: string): Promise<void> {
    setShift(await call('shifts:open', { float }))
    await refresh()
  }

  async function cashMove(input: CashMoveInput): Promise<void> {
    setShift(await call('shifts:cashMove', input))
  }

  function xReport(): Promise<PrintDocument> {
    return call('shifts:xReport', {})
  }

  async function closeShift(input: ShiftCloseInput): Promise<ShiftClosed> {
    const closed = await call('shifts:close', input)
    // Not awaited: the caller shows the Z-report while the screen catches up.
    void refresh()
    return closed
  }

  function zReport(shiftId: string): Promise<PrintDocument> {
    return call('shifts:zReport', { shiftId })
  }

  function draft(accountId: string): Promise<PaymentDraft> {
    return call('payments:draft', { accountId })
  }

  /** The key for this account and amount: the pending one when it is a retry, otherwise a new one. */
  function keyFor(accountId: string, amountKopecks: number): string {
    const fingerprint = `${accountId}:${amountKopecks}`
    if (pending?.fingerprint !== fingerprint) pending = { fingerprint, key: crypto.randomUUID() }
    return pending.key
  }

  async function post(input: Omit<PaymentPostInput, 'idempotencyKey'>, amountKopecks: number) {
    const result = await call('payments:post', {
      ...input,
      idempotencyKey: keyFor(input.accountId, amountKopecks),
    })
    pending = null
    posted.value = result
    return result
  }

  async function reverse(input: {
    idempotencyKey: string
    paymentId: string
    reason: string
    supervisor?: { login: string; password: string }
  }): Promise<PaymentPosted> {
    const result = await call('payments:reverse', input)
    posted.value = result
    return result
  }

  function receipt(paymentId: string): Promise<PrintDocument> {
    return call('payments:receipt', { paymentId })
  }

  /** Prints through main; in browser mode main answers `browserDialog` and the caller prints. */
  async function print(paymentId: string): Promise<PrintResult> {
    try {
      return await call('payments:print', { paymentId })
    } catch (err) {
      return { ok: false, message: errorMessage(err) }
    }
  }

  async function markPrinted(paymentId: string): Promise<void> {
    await call('payments:markPrinted', { paymentId })
  }

  /** The payments report of a shift or a day, as a table, an Excel file or a document to print. */
  function report(input: PaymentsReportInput): Promise<PaymentsReport> {
    return call('payments:report', input)
  }
  function reportXlsx(input: PaymentsReportInput) {
    return call('payments:reportXlsx', input)
  }
  function reportDocument(input: PaymentsReportInput): Promise<PrintDocument> {
    return call('payments:reportDocument', input)
  }

  function pay(req: PaymentRequest): void {
    posted.value = null
    request.value = req
  }

  function closeForm(): void {
    request.value = null
  }

  function forgetPosted(): void {
    posted.value = null
  }

  return {
    state,
    error,
    receipts,
    receiptsError,
    shifts,
    shiftsError,
    request,
    posted,
    load,
    loadReceipts,
    loadShifts,
    refresh,
    openShift,
    cashMove,
    xReport,
    closeShift,
    zReport,
    draft,
    post,
    reverse,
    receipt,
    print,
    markPrinted,
    listShifts,
    report,
    reportXlsx,
    reportDocument,
    pay,
    closeForm,
    forgetPosted,
  }
})
