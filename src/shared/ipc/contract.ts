// The one IPC contract: channel → input schema, output type, and who may call it.
// Main's handlers, the preload, the browser bridge and the renderer client all follow this map.
import { z } from 'zod'
import type { AccountCard, AccountSearchResult } from '../domain/account'
import type { AppInfo, AuditVerification, WorkstationSettingsView } from '../domain/app'
import type { SessionInfo } from '../domain/clerk'
import type {
  AccountBalance,
  AccountStatement,
  ChargeRunResult,
  MeterHistory,
  MonthDetail,
  ReadingCheckResult,
  ReadingsForm,
  ReadingsPosted,
} from '../domain/billing'
import type { CabinetIssued, CabinetState, PassportView } from '../domain/cabinet'
import { printRequestSchema, type PdfResult, type PrinterInfo, type PrintResult } from '../print/document'
import type { Channel } from './channels'
import type {
  AppointmentBooked,
  AppointmentMeta,
  AppointmentView,
  DayBoard,
  DayLoad,
  FreeSlot,
} from '../domain/appointment'
import {
  appointmentIdSchema,
  appointmentSearchSchema,
  bookSchema,
  cancelSchema,
  dayBoardSchema,
  markSchema,
  rescheduleSchema,
  slotsQuerySchema,
  weekSchema,
} from './schemas/appointment'
import {
  accountIdSchema,
  cabinetAttachSchema,
  cabinetRegisterSchema,
  cabinetResetSchema,
  cabinetUnblockSchema,
  personIdSchema,
} from './schemas/cabinet'
import {
  accountAsOfSchema,
  accountPeriodSchema,
  accountRangeSchema,
  periodSchema,
  readingsInputSchema,
} from './schemas/billing'
import { settingsUpdateSchema } from '../settings'
import type {
  CashDeskState,
  PaymentDraft,
  PaymentPosted,
  ReceiptSummary,
  ShiftClosed,
  ShiftView,
} from '../domain/cash'
import type { PrintDocument } from '../print/document'
import {
  cashMoveSchema,
  paymentDraftSchema,
  paymentIdSchema,
  paymentPostSchema,
  paymentReverseSchema,
  shiftCloseSchema,
  shiftIdSchema,
  shiftOpenSchema,
} from './schemas/cash'
import type { PaymentsReport, PaymentsXlsx } from '../domain/cash-report'
import { paymentsReportSchema } from './schemas/cash-report'
import type { AppointmentTopic } from '../domain/appointment'
import type {
  AppointmentReport,
  AppointmentReportXlsx,
  CalendarYear,
  OfficeSchedule,
} from '../domain/appointment-admin'
import {
  appointmentReportSchema,
  calendarImportSchema,
  calendarListSchema,
  calendarSaveSchema,
  closureSaveSchema,
  scheduleGetSchema,
  scheduleSaveSchema,
  topicSaveSchema,
} from './schemas/appointment-admin'

import type { OutboxList, ServerCheck, SyncSettingsView, SyncStatus } from '../domain/sync'
import { outboxListSchema, syncServerSchema, syncSettingsSchema } from './schemas/sync'

/**
 * public: anyone (sign-in screen); session: a signed-in clerk, even while the screen is locked;
 * clerk: a signed-in clerk with the screen unlocked; supervisor/administrator: that role or higher.
 */
export type Access = 'public' | 'session' | 'clerk' | 'supervisor' | 'administrator'

interface ChannelSpec<I extends z.ZodType, O> {
  input: I
  access: Access
  /** Phantom: carries the output type, never read at run time. */
  output?: O
}

function channel<I extends z.ZodType, O>(access: Access, input: I): ChannelSpec<I, O> {
  return { input, access }
}

const empty = z.object({}).strict()
const id = z.uuid({ message: 'Ожидался идентификатор записи' })

