// A change of a plan, of the production calendar or of an office's closed days must not strand
// customers already booked: before saving, every upcoming appointment (booked or arrived) is
// checked against the plan it would have afterwards — the office still receives that day, the
// appointment lies inside the hours and off the break, and no step holds more people than
// specialists. The change is refused, naming the first few, when any does not fit.
import type { Knex } from 'knex'
import { withinPlan } from '../../../shared/appointments/admin-rules'
import {
  dayPlan,
  type CalendarKind,
  type DayPlan,
  type OfficeCalendar,
} from '../../../shared/appointments/slots'
import { formatDateRu } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import {
  upcomingAppointments,
  upcomingSeatsPerStep,
  type UpcomingScope,
} from '../../db/repositories/appointment-report'
import { loadOfficeCalendar } from './office-calendar'

export interface PlannedChange {
  /** Appointments from this date on (today, or later). */
  from: string
  /** Only this office's appointments. */
  officeId?: string
  /** The office's new week (with `officeId`). */
  week?: ReadonlyMap<number, DayPlan>
  /** The production calendar's new entries for one year. */
  calendar?: { year: number; days: ReadonlyMap<string, CalendarKind> }
  /** A closed day being added (with `officeId`). */
  closure?: string
}

const SHOWN = 5
/** Past any date an appointment can have. */
const LAST_DATE = '9999-12-31'

function count(n: number): string {
  const tens = n % 100
  const ones = n % 10
  const word =
    tens >= 11 && tens <= 14
      ? 'записей'
      : ones === 1
        ? 'запись'
        : ones >= 2 && ones <= 4
          ? 'записи'
          : 'записей'
  return `${n} ${word}`
}

/** The production calendar after `change`: the year it replaces swapped for its new days. */
function calendarAfter(
  loaded: ReadonlyMap<string, CalendarKind>,
  change: PlannedChange,
): Map<string, CalendarKind> {
  const year = change.calendar ? `${change.calendar.year}-` : null
  const out = new Map([...loaded].filter(([date]) => !year || !date.startsWith(year)))
  for (const [date, kind] of change.calendar?.days ?? []) out.set(date, kind)
  return out
}

/** Refuses `change` (CONFLICT) when an upcoming appointment would not fit the plan after it. */
export async function refuseStrandedAppointments(
  trx: Knex.Transaction,
  change: PlannedChange,
): Promise<void> {
  const scope: UpcomingScope = {
    from: change.from,
    officeId: change.officeId,
    year: change.calendar?.year,
  }
  const booked = await upcomingAppointments(trx, scope)
  if (booked.length === 0) return
  const officeIds = [...new Set(booked.map((b) => b.office_id))]
  const officeNames = new Map(booked.map((b) => [b.office_id, b.office_name]))
  const offices = new Map<string, OfficeCalendar>()
  for (const id of officeIds) offices.set(id, await loadOfficeCalendar(trx, id, change.from, LAST_DATE))
  // Every office shares the production calendar.
  const calendar = calendarAfter([...offices.values()][0]?.calendar ?? new Map(), change)
  const plan = (officeId: string, date: string): DayPlan | null => {
    const office = offices.get(officeId)
    const own = officeId === change.officeId
    const closed = office?.closures.has(date) || (own && change.closure === date)
    return dayPlan(date, {
      week: (own && change.week) || office?.week || new Map(),
      calendar,
      closures: closed ? new Set([date]) : new Set(),
    })
  }

  const stranded = booked
    .filter((b) => {
      const p = plan(b.office_id, b.date)
      return !p || !withinPlan(p, b.starts, b.ends)
    })
    .map((b) => `${formatDateRu(b.date)} ${b.starts} (${b.office_name})`)
  const seats = await upcomingSeatsPerStep(trx, scope)
  const crowded = seats
    .filter((s) => {
      const p = plan(s.office_id, s.date)
      return p !== null && Number(s.n) > p.capacity
    })
    .map(
      (s) =>
        `${formatDateRu(s.date)} ${s.time} (${officeNames.get(s.office_id)}): записано ${Number(s.n)}, специалистов ${plan(s.office_id, s.date)?.capacity}`,
    )
  if (stranded.length === 0 && crowded.length === 0) return
  const parts: string[] = []
  if (stranded.length > 0) {
    const more = stranded.length > SHOWN ? ` и ещё ${stranded.length - SHOWN}` : ''
    parts.push(
      `${count(stranded.length)} на приём окажутся вне графика — ${stranded.slice(0, SHOWN).join('; ')}${more}`,
    )
  }
  if (crowded.length > 0) {
    const more = crowded.length > SHOWN ? ` и ещё ${crowded.length - SHOWN}` : ''
    parts.push(`записанных больше, чем специалистов — ${crowded.slice(0, SHOWN).join('; ')}${more}`)
  }
  throw new OknoError(
    'CONFLICT',
    `Нельзя сохранить: ${parts.join('; ')}. Перенесите или отмените эти записи, затем сохраните снова.`,
  )
}
