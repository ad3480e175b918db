// Free reception slots: an office's weekly plan with its break, the production calendar (holidays
// closed, pre-holiday days an hour shorter, weekend working days open), the office's own closed
// days, the number of specialists receiving at once, the booking horizon and minimum notice, and
// the seats already taken. A topic longer than the grid's step needs a free seat on every step
// it covers. Pure: the booking service and the tests share it; all times are the organisation's.
import { addDays } from '../dates'
import { isoWeekday, minutesOf, timeOf, zonedInstant } from './zoned-time'

export interface DayPlan {
  opens: string
  closes: string
  breakFrom: string | null
  breakTo: string | null
  /** Specialists receiving at once. */
  capacity: number
}

export type CalendarKind = 'holiday' | 'short' | 'workday'

export interface SlotRules {
  stepMinutes: number
  horizonDays: number
  minNoticeMinutes: number
}

export interface OfficeCalendar {
  /** By ISO weekday (1 = Monday); a missing day is closed. */
  week: ReadonlyMap<number, DayPlan>
  /** The production calendar's exceptions by date. */
  calendar: ReadonlyMap<string, CalendarKind>
  /** The office's own closed days. */
  closures: ReadonlySet<string>
}

export interface SlotQuery extends OfficeCalendar, SlotRules {
  from: string
  to: string
  durationMinutes: number
  now: Date
  /** The organisation's business date at `now`. */
  today: string
  timeZone: string
  /** Seats taken per step: key `${date} ${time}`. */
  taken: ReadonlyMap<string, number>
}

export interface FreeSlot {
  date: string
  time: string
  ends: string
  startsAt: string
  /** Seats free on every step the topic covers. */
  free: number
  capacity: number
}

/** A pre-holiday day is one hour shorter (Трудовой кодекс РФ, ст. 95). */
const SHORT_DAY_MINUTES = 60

/** The plan the office works to on `date`, or null when it does not receive that day. */
export function dayPlan(date: string, office: OfficeCalendar): DayPlan | null {
  if (office.closures.has(date)) return null
  const kind = office.calendar.get(date)
  if (kind === 'holiday') return null
  const weekday = isoWeekday(date)
  // A weekend day made a working day by the calendar (shortened or not) is worked like a Monday.
  const plan =
    office.week.get(weekday) ?? (kind === 'workday' || kind === 'short' ? office.week.get(1) : undefined)
  if (!plan || plan.capacity <= 0) return null
  if (kind !== 'short') return plan
  return { ...plan, closes: timeOf(minutesOf(plan.closes) - SHORT_DAY_MINUTES) }
}

/** The steps (start times) a topic of `duration` starting at `time` occupies. */
export function stepsCovered(time: string, durationMinutes: number, stepMinutes: number): string[] {
  const start = minutesOf(time)
  const count = Math.max(1, Math.ceil(durationMinutes / stepMinutes))
  return Array.from({ length: count }, (_, i) => timeOf(start + i * stepMinutes))
}

/** Start times of a day's grid where a topic of `duration` fits between opening, break and closing. */
export function dayGrid(plan: DayPlan, durationMinutes: number, stepMinutes: number): string[] {
  const opens = minutesOf(plan.opens)
  const closes = minutesOf(plan.closes)
  const breakFrom = plan.breakFrom ? minutesOf(plan.breakFrom) : null
  const breakTo = plan.breakTo ? minutesOf(plan.breakTo) : null
  const times: string[] = []
  for (let start = opens; start + durationMinutes <= closes; start += stepMinutes) {
    const end = start + durationMinutes
    if (breakFrom !== null && breakTo !== null && start < breakTo && end > breakFrom) continue
    times.push(timeOf(start))
  }
  return times
}

export function freeSlots(q: SlotQuery): FreeSlot[] {
  const last = addDays(q.today, q.horizonDays)
  const earliest = q.now.getTime() + q.minNoticeMinutes * 60_000
  const slots: FreeSlot[] = []
  for (
    let date = q.from < q.today ? q.today : q.from;
    date <= q.to && date <= last;
    date = addDays(date, 1)
  ) {
    const plan = dayPlan(date, q)
    if (!plan) continue
    for (const time of dayGrid(plan, q.durationMinutes, q.stepMinutes)) {
      const startsAt = zonedInstant(date, time, q.timeZone)
      if (startsAt.getTime() < earliest) continue
      const busiest = Math.max(
        ...stepsCovered(time, q.durationMinutes, q.stepMinutes).map((t) => q.taken.get(`${date} ${t}`) ?? 0),
      )
      const free = plan.capacity - busiest
      if (free <= 0) continue
      slots.push({
        date,
        time,
        ends: timeOf(minutesOf(time) + q.durationMinutes),
        startsAt: startsAt.toISOString(),
        free,
        capacity: plan.capacity,
      })
    }
  }
  return slots
}
