// One handler per contract channel. `satisfies Handlers` makes a missing channel a compile error.
import type { AppInfo } from '../../shared/domain/app'
import type { Channel } from '../../shared/ipc/channels'
import type { ChannelOutput, ChannelParsed } from '../../shared/ipc/contract'
import { OknoError } from '../../shared/ipc/envelope'
import type { ClerkInfo } from '../../shared/domain/clerk'
import type { Printer } from '../printing/printer'
import type { SyncService } from '../sync/service'
import { runChargesShared } from '../services/billing/charge-run-shared'
import { getAccountCard, searchAccounts } from '../services/accounts/accounts'
import { accountBalance, accountStatement, monthDetail } from '../services/billing/balances'
import { billDocument } from '../services/billing/bill-data'
import { checkReadings, postReadings, readingsForm, readingsHistory } from '../services/billing/readings'
import { registerCabinet, resetCabinetPassword } from '../services/cabinet/issue'
import { attachAccount, cabinetState, unblockReset } from '../services/cabinet/cabinets'
import { revealPassport } from '../services/cabinet/passports'
import { appointmentMeta, dayBoard, weekLoad } from '../services/appointments/board'
import {
  bookAppointment,
  cancelAppointment,
  markAppointment,
  rescheduleAppointment,
} from '../services/appointments/booking'
import { freeSlotsFor } from '../services/appointments/slots-load'
import { accountAppointments, appointmentTicket, searchAppointments } from '../services/appointments/views'
import { paymentDraft, postPayment } from '../services/cash/payments'
import { markPrinted, printReceipt, receiptDocument, shiftReceipts } from '../services/cash/receipts'
import { reversePayment } from '../services/cash/reversal'
import {
  cashDeskState,
  closeShift,
  listShifts,
  moveCash,
  openShift,
  xReport,
  zReport,
} from '../services/cash/shifts'
import { verifyAuditChain } from '../services/core/audit'
import type { ServiceContext } from '../services/core/context'
import { appInfo, updateWorkstationSettings, workstationSettings } from '../services/core/organisation'
import {
  lockSession,
  sessionInfo,
  signIn,
  signOut,
  touchSession,
  unlockSession,
  type Session,
} from '../services/clerks/sessions'
import { paymentsReport, paymentsReportDocument, paymentsReportXlsx } from '../services/cash/reports'
import { appointmentsReport, appointmentsReportXlsx } from '../services/appointments/report'
import {
  importCalendar,
  listAllTopics,
  listCalendar,
  officeSchedule,
  saveCalendar,
  saveClosure,
  saveOfficeSchedule,
  saveTopic,
} from '../services/appointments/schedule'

/** Everything a handler may use: the services' context and the caller's session. */
export interface CallContext {
  ctx: ServiceContext
  session: Session
  shell: AppInfo['shell']
  version: string
  /** The shell's print backend (Electron's printers; none in browser mode). */
  printer: Printer
  /** The office sync: its status, and direct operations on the server in office mode. */
  sync: SyncService
}

