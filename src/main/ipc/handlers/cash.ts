// The handlers of the cash desk: shifts and their reports, payments, refunds and receipts, the
// payments report: each channel's input to its service. Joined with the other capabilities' in
// ../handlers.ts.
import { paymentDraft, postPayment } from '../../services/cash/payments'
import { markPrinted, printReceipt, receiptDocument, shiftReceipts } from '../../services/cash/receipts'
import { paymentsReport, paymentsReportDocument, paymentsReportXlsx } from '../../services/cash/reports'
import { reversePayment } from '../../services/cash/reversal'
import {
  cashDeskState,
  closeShift,
  listShifts,
  moveCash,
  openShift,
  xReport,
  zReport,
} from '../../services/cash/shifts'
import { clerk, type HandlersOf } from './call-context'

export const cashHandlers = {
  'shifts:state': (_, c) => cashDeskState(c.ctx),
  'shifts:open': (i, c) => openShift(c.ctx, clerk(c), i),
  'shifts:cashMove': (i, c) => moveCash(c.ctx, clerk(c), i),
  'shifts:xReport': (_, c) => xReport(c.ctx, clerk(c)),
  'shifts:close': (i, c) =>
    c.sync.direct('закрытие смены', 'shifts.close', i, clerk(c).id, () => closeShift(c.ctx, clerk(c), i)),
  'shifts:zReport': (i, c) => zReport(c.ctx, clerk(c), i.shiftId),
  'shifts:list': (_, c) => listShifts(c.ctx),
  'shifts:receipts': (i, c) => shiftReceipts(c.ctx, clerk(c), i.shiftId),
  'payments:draft': (i, c) => paymentDraft(c.ctx, i.accountId),
  'payments:post': (i, c) => postPayment(c.ctx, clerk(c), i),
  'payments:reverse': (i, c) => reversePayment(c.ctx, clerk(c), i),
  'payments:receipt': (i, c) => receiptDocument(c.ctx, clerk(c), i.paymentId),
  'payments:print': (i, c) => printReceipt(c.ctx, c.printer, clerk(c), i.paymentId),
  'payments:markPrinted': (i, c) => markPrinted(c.ctx, clerk(c), i.paymentId),
  'payments:report': (i, c) => paymentsReport(c.ctx, i, clerk(c)),
  'payments:reportXlsx': (i, c) => paymentsReportXlsx(c.ctx, i, clerk(c)),
  'payments:reportDocument': (i, c) => paymentsReportDocument(c.ctx, i, clerk(c)),
} satisfies HandlersOf<'shifts' | 'payments'>
