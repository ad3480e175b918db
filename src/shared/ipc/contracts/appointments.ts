// The contract of appointments: the board, booking, the ticket, the report; the office schedules,
// calendar and topics: channel → input schema, output type, access. Joined with the other
// capabilities' in ../contract.ts.
import type {
  AppointmentBooked,
  AppointmentMeta,
  AppointmentTopic,
  AppointmentView,
  DayBoard,
  DayLoad,
  FreeSlot,
} from '../../domain/appointment'
import type {
  AppointmentReport,
  AppointmentReportXlsx,
  CalendarYear,
  OfficeSchedule,
} from '../../domain/appointment-admin'
import type { PrintDocument } from '../../print/document'
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
} from '../schemas/appointment'
import {
  appointmentReportSchema,
  calendarImportSchema,
  calendarListSchema,
  calendarSaveSchema,
  closureSaveSchema,
  scheduleGetSchema,
  scheduleSaveSchema,
  topicSaveSchema,
} from '../schemas/appointment-admin'
import { accountIdSchema } from '../schemas/cabinet'
import { channel, empty } from '../channel-spec'

export const appointmentsContract = {
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
  'schedules:saveCalendar': channel<typeof calendarSaveSchema, CalendarYear>(
    'administrator',
    calendarSaveSchema,
  ),
  'schedules:importCalendar': channel<typeof calendarImportSchema, CalendarYear>(
    'administrator',
    calendarImportSchema,
  ),
  'schedules:saveClosure': channel<typeof closureSaveSchema, OfficeSchedule>(
    'administrator',
    closureSaveSchema,
  ),
  'schedules:topics': channel<typeof empty, AppointmentTopic[]>('clerk', empty),
  'schedules:saveTopic': channel<typeof topicSaveSchema, AppointmentTopic[]>(
    'administrator',
    topicSaveSchema,
  ),
  'appointments:report': channel<typeof appointmentReportSchema, AppointmentReport>(
    'supervisor',
    appointmentReportSchema,
  ),
  'appointments:reportXlsx': channel<typeof appointmentReportSchema, AppointmentReportXlsx>(
    'supervisor',
    appointmentReportSchema,
  ),
} as const