type Handler<C extends Channel> = (
  input: ChannelParsed<C>,
  call: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type Handlers = { [C in Channel]: Handler<C> }

function clerk(call: CallContext): ClerkInfo {
  if (!call.session.clerk) throw new OknoError('UNAUTHENTICATED', 'Войдите в систему.')
  return call.session.clerk
}
const clerkId = (call: CallContext): string => clerk(call).id

export const handlers = {
  'app:info': (_, c) => appInfo(c.ctx, c.shell, c.version),
  'sessions:current': (_, c) => sessionInfo(c.session),
  'sessions:signIn': (i, c) => signIn(c.ctx, c.session, i.login, i.password),
  'sessions:signOut': (_, c) => signOut(c.ctx, c.session),
  'sessions:lock': (_, c) => lockSession(c.ctx, c.session, 'manual'),
  'sessions:unlock': (i, c) => unlockSession(c.ctx, c.session, i.password),
  'sessions:touch': (_, c) => touchSession(c.ctx, c.session),
  'accounts:search': (i, c) => searchAccounts(c.ctx, i.query, clerkId(c)),
  'accounts:get': (i, c) => getAccountCard(c.ctx, i.accountId, clerkId(c)),
  'settings:get': (_, c) => workstationSettings(c.ctx),
  'settings:update': (i, c) => updateWorkstationSettings(c.ctx, clerkId(c), i),
  'audit:verify': (_, c) => verifyAuditChain(c.ctx),
  'cabinets:state': (i, c) => cabinetState(c.ctx, i.accountId),
  'cabinets:register': (i, c) =>
    c.sync.direct('регистрация личного кабинета', (ctx) => registerCabinet(ctx, clerk(c), i)),
  'cabinets:reset': (i, c) => resetCabinetPassword(c.ctx, clerk(c), i),
  'cabinets:attach': (i, c) => attachAccount(c.ctx, clerkId(c), i),
  'cabinets:unblockReset': (i, c) => unblockReset(c.ctx, clerkId(c), i),
  'cabinets:revealPassport': (i, c) => revealPassport(c.ctx, clerkId(c), i.personId),
  // A document made for one paper (the A4 bill) names it; anything else prints on the workstation's.
  'printing:print': (i, c) =>
    c.printer.print(i.document, { ...c.ctx.settings.get().printer, ...(i.paper ? { paper: i.paper } : {}) }),
  'printing:printers': (_, c) => c.printer.listPrinters(),
  'readings:form': (i, c) => readingsForm(c.ctx, i.accountId),
  'readings:check': (i, c) => checkReadings(c.ctx, i),
  'readings:post': (i, c) => postReadings(c.ctx, clerk(c), i),
  'readings:history': (i, c) => readingsHistory(c.ctx, i.accountId),
  // In office mode the run is the server's (every desk's readings are there); desks then replace
  // the month's charges with the server's as one change.
  'charges:run': (i, c) =>
    c.sync.direct('расчёт начислений', (ctx) => runChargesShared(ctx, i.period, clerkId(c))),
  'charges:statement': (i, c) => accountStatement(c.ctx, i.accountId, i.from, i.to),
  'charges:month': (i, c) => monthDetail(c.ctx, i.accountId, i.period),
  'charges:balance': (i, c) => accountBalance(c.ctx, i.accountId, i.asOf),
  'shifts:state': (_, c) => cashDeskState(c.ctx),
  'shifts:open': (i, c) => openShift(c.ctx, clerk(c), i),
  'shifts:cashMove': (i, c) => moveCash(c.ctx, clerk(c), i),
  'shifts:xReport': (_, c) => xReport(c.ctx, clerk(c)),
  'shifts:close': (i, c) => c.sync.direct('закрытие смены', (ctx) => closeShift(ctx, clerk(c), i)),
  'shifts:zReport': (i, c) => zReport(c.ctx, clerk(c), i.shiftId),
  'shifts:list': (_, c) => listShifts(c.ctx),
  'shifts:receipts': (i, c) => shiftReceipts(c.ctx, clerk(c), i.shiftId),
  'payments:draft': (i, c) => paymentDraft(c.ctx, i.accountId),
  'payments:post': (i, c) => postPayment(c.ctx, clerk(c), i),
  'payments:reverse': (i, c) => reversePayment(c.ctx, clerk(c), i),
  'payments:receipt': (i, c) => receiptDocument(c.ctx, clerk(c), i.paymentId),
  'payments:print': (i, c) => printReceipt(c.ctx, c.printer, clerk(c), i.paymentId),
  'payments:markPrinted': (i, c) => markPrinted(c.ctx, clerk(c), i.paymentId),
  'charges:bill': (i, c) => billDocument(c.ctx, i.accountId, i.period),
  'printing:pdf': (i, c) => c.printer.pdf(i.document),
  'payments:report': (i, c) => paymentsReport(c.ctx, i, clerk(c)),
  'payments:reportXlsx': (i, c) => paymentsReportXlsx(c.ctx, i, clerk(c)),
  'payments:reportDocument': (i, c) => paymentsReportDocument(c.ctx, i, clerk(c)),
  'appointments:meta': (_, c) => appointmentMeta(c.ctx),
  'appointments:slots': (i, c) => freeSlotsFor(c.ctx, i),
  'appointments:book': (i, c) => c.sync.direct('запись на приём', (ctx) => bookAppointment(ctx, clerk(c), i)),
  'appointments:cancel': (i, c) => cancelAppointment(c.ctx, clerk(c), i.appointmentId, i.reason),
  'appointments:reschedule': (i, c) =>
    c.sync.direct('перенос записи на приём', (ctx) => rescheduleAppointment(ctx, clerk(c), i)),
  'appointments:mark': (i, c) => markAppointment(c.ctx, clerk(c), i.appointmentId, i.status),
  'appointments:day': (i, c) => dayBoard(c.ctx, i.officeId, i.date),
  'appointments:week': (i, c) => weekLoad(c.ctx, i.officeId, i.from),
  'appointments:search': (i, c) => searchAppointments(c.ctx, i.query),
  'appointments:forAccount': (i, c) => accountAppointments(c.ctx, i.accountId),
  'appointments:ticket': (i, c) => appointmentTicket(c.ctx, i.appointmentId),
  'schedules:get': (i, c) => officeSchedule(c.ctx, i.officeId),
  'schedules:save': (i, c) => saveOfficeSchedule(c.ctx, clerkId(c), i),
  'schedules:calendar': (i, c) => listCalendar(c.ctx, i.year),
  'schedules:saveCalendar': (i, c) => saveCalendar(c.ctx, clerkId(c), i),
  'schedules:importCalendar': (i, c) => importCalendar(c.ctx, clerkId(c), i),
  'schedules:saveClosure': (i, c) => saveClosure(c.ctx, clerkId(c), i),
  'schedules:topics': (_, c) => listAllTopics(c.ctx),
  'schedules:saveTopic': (i, c) => saveTopic(c.ctx, clerkId(c), i),
  'appointments:report': (i, c) => appointmentsReport(c.ctx, i, clerk(c)),
  'appointments:reportXlsx': (i, c) => appointmentsReportXlsx(c.ctx, i, clerk(c)),
  'sync:status': (_, c) => c.sync.status(),
  'sync:now': (_, c) => c.sync.syncNow(),
  'sync:outbox': (i, c) => c.sync.outbox(i.filter, i.limit),
  'sync:retryFailed': (_, c) => c.sync.retryFailed(clerkId(c)),
  'sync:settings': (_, c) => c.sync.settings(),
  'sync:saveSettings': (i, c) => c.sync.saveSettings(clerkId(c), i),
  'sync:testServer': (i, c) => c.sync.testServer(i),
} satisfies Handlers
