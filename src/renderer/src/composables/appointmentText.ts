// How appointments read at the desk: a day as «пн, 23.11.2026», a visit's date and time, its
// status in words, and the Monday a week overview starts from.
import { isoWeekday } from '../../../shared/appointments/zoned-time'
import { addDays, formatDateRu } from '../../../shared/dates'
import { APPOINTMENT_STATUS_NAMES, type AppointmentView } from '../../../shared/domain/appointment'

const WEEKDAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'] as const

/** «пн, 23.11.2026». */
export function dayLabel(date: string): string {
  return `${WEEKDAYS[isoWeekday(date) - 1]}, ${formatDateRu(date)}`
}

/** «пн, 23.11.2026, 10:30–10:45». */
export function visitLabel(a: Pick<AppointmentView, 'date' | 'starts' | 'ends'>): string {
  return `${dayLabel(a.date)}, ${a.starts}–${a.ends}`
}

export function statusName(a: Pick<AppointmentView, 'status'>): string {
  return APPOINTMENT_STATUS_NAMES[a.status]
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

/** Chip colour per status: booked calm, arrived and served done, the rest muted. */
export function statusColor(a: Pick<AppointmentView, 'status'>): string {
  if (a.status === 'arrived') return 'success'
  if (a.status === 'booked') return 'primary'
  return 'secondary'
}
