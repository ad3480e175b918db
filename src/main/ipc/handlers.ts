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
  'session:current': (_, c) => sessionInfo(c.session),
  'session:signIn': (i, c) => signIn(c.ctx, c.session, i.login, i.password),
  'session:signOut': (_, c) => signOut(c.ctx, c.session),
  'session:lock': (_, c) => lockSession(c.ctx, c.session, 'manual'),
  'session:unlock': (i, c) => unlockSession(c.ctx, c.session, i.password),
  'session:touch': (_, c) => touchSession(c.ctx, c.session),
  'accounts:search': (i, c) => searchAccounts(c.ctx, i.query, clerkId(c)),
  'accounts:get': (i, c) => getAccountCard(c.ctx, i.accountId, clerkId(c)),
  'settings:get': (_, c) => workstationSettings(c.ctx),
  'settings:update': (i, c) => updateWorkstationSettings(c.ctx, clerkId(c), i),
  'audit:verify': (_, c) => verifyAuditChain(c.ctx),
  'cabinet:state': (i, c) => cabinetState(c.ctx, i.accountId),
  'cabinet:register': (i, c) =>
    c.sync.direct('регистрация личного кабинета', (ctx) => registerCabinet(ctx, clerk(c), i)),
  'cabinet:reset': (i, c) => resetCabinetPassword(c.ctx, clerk(c), i),
  'cabinet:attach': (i, c) => attachAccount(c.ctx, clerkId(c), i),
  'cabinet:unblockReset': (i, c) => unblockReset(c.ctx, clerkId(c), i),
  'passport:reveal': (i, c) => revealPassport(c.ctx, clerkId(c), i.personId),
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
  'account:statement': (i, c) => accountStatement(c.ctx, i.accountId, i.from, i.to),
  'account:month': (i, c) => monthDetail(c.ctx, i.accountId, i.period),
  'account:balance': (i, c) => accountBalance(c.ctx, i.accountId, i.asOf),
  'cash:state': (_, c) => cashDeskState(c.ctx),
  'shift:open': (i, c) => openShift(c.ctx, clerk(c), i),
  'shift:cashMove': (i, c) => moveCash(c.ctx, clerk(c), i),
  'shift:xReport': (_, c) => xReport(c.ctx, clerk(c)),
  'shift:close': (i, c) => c.sync.direct('закрытие смены', (ctx) => closeShift(ctx, clerk(c), i)),
  'shift:zReport': (i, c) => zReport(c.ctx, clerk(c), i.shiftId),
  'shift:list': (_, c) => listShifts(c.ctx),
  'shift:receipts': (i, c) => shiftReceipts(c.ctx, clerk(c), i.shiftId),
  'payment:draft': (i, c) => paymentDraft(c.ctx, i.accountId),
  'payment:post': (i, c) => postPayment(c.ctx, clerk(c), i),
  'payment:reverse': (i, c) => reversePayment(c.ctx, clerk(c), i),
  'payment:receipt': (i, c) => receiptDocument(c.ctx, clerk(c), i.paymentId),
  'payment:print': (i, c) => printReceipt(c.ctx, c.printer, clerk(c), i.paymentId),
  'payment:markPrinted': (i, c) => markPrinted(c.ctx, clerk(c), i.paymentId),
  'bill:document': (i, c) => billDocument(c.ctx, i.accountId, i.period),
  'printing:pdf': (i, c) => c.printer.pdf(i.document),
  'reports:payments': (i, c) => paymentsReport(c.ctx, i, clerk(c)),
  'reports:paymentsXlsx': (i, c) => paymentsReportXlsx(c.ctx, i, clerk(c)),
  'reports:paymentsDocument': (i, c) => paymentsReportDocument(c.ctx, i, clerk(c)),
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
  'schedule:get': (i, c) => officeSchedule(c.ctx, i.officeId),
  'schedule:save': (i, c) => saveOfficeSchedule(c.ctx, clerkId(c), i),
  'calendar:list': (i, c) => listCalendar(c.ctx, i.year),
  'calendar:save': (i, c) => saveCalendar(c.ctx, clerkId(c), i),
  'calendar:import': (i, c) => importCalendar(c.ctx, clerkId(c), i),
  'closures:save': (i, c) => saveClosure(c.ctx, clerkId(c), i),
  'topics:list': (_, c) => listAllTopics(c.ctx),
  'topics:save': (i, c) => saveTopic(c.ctx, clerkId(c), i),
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
