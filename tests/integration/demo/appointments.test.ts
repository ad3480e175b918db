// The demo's appointments are ones the desk could have made: inside each office's plan and the
// production calendar, seats held exactly by the appointments that keep them and never more than
// the specialists, past ones ended and future ones open, and the same on every build.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../src/main/db/connection'
import { buildDemoSqlite } from '../../../src/main/demo/build'
import { PRODUCTION_CALENDAR } from '../../../src/main/demo/production-calendar'
import type { AppointmentRow } from '../../../src/main/db/repositories/appointments'
import { withinPlan } from '../../../src/shared/appointments/admin-rules'
import {
  dayPlan,
  stepsCovered,
  type CalendarKind,
  type DayPlan,
} from '../../../src/shared/appointments/slots'
import { describeEachDatabase } from '../../helpers/database'

async function load(db: Db) {
  const k = db.knex
  const [appointments, seats, schedules, calendar, closures, topics] = await Promise.all([
    k('appointments').select('*') as Promise<AppointmentRow[]>,
    k('appointment_seats').select('*') as Promise<
      Array<{ office_id: string; date: string; time: string; seat: number; appointment_id: string }>
    >,
    k('office_schedules').select('*') as Promise<Array<Record<string, string | number | null>>>,
    k('calendar_days').select('date', 'kind') as Promise<Array<{ date: string; kind: CalendarKind }>>,
    k('office_closures').select('office_id', 'date') as Promise<Array<{ office_id: string; date: string }>>,
    k('appointment_topics').select('id', 'duration_minutes') as Promise<
      Array<{ id: string; duration_minutes: number }>
    >,
  ])
  return { appointments, seats, schedules, calendar, closures, topics }
}

describeEachDatabase('demo appointments', (getCtx) => {
  it('keeps every appointment inside its office’s plan, with seats only where a booking holds them', async () => {
    const { appointments, seats, schedules, calendar, closures, topics } = await load(getCtx().db)
    expect(appointments.length).toBeGreaterThan(300)
    expect(appointments.length).toBeLessThan(1200)
    const weeks = new Map<string, Map<number, DayPlan>>()
    for (const s of schedules) {
      const week = weeks.get(String(s.office_id)) ?? new Map<number, DayPlan>()
      week.set(Number(s.weekday), {
        opens: String(s.opens),
        closes: String(s.closes),
        breakFrom: s.break_from as string | null,
        breakTo: s.break_to as string | null,
        capacity: Number(s.capacity),
      })
      weeks.set(String(s.office_id), week)
    }
    expect(weeks.size).toBeGreaterThanOrEqual(4)
    const cal = new Map(calendar.map((c) => [c.date, c.kind]))
    expect(calendar.length).toBe(PRODUCTION_CALENDAR[2026]!.length + PRODUCTION_CALENDAR[2027]!.length)
    const plan = (officeId: string, date: string) =>
      dayPlan(date, {
        week: weeks.get(officeId) ?? new Map(),
        calendar: cal,
        closures: new Set(closures.filter((c) => c.office_id === officeId).map((c) => c.date)),
      })
    const duration = new Map(topics.map((t) => [t.id, Number(t.duration_minutes)]))
    const seatsOf = new Map<string, string[]>()
    for (const s of seats) seatsOf.set(s.appointment_id, [...(seatsOf.get(s.appointment_id) ?? []), s.time])
    const now = '2026-11-22T07:00:00.000Z'
    for (const a of appointments) {
      const p = plan(a.office_id, a.date)
      expect(p, `${a.date} ${a.starts}`).not.toBeNull()
      expect(withinPlan(p as DayPlan, a.starts, a.ends)).toBe(true)
      const held = ['booked', 'arrived', 'served'].includes(a.status)
      const times = (seatsOf.get(a.id) ?? []).sort()
      expect(times).toEqual(held ? stepsCovered(a.starts, duration.get(a.topic_id) ?? 15, 15) : [])
      if (a.starts_at < now) expect(['served', 'no_show', 'cancelled', 'arrived']).toContain(a.status)
      else expect(['booked', 'cancelled']).toContain(a.status)
    }
    // Never more people on a step than specialists, and seats numbered from one.
    const perStep = new Map<string, number[]>()
    for (const s of seats) {
      const key = `${s.office_id} ${s.date} ${s.time}`
      perStep.set(key, [...(perStep.get(key) ?? []), Number(s.seat)])
    }
    for (const [key, list] of perStep) {
      const [officeId, date] = key.split(' ') as [string, string]
      const capacity = plan(officeId, date)?.capacity ?? 0
      expect(list.length).toBeLessThanOrEqual(capacity)
      expect(Math.max(...list)).toBeLessThanOrEqual(capacity)
    }
    // No customer over the limit of two future appointments; moves point both ways.
    const future = new Map<string, number>()
    for (const a of appointments.filter((x) => x.status === 'booked')) {
      future.set(a.customer_key, (future.get(a.customer_key) ?? 0) + 1)
    }
    expect(Math.max(...future.values())).toBeLessThanOrEqual(2)
    const byId = new Map(appointments.map((a) => [a.id, a]))
    const moved = appointments.filter((a) => a.rescheduled_to)
    expect(moved.length).toBeGreaterThan(0)
    for (const a of moved) expect(byId.get(a.rescheduled_to as string)?.rescheduled_from).toBe(a.id)
    for (const status of ['booked', 'served', 'no_show', 'cancelled']) {
      expect(appointments.some((a) => a.status === status)).toBe(true)
    }
  })
})

describe('demo appointments on every build', () => {
  it('come out the same from the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okno-demo-appointments-'))
    try {
      const rows: string[] = []
      for (const name of ['a', 'b']) {
        const file = join(dir, `${name}.sqlite`)
        await buildDemoSqlite(file, { accounts: 200, asOf: '2026-11-22', seed: 7, historyMonths: 0 })
        const db = openDb({ client: 'sqlite', filename: file })
        try {
          const { appointments, seats } = await load(db)
          expect(appointments.length).toBeGreaterThan(100)
          rows.push(JSON.stringify([appointments.sort((x, y) => x.id.localeCompare(y.id)), seats.length]))
        } finally {
          await db.close()
        }
      }
      expect(rows[0]).toBe(rows[1])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
