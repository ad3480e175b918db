// Reception appointments in the demo: each office's weekly plan (Mon–Thu 08:00–17:00, Fri
// 08:00–16:00, break 12:00–12:45, two or three specialists; closed at the weekend), the
// production calendar for 2026 and 2027, a closed day, and some hundreds of appointments from a
// month before the «as of» date to a month after it — served, missed, cancelled, moved, still
// booked — each holding its seats on the grid as a booking at the desk would, so the day board
// and the report are not empty. Draws from its own seeded stream: the rest of the demo does not
// change with it.
import { dayGrid, dayPlan, stepsCovered, type DayPlan } from '../../shared/appointments/slots'
import { minutesOf, timeOf, zonedInstant } from '../../shared/appointments/zoned-time'
import { DEFAULT_TIME_ZONE, formatDateRu } from '../../shared/dates'
import type { AppointmentStatus } from '../../shared/domain/appointment'
import { DEFAULT_TOPICS } from '../db/migrations/005_appointments'
import { nameKey } from '../services/appointments/views'
import { DayCalendar } from './calendar'
import { household } from './household'
import { DemoIds } from './ids'
import { PRODUCTION_CALENDAR } from './production-calendar'
import { Random } from './random'
import type { DemoSink, Row } from './tables'

const STEP = 15
/** Days before and after the «as of» date that get appointments. */
const SPAN = 30
/** The demo's «now» on the «as of» date (the tests' clock too). */
const NOW_TIME = '10:00'
/** Account holders offered per office (every seventh account, up to this many). */
const CUSTOMERS_PER_OFFICE = 300
const DIGITS = '123456789'
const CANCEL_REASONS = [
  'Клиент отменил по телефону',
  'Вопрос решён через личный кабинет',
  'Заболел, перезвонит',
  'Не сможет прийти в это время',
]
const CLOSURE_REASON = 'Санитарный день'

/** The migration's default topics (their ids are fixed there) and how often each is asked for. */
const TOPICS = DEFAULT_TOPICS.map((t, i) => ({
  id: `00000000-0000-4000-8000-0000000000${String(i + 1).padStart(2, '0')}`,
  name: t.name,
  duration: t.duration,
  weight: [50, 15, 20, 15][i] ?? 10,
}))

function week(capacity: number): Map<number, DayPlan> {
  const day = { opens: '08:00', closes: '17:00', breakFrom: '12:00', breakTo: '12:45', capacity }
  return new Map([
    [1, day],
    [2, day],
    [3, day],
    [4, day],
    [5, { ...day, closes: '16:00' }],
  ])
}

interface Office {
  id: string
  index: number
  week: Map<number, DayPlan>
  closures: Set<string>
  customers: Array<{ accountId: string; name: string }>
}

/** One office-day being filled: seats taken per step and the ticket codes given. */
interface Day {
  office: Office
  date: string
  plan: DayPlan
  seats: Map<string, number[]>
  codes: Set<string>
}

export class DemoAppointments {
  private readonly random: Random
  private readonly ids: DemoIds
  private readonly days = new DayCalendar()
  private readonly asOfDay: number
  private readonly nowMs: number
  private readonly offices: Office[]
  private readonly calendar = new Map(
    Object.values(PRODUCTION_CALENDAR)
      .flat()
      .map((d) => [d.date, d.kind]),
  )
  private offered = 0
  private readonly appointments: Row[] = []
  private readonly seatRows: Row[] = []

  constructor(seed: number, asOf: string, officeIds: readonly string[]) {
    this.random = new Random((seed ^ 0x61707074) >>> 0)
    this.asOfDay = DayCalendar.dayOf(asOf)
    this.ids = new DemoIds(this.random, (this.asOfDay - 100) * 86_400_000)
    this.nowMs = zonedInstant(asOf, NOW_TIME, DEFAULT_TIME_ZONE).getTime()
    this.offices = officeIds.map((id, index) => ({
      id,
      index,
      week: week(index % 2 === 0 ? 3 : 2),
      closures: new Set<string>(),
      customers: [],
    }))
    // The second office closes for a day in the coming weeks.
    const second = this.offices[1]
    if (second) {
      for (let d = this.asOfDay + 9; d < this.asOfDay + SPAN; d++) {
        const date = this.days.format(d)
        if (this.plan(second, date)) {
          second.closures.add(date)
          break
        }
      }
    }
  }

  private plan(office: Office, date: string): DayPlan | null {
    return dayPlan(date, { week: office.week, calendar: this.calendar, closures: office.closures })
  }

  /** An account and its owner's name, as a customer who may book (called for every account). */
  offer(accountId: string, officeId: string, name: string): void {
    if (this.offered++ % 7 !== 0) return
    const office = this.offices.find((o) => o.id === officeId)
    if (office && office.customers.length < CUSTOMERS_PER_OFFICE) office.customers.push({ accountId, name })
  }

  /** The plans, the production calendar and the closed days: written with the offices. */
  async reference(sink: DemoSink): Promise<void> {
    await sink.insert(
      'office_schedules',
      this.offices.flatMap((o) =>
        [...o.week].map(([weekday, p]) => [
          o.id,
          weekday,
          p.opens,
          p.closes,
          p.breakFrom,
          p.breakTo,
          p.capacity,
        ]),
      ),
    )
    await sink.insert(
      'calendar_days',
      [...Object.values(PRODUCTION_CALENDAR).flat()].map((d) => [d.date, d.kind, d.name]),
    )
    await sink.insert(
      'office_closures',
      this.offices.flatMap((o) => [...o.closures].map((date) => [o.id, date, CLOSURE_REASON])),
    )
  }

