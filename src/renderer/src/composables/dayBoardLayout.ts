// One office's day as the board draws it: a row per step of the grid, a column per specialist
// (the plan's capacity). Each appointment that holds seats gets the lowest column free on every
// step it covers, in the order of its start — so no column is needed beyond the capacity the
// database already enforces. Cancelled and missed visits hold no seat and are listed apart.
import { stepsCovered } from '../../../shared/appointments/slots'
import { minutesOf } from '../../../shared/appointments/zoned-time'
import type { AppointmentView, DayBoard } from '../../../shared/domain/appointment'

export interface BoardCell {
  time: string
  /** 1-based column (specialist). */
  seat: number
  appointment: AppointmentView | null
  /** The appointment starts in this cell (later cells of a long topic continue it). */
  starts: boolean
}

const HOLDS_SEAT = new Set(['booked', 'arrived', 'served'])

export function boardRows(board: DayBoard, stepMinutes: number): BoardCell[][] {
  const capacity = board.plan?.capacity ?? 0
  const taken = new Map<string, (AppointmentView | null)[]>()
  for (const time of board.times)
    taken.set(
      time,
      Array.from({ length: capacity }, () => null),
    )
  for (const a of board.appointments.filter((x) => HOLDS_SEAT.has(x.status))) {
    const steps = stepsCovered(a.starts, minutesOf(a.ends) - minutesOf(a.starts), stepMinutes)
    const rows = steps.map((t) => taken.get(t)).filter((r) => r !== undefined)
    const seat = Array.from({ length: capacity }, (_, i) => i).find((i) => rows.every((r) => r[i] === null))
    if (seat === undefined) continue
    for (const row of rows) row[seat] = a
  }
  return board.times.map((time) =>
    (taken.get(time) ?? []).map((appointment, i) => ({
      time,
      seat: i + 1,
      appointment,
      starts: appointment?.starts === time,
    })),
  )
}

/** The day's visits that hold no seat: cancelled (with their reason) and missed. */
export function releasedOf(board: DayBoard): AppointmentView[] {
  return board.appointments.filter((a) => !HOLDS_SEAT.has(a.status))
}
