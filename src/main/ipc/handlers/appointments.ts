// The handlers of appointments: the board, booking, the ticket, the report; the office schedules,
// calendar and topics: each channel's input to its service. Joined with the other capabilities' in
// ../handlers.ts.
import { appointmentMeta, dayBoard, weekLoad } from '../../services/appointments/board'
import {
  bookAppointment,
  cancelAppointment,
  markAppointment,
  rescheduleAppointment,
} from '../../services/appointments/booking'
import { appointmentsReport, appointmentsReportXlsx } from '../../services/appointments/report'
import {
  importCalendar,
  listAllTopics,
  listCalendar,
  officeSchedule,
  saveCalendar,
  saveClosure,
  saveOfficeSchedule,
  saveTopic,
} from '../../services/appointments/schedule'
import { freeSlotsFor } from '../../services/appointments/slots-load'
import { accountAppointments, appointmentTicket, searchAppointments } from '../../services/appointments/views'
import { clerk, clerkId, type HandlersOf } from './call-context'

export const appointmentsHandlers = {
  'appointments:meta': (_, c) => appointmentMeta(c.ctx),
  'appointments:slots': (i, c) => freeSlotsFor(c.ctx, i),
  'appointments:book': (i, c) =>
    c.sync.direct('запись на приём', 'appointments.book', i, clerkId(c), () =>
      bookAppointment(c.ctx, clerk(c), i),
    ),
  'appointments:cancel': (i, c) => cancelAppointment(c.ctx, clerk(c), i.appointmentId, i.reason),
  'appointments:reschedule': (i, c) =>
    c.sync.direct('перенос записи на приём', 'appointments.reschedule', i, clerkId(c), () =>
      rescheduleAppointment(c.ctx, clerk(c), i),
    ),
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
} satisfies HandlersOf<'appointments' | 'schedules'>
