// The contract of the cash desk: shifts and their reports, payments, refunds and receipts, the
// payments report: channel → input schema, output type, access. Joined with the other capabilities'
// in ../contract.ts.
import type {
  CashDeskState,
  PaymentDraft,
  PaymentPosted,
  ReceiptSummary,
  ShiftClosed,
  ShiftView,
} from '../../domain/cash'
import type { PaymentsReport, PaymentsXlsx } from '../../domain/cash-report'
import type { PrintDocument, PrintResult } from '../../print/document'
import {
  cashMoveSchema,
  paymentDraftSchema,
  paymentIdSchema,
  paymentPostSchema,
  paymentReverseSchema,
  shiftCloseSchema,
  shiftIdSchema,
  shiftOpenSchema,
} from '../schemas/cash'
import { paymentsReportSchema } from '../schemas/cash-report'
import { channel, empty } from '../channel-spec'

export const cashContract = {
  'shifts:state': channel<typeof empty, CashDeskState>('clerk', empty),
  'shifts:open': channel<typeof shiftOpenSchema, ShiftView>('clerk', shiftOpenSchema),
  'shifts:cashMove': channel<typeof cashMoveSchema, ShiftView>('clerk', cashMoveSchema),
  'shifts:xReport': channel<typeof empty, PrintDocument>('clerk', empty),
  'shifts:close': channel<typeof shiftCloseSchema, ShiftClosed>('clerk', shiftCloseSchema),
  'shifts:zReport': channel<typeof shiftIdSchema, PrintDocument>('clerk', shiftIdSchema),
  'shifts:list': channel<typeof empty, ShiftView[]>('clerk', empty),
  'shifts:receipts': channel<typeof shiftIdSchema, ReceiptSummary[]>('clerk', shiftIdSchema),
  'payments:draft': channel<typeof paymentDraftSchema, PaymentDraft>('clerk', paymentDraftSchema),
  'payments:post': channel<typeof paymentPostSchema, PaymentPosted>('clerk', paymentPostSchema),
  // A clerk may call it: the form carries a supervisor's login and password when the clerk is not one.
  'payments:reverse': channel<typeof paymentReverseSchema, PaymentPosted>('clerk', paymentReverseSchema),
  'payments:receipt': channel<typeof paymentIdSchema, PrintDocument>('clerk', paymentIdSchema),
  'payments:print': channel<typeof paymentIdSchema, PrintResult>('clerk', paymentIdSchema),
  'payments:markPrinted': channel<typeof paymentIdSchema, null>('clerk', paymentIdSchema),
  // A clerk sees their own shift and their own payments of a day; a supervisor any shift and the
  // whole office's day (judged in main by src/main/services/cash/reports.ts).
  'payments:report': channel<typeof paymentsReportSchema, PaymentsReport>('clerk', paymentsReportSchema),
  'payments:reportXlsx': channel<typeof paymentsReportSchema, PaymentsXlsx>('clerk', paymentsReportSchema),
  'payments:reportDocument': channel<typeof paymentsReportSchema, PrintDocument>(
    'clerk',
    paymentsReportSchema,
  ),
} as const
