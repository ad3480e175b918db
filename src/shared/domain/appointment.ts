// Reception appointments as the desk sees them. Dates YYYY-MM-DD and times HH:MM are the
// organisation's wall clock; instants ISO 8601 UTC.
import type { FreeSlot } from '../appointments/slots'
import type { OfficeRef } from './app'
import type { PrintDocument } from '../print/document'

export type { FreeSlot }

export type AppointmentStatus = 'booked' | 'arrived' | 'served' | 'cancelled' | 'no_show'

export const APPOINTMENT_STATUS_NAMES: Record<AppointmentStatus, string> = {
  booked: 'записан',
  arrived: 'пришёл',
  served: 'принят',
  cancelled: 'отменена',
  no_show: 'не пришёл',
}

export interface AppointmentTopic {
  id: string
  code: string
  name: string
  durationMinutes: number
  whatToBring: string
  active: boolean
}

export interface AppointmentRules {
  slotMinutes: number
  horizonDays: number
  minNoticeMinutes: number
  maxFuturePerCustomer: number
}

export interface AppointmentMeta {
  offices: OfficeRef[]
  topics: AppointmentTopic[]
  rules: AppointmentRules
  /** The workstation's office, where the desk books by default. */
  officeId: string | null
  today: string
}

export interface AppointmentView {
  id: string
  officeId: string
  officeName: string
  topicId: string
  topicName: string
  date: string
  starts: string
  ends: string
  startsAt: string
  accountId: string | null
  accountNumber: string | null
  personName: string
  phone: string
  ticketCode: string
  status: AppointmentStatus
  cancelReason: string | null
  /** The appointment this one replaced, and the one that replaced it. */
  rescheduledFrom: string | null
  rescheduledTo: string | null
  createdAt: string
}

export interface AppointmentBooked {
  appointment: AppointmentView
  ticket: PrintDocument
}

/** One office's day: its grid, capacity, and who is booked when. */
export interface DayBoard {
  officeId: string
  date: string
  /** Null when the office does not receive that day (a holiday, a closure, a day off). */
  plan: {
    opens: string
    closes: string
    breakFrom: string | null
    breakTo: string | null
    capacity: number
  } | null
  /** Why the office is closed that day, when it is. */
  closedReason: string | null
  times: string[]
  appointments: AppointmentView[]
}

export interface DayLoad {
  date: string
  /** Seats on the grid (steps × capacity); 0 when closed. */
  seats: number
  /** Seats held by booked or arrived appointments. */
  taken: number
  appointments: number
  closed: boolean
}