export const contract = {
  'app:info': channel<typeof empty, AppInfo>('public', empty),
  'sessions:current': channel<typeof empty, SessionInfo | null>('public', empty),
  'sessions:signIn': channel<z.ZodType<{ login: string; password: string }>, SessionInfo>(
    'public',
    z
      .object({
        login: z.string().trim().min(1, 'Введите логин').max(64, 'Логин не длиннее 64 символов'),
        password: z.string().min(1, 'Введите пароль').max(256, 'Пароль не длиннее 256 символов'),
      })
      .strict(),
  ),
  'sessions:signOut': channel<typeof empty, null>('session', empty),
  'sessions:lock': channel<typeof empty, SessionInfo>('session', empty),
  'sessions:unlock': channel<z.ZodType<{ password: string }>, SessionInfo>(
    'session',
    z.object({ password: z.string().min(1, 'Введите пароль').max(256) }).strict(),
  ),
  'sessions:touch': channel<typeof empty, null>('clerk', empty),
  'accounts:search': channel<z.ZodType<{ query: string }>, AccountSearchResult>(
    'clerk',
    // Long or odd input is not an error: the service reads what it can and ignores the rest.
    z.object({ query: z.string().max(20_000, 'Слишком длинный запрос') }).strict(),
  ),
  'accounts:get': channel<z.ZodType<{ accountId: string }>, AccountCard>(
    'clerk',
    z.object({ accountId: id }).strict(),
  ),
  'settings:get': channel<typeof empty, WorkstationSettingsView>('clerk', empty),
  'settings:update': channel<typeof settingsUpdateSchema, WorkstationSettingsView>(
    'administrator',
    settingsUpdateSchema,
  ),
  'audit:verify': channel<typeof empty, AuditVerification>('administrator', empty),
  'cabinets:state': channel<typeof accountIdSchema, CabinetState>('clerk', accountIdSchema),
  'cabinets:register': channel<typeof cabinetRegisterSchema, CabinetIssued>('clerk', cabinetRegisterSchema),
  'cabinets:reset': channel<typeof cabinetResetSchema, CabinetIssued>('clerk', cabinetResetSchema),
  'cabinets:attach': channel<typeof cabinetAttachSchema, CabinetState>('clerk', cabinetAttachSchema),
  'cabinets:unblockReset': channel<typeof cabinetUnblockSchema, CabinetState>(
    'supervisor',
    cabinetUnblockSchema,
  ),
  'cabinets:revealPassport': channel<typeof personIdSchema, PassportView>('clerk', personIdSchema),
  'printing:print': channel<typeof printRequestSchema, PrintResult>('clerk', printRequestSchema),
  'printing:printers': channel<typeof empty, PrinterInfo[]>('clerk', empty),
  'readings:form': channel<typeof accountIdSchema, ReadingsForm>('clerk', accountIdSchema),
  'readings:check': channel<typeof readingsInputSchema, ReadingCheckResult>('clerk', readingsInputSchema),
  'readings:post': channel<typeof readingsInputSchema, ReadingsPosted>('clerk', readingsInputSchema),
  'readings:history': channel<typeof accountIdSchema, MeterHistory[]>('clerk', accountIdSchema),
  'charges:run': channel<typeof periodSchema, ChargeRunResult>('supervisor', periodSchema),
  'charges:statement': channel<typeof accountRangeSchema, AccountStatement>('clerk', accountRangeSchema),
  'charges:month': channel<typeof accountPeriodSchema, MonthDetail>('clerk', accountPeriodSchema),
  'charges:balance': channel<typeof accountAsOfSchema, AccountBalance>('clerk', accountAsOfSchema),
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
  'charges:bill': channel<typeof accountPeriodSchema, PrintDocument>('clerk', accountPeriodSchema),
  'printing:pdf': channel<typeof printRequestSchema, PdfResult>('clerk', printRequestSchema),
  // A clerk sees their own shift and their own payments of a day; a supervisor any shift and the
  // whole office's day (judged in main by src/main/services/cash/reports.ts).
  'payments:report': channel<typeof paymentsReportSchema, PaymentsReport>('clerk', paymentsReportSchema),
  'payments:reportXlsx': channel<typeof paymentsReportSchema, PaymentsXlsx>('clerk', paymentsReportSchema),
  'payments:reportDocument': channel<typeof paymentsReportSchema, PrintDocument>(
    'clerk',
    paymentsReportSchema,
  ),
  'appointments:meta': channel<typeof empty, AppointmentMeta>('clerk', empty),
  'appointments:slots': channel<typeof slotsQuerySchema, FreeSlot[]>('clerk', slotsQuerySchema),
  'appointments:book': channel<typeof bookSchema, AppointmentBooked>('clerk', bookSchema),
  'appointments:cancel': channel<typeof cancelSchema, AppointmentView>('clerk', cancelSchema),
  'appointments:reschedule': channel<typeof rescheduleSchema, AppointmentBooked>('clerk', rescheduleSchema),
  'appointments:mark': channel<typeof markSchema, AppointmentView>('clerk', markSchema),
  'appointments:day': channel<typeof dayBoardSchema, DayBoard>('clerk', dayBoardSchema),
  'appointments:week': channel<typeof weekSchema, DayLoad[]>('clerk', weekSchema),
  'appointments:search': channel<typeof appointmentSearchSchema, AppointmentView[]>(
    'clerk',
    appointmentSearchSchema,
  ),
  'appointments:forAccount': channel<typeof accountIdSchema, AppointmentView[]>('clerk', accountIdSchema),
  'appointments:ticket': channel<typeof appointmentIdSchema, PrintDocument>('clerk', appointmentIdSchema),
  'schedules:get': channel<typeof scheduleGetSchema, OfficeSchedule>('clerk', scheduleGetSchema),
  'schedules:save': channel<typeof scheduleSaveSchema, OfficeSchedule>('administrator', scheduleSaveSchema),
  'schedules:calendar': channel<typeof calendarListSchema, CalendarYear>('clerk', calendarListSchema),
  'schedules:saveCalendar': channel<typeof calendarSaveSchema, CalendarYear>('administrator', calendarSaveSchema),
  'schedules:importCalendar': channel<typeof calendarImportSchema, CalendarYear>(
    'administrator',
    calendarImportSchema,
  ),
  'schedules:saveClosure': channel<typeof closureSaveSchema, OfficeSchedule>('administrator', closureSaveSchema),
  'schedules:topics': channel<typeof empty, AppointmentTopic[]>('clerk', empty),
  'schedules:saveTopic': channel<typeof topicSaveSchema, AppointmentTopic[]>('administrator', topicSaveSchema),
  'appointments:report': channel<typeof appointmentReportSchema, AppointmentReport>(
    'supervisor',
    appointmentReportSchema,
  ),
  'appointments:reportXlsx': channel<typeof appointmentReportSchema, AppointmentReportXlsx>(
    'supervisor',
    appointmentReportSchema,
  ),
  'sync:status': channel<typeof empty, SyncStatus>('session', empty),
  'sync:now': channel<typeof empty, SyncStatus>('clerk', empty),
  'sync:outbox': channel<typeof outboxListSchema, OutboxList>('supervisor', outboxListSchema),
  'sync:retryFailed': channel<typeof empty, SyncStatus>('supervisor', empty),
  'sync:settings': channel<typeof empty, SyncSettingsView>('clerk', empty),
  'sync:saveSettings': channel<typeof syncSettingsSchema, SyncSettingsView>(
    'administrator',
    syncSettingsSchema,
  ),
  'sync:testServer': channel<typeof syncServerSchema, ServerCheck>('administrator', syncServerSchema),
} as const satisfies Record<Channel, ChannelSpec<z.ZodType, unknown>>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Exclude<Contract[C]['output'], undefined>
