// The payments report (DOMAIN.md «Cash desk», issue 5 item 8): the receipts of a shift or of a
// business day, with totals by service, clerk, counter and office. Money in kopecks; instants ISO
// 8601 UTC; dates YYYY-MM-DD in the organisation's time zone.

/** Payments and refunds of one group (or of the whole report); refunds as positive sums. */
export interface PaymentsTotal {
  paymentsCount: number
  paymentsKopecks: number
  refundsCount: number
  refundsKopecks: number
  /** Payments less refunds: what the group took in. */
  netKopecks: number
}

/** One line of a breakdown: a service, a clerk, a counter or an office. */
export interface PaymentsGroup extends PaymentsTotal {
  key: string
  name: string
}

export interface PaymentsReportRow {
  paymentId: string
  receiptNumber: string
  kind: 'payment' | 'reversal'
  paidAt: string
  /** The business date and the wall-clock time (ЧЧ:ММ:СС) in the organisation's time zone. */
  date: string
  time: string
  accountNumber: string
  payerName: string
  /** Positive for a payment, negative for a refund. */
  amountKopecks: number
  clerkName: string
  officeName: string
  counterNumber: number
  shiftNumber: number
  /** For a refund: the receipt it refunds. */
  reverses: string | null
}

export interface PaymentsReportShift {
  id: string
  number: number
  officeName: string
  counterNumber: number
  openedAt: string
  openedByName: string
  closedAt: string | null
}

export interface PaymentsReport {
  scope: 'shift' | 'day'
  /** «Платежи смены № 3, окно 2» or «Платежи за 22.11.2026». */
  title: string
  /** The day (for a shift: the day it was opened). */
  date: string
  shift: PaymentsReportShift | null
  /** The office the report is limited to; null: every office. */
  officeName: string | null
  /** The report shows only this clerk's payments (an operator's own day); null: everyone's. */
  onlyClerkName: string | null
  organisationName: string
  timeZone: string
  generatedAt: string
  generatedByName: string
  rows: PaymentsReportRow[]
  byService: PaymentsGroup[]
  byClerk: PaymentsGroup[]
  byCounter: PaymentsGroup[]
  byOffice: PaymentsGroup[]
  total: PaymentsTotal
}

/** The report as an .xlsx file (base64) and the name to save it under. */
export interface PaymentsXlsx {
  fileName: string
  base64: string
}