  /** The appointments and their seats: written after the accounts they refer to. */
  async write(sink: DemoSink): Promise<void> {
    for (const office of this.offices) {
      // Each account holder books once at most: never over the limit of future appointments.
      const customers = [...office.customers]
      for (let d = this.asOfDay - SPAN; d <= this.asOfDay + SPAN; d++) {
        const date = this.days.format(d)
        const plan = this.plan(office, date)
        if (!plan) continue
        const day: Day = { office, date, plan, seats: new Map(), codes: new Set() }
        const wanted = this.random.int(2, 4) + plan.capacity - 2
        for (let k = 0; k < wanted; k++) this.appointment(day, customers)
      }
    }
    for (let i = 0; i < this.appointments.length; i += 500) {
      await sink.insert('appointments', this.appointments.slice(i, i + 500))
    }
    for (let i = 0; i < this.seatRows.length; i += 2000) {
      await sink.insert('appointment_seats', this.seatRows.slice(i, i + 2000))
    }
  }

  private topic(): (typeof TOPICS)[number] {
    let r = this.random.int(
      1,
      TOPICS.reduce((s, t) => s + t.weight, 0),
    )
    for (const t of TOPICS) if ((r -= t.weight) <= 0) return t
    return TOPICS[0] as (typeof TOPICS)[number]
  }

  private status(startsMs: number): AppointmentStatus {
    const r = this.random.next() / 4294967296
    if (startsMs >= this.nowMs) return r < 0.1 ? 'cancelled' : 'booked'
    if (startsMs >= this.nowMs - 45 * 60_000) return r < 0.8 ? 'arrived' : 'booked'
    return r < 0.72 ? 'served' : r < 0.85 ? 'no_show' : 'cancelled'
  }

  private ticketCode(day: Day, topicName: string): string {
    for (;;) {
      const digits = [0, 1, 2].map(() => this.random.pick([...DIGITS])).join('')
      const code = `${topicName.charAt(0).toUpperCase()}-${digits}`
      if (!day.codes.has(code)) {
        day.codes.add(code)
        return code
      }
    }
  }

  /** The lowest free seat of every step, or null when a step is full. */
  private freeSeats(day: Day, steps: string[]): number[] | null {
    const out: number[] = []
    for (const step of steps) {
      const taken = day.seats.get(step) ?? []
      let seat = 1
      while (taken.includes(seat)) seat++
      if (seat > day.plan.capacity) return null
      out.push(seat)
    }
    return out
  }

  private appointment(day: Day, customers: Array<{ accountId: string; name: string }>): void {
    const { random } = this
    const topic = this.topic()
    const grid = dayGrid(day.plan, topic.duration, STEP)
    if (grid.length === 0) return
    const time = random.pick(grid)
    const steps = stepsCovered(time, topic.duration, STEP)
    const startsMs = zonedInstant(day.date, time, DEFAULT_TIME_ZONE).getTime()
    const status = this.status(startsMs)
    const holds = status === 'booked' || status === 'arrived' || status === 'served'
    const seats = holds ? this.freeSeats(day, steps) : []
    if (!seats) return
    const customer =
      customers.length > 0 && random.chance(0.65)
        ? (customers.splice(random.int(0, customers.length - 1), 1)[0] ?? null)
        : null
    const name = customer?.name ?? this.walkInName()
    const phone = customer && random.chance(0.2) ? '' : `+7978${String(random.int(1_000_000, 9_999_999))}`
    const key = customer ? `account:${customer.accountId}` : `phone:${phone}`
    const createdMs = Math.min(
      startsMs - random.int(1, 14) * 86_400_000 - random.int(0, 480) * 60_000,
      this.nowMs - random.int(5, 600) * 60_000,
    )
    const created = new Date(createdMs).toISOString()
    // Marked or cancelled by the end of the visit (or by now); a booking untouched since made.
    const updated =
      status === 'booked'
        ? created
        : new Date(
            Math.max(createdMs, Math.min(startsMs + topic.duration * 60_000, this.nowMs)),
          ).toISOString()
    const id = this.ids.next()
    const row = (
      rowId: string,
      at: string,
      state: AppointmentStatus,
      reason: string | null,
      from: string | null,
      to: string | null,
    ): Row => [
      rowId,
      day.office.id,
      topic.id,
      day.date,
      at,
      timeOf(minutesOf(at) + topic.duration),
      zonedInstant(day.date, at, DEFAULT_TIME_ZONE).toISOString(),
      customer?.accountId ?? null,
      name,
      nameKey(name),
      phone,
      key,
      this.ticketCode(day, topic.name),
      state,
      reason,
      from,
      to,
      created,
      updated,
    ]
    let movedFrom: string | null = null
    if (status === 'booked' && random.chance(0.06)) {
      // Moved here from another time of the same day: that one is cancelled and points here.
      movedFrom = this.ids.next()
      const reason = `Перенесена на ${formatDateRu(day.date)} ${time}`
      this.appointments.push(row(movedFrom, random.pick(grid), 'cancelled', reason, null, id))
    }
    const reason = status === 'cancelled' ? random.pick(CANCEL_REASONS) : null
    this.appointments.push(row(id, time, status, reason, movedFrom, null))
    steps.forEach((step, i) => {
      const seat = seats[i]
      if (seat === undefined) return
      day.seats.set(step, [...(day.seats.get(step) ?? []), seat])
      this.seatRows.push([day.office.id, day.date, step, seat, id])
    })
  }

  private walkInName(): string {
    const p = household(this.random, 2000)[0]
    return p ? `${p.surname} ${p.first} ${p.patronymic}` : 'Гость'
  }
}
