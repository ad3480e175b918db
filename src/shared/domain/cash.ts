// The cash desk as the renderer sees it: shifts, receipts, the payment form's data and results.
// Money in kopecks; instants ISO 8601 UTC; business dates YYYY-MM-DD in the organisation's zone.
import type { Allocation, ServiceDebt } from '../cash/allocation'
import type { PrintDocument, PrintResult } from '../print/document'

export type { Allocation, ServiceDebt }

/** Reasons a clerk picks from for a cash-in or cash-out (code → Russian name). */
export const CASH_IN_REASONS = {
  change_fund: 'Размен от старшего кассира',
  return: 'Возврат неиспользованной выдачи',
  other: 'Прочее (указать в комментарии)',
} as const
export const CASH_OUT_REASONS = {
  collection: 'Инкассация',
  to_senior: 'Сдача старшему кассиру',
  other: 'Прочее (указать в комментарии)',
} as const
export type CashInReason = keyof typeof CASH_IN_REASONS
export type CashOutReason = keyof typeof CASH_OUT_REASONS
export type CashMoveKind = 'cash_in' | 'cash_out'

export interface ServiceTotal {
  serviceCode: string
  serviceName: string
  amountKopecks: number
}

/** What a drawer should hold and why (DOMAIN.md «Cash desk»). */
export interface ShiftFigures {
  floatKopecks: number
  paymentsKopecks: number
  paymentsCount: number
  refundsKopecks: number
  refundsCount: number
  cashInKopecks: number
  cashOutKopecks: number
  expectedKopecks: number
  /** Payments less refunds, per service. */
  byService: ServiceTotal[]
}

export interface ShiftView {
  id: string
  number: number
  officeName: string
  counterNumber: number
  businessDate: string
  openedAt: string
  openedByName: string
  status: 'open' | 'closed'
  /** Open for more than 24 hours: it must be closed before the next payment. */
  overdue: boolean
  closedAt: string | null
  closedByName: string | null
  figures: ShiftFigures
  countedKopecks: number | null
  /** Counted − expected (negative: a shortage). */
  differenceKopecks: number | null
}

export interface CashSettingsView {
  /** A difference above this needs a supervisor's confirmation at closing. */
  toleranceKopecks: number
  /** Close without seeing the expected sum. */
  blindClose: boolean
  openDrawer: boolean
  /** A fiscal register is configured (otherwise receipts say they are not fiscal). */
  fiscal: boolean
}

export interface CashDeskState {
  shift: ShiftView | null
  settings: CashSettingsView
}

export interface ReceiptSummary {
  paymentId: string
  receiptNumber: string
  kind: 'payment' | 'reversal'
  accountId: string
  accountNumber: string
  payerName: string
  /** Positive for a payment, negative for a refund. */
  amountKopecks: number
  paidAt: string
  clerkName: string
  printed: boolean
  /** The refund's receipt number, for a payment that was reversed. */
  reversedBy: string | null
  /** The original receipt number, for a refund. */
  reverses: string | null
}

/** The payment form's data: the account, what it owes per service, the default split. */
export interface PaymentDraft {
  accountId: string
  accountNumber: string
  address: string
  payerName: string
  /** The month a bill for today would be for (the last charged month). */
  period: string | null
  debts: ServiceDebt[]
  totalDebtKopecks: number
  /** The largest amount an operator takes alone; above it a supervisor confirms (payment-limits.ts). */
  supervisorAboveKopecks: number
}

export interface PaymentPosted {
  receipt: ReceiptSummary
  /** The receipt to preview and print. */
  document: PrintDocument
  changeKopecks: number
  /** The same idempotency key was posted before: this is that payment, not a new one. */
  replayed: boolean
}

export interface ShiftClosed {
  shift: ShiftView
  zReportNumber: number
  document: PrintDocument
}

export type ReceiptPrinted = PrintResult
