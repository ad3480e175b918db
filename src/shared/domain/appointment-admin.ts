// What the administrator edits for reception appointments (issue 6 item 1) and the appointments
// report (item 6). Dates YYYY-MM-DD and times HH:MM are the organisation's wall clock.
import type { CalendarKind } from '../appointments/slots'

export type { CalendarKind }

/** Monday first, as ISO weekdays 1…7. */
export const WEEKDAY_NAMES = [
  'Понедельник',
  'Вторник',
  'Среда',
  'Четверг',
  'Пятница',
  'Суббота',
  'Воскресенье',
] as const

export const CALENDAR_KINDS = ['holiday', 'short', 'workday'] as const satisfies readonly CalendarKind[]

export const CALENDAR_KIND_NAMES: Record<CalendarKind, string> = {
  holiday: 'нерабочий праздничный день',
  short: 'сокращённый предпраздничный день',
  workday: 'рабочий день (перенос с выходного)',
}

/** One weekday of an office's plan; a day off has `working: false` and its times are ignored. */
export interface WeekdayPlan {
  weekday: number
  working: boolean
  opens: string
  closes: string
  breakFrom: string | null
  breakTo: string | null
  /** Specialists receiving at once, 1…20. */
  capacity: number
}

export interface OfficeClosure {
  date: string
  reason: string
}

export interface OfficeSchedule {
  officeId: string
  officeName: string
  /** Seven entries, Monday first. */
  days: WeekdayPlan[]
  /** The office's own closed days from today on. */
  closures: OfficeClosure[]
  /** The grid step every topic's duration is a multiple of. */
  stepMinutes: number
  today: string
}

export interface CalendarDay {
  date: string
  kind: CalendarKind
  name: string
}

export interface CalendarYear {
  year: number
  days: CalendarDay[]
}

/** How many appointments of a group ended how; `total` leaves out the ones moved to another time. */
export interface AppointmentCounts {
  total: number
  booked: number
  arrived: number
  served: number
  cancelled: number
  noShow: number
  /** Moved to another time (counted again, at the new time, in its own day). */
  rescheduled: number
}

export interface AppointmentReportRow extends AppointmentCounts {
  date: string
  officeId: string
  officeName: string
  topicId: string
  topicName: string
}

export interface AppointmentReportGroup extends AppointmentCounts {
  key: string
  name: string
}

export interface AppointmentReport {
  /** «Записи на приём за 01.11.2026–30.11.2026». */
  title: string
  from: string
  to: string
  /** The office the report is limited to; null: every office. */
  officeName: string | null
  organisationName: string
  generatedAt: string
  generatedByName: string
  rows: AppointmentReportRow[]
  byOffice: AppointmentReportGroup[]
  byTopic: AppointmentReportGroup[]
  byDay: AppointmentReportGroup[]
  total: AppointmentCounts
}

/** The report as an .xlsx file (base64) and the name to save it under. */
export interface AppointmentReportXlsx {
  fileName: string
  base64: string
}
