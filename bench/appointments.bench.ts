// npm run bench:appointments -- [--accounts N] [--queries N] [--seed S]
// Free slots for the appointment desk (issue 6 «Speed»): freeSlotsFor — one office, 30 days,
// each topic in turn — on the bench database with 5,000 appointments in that office (3,500
// booked in the coming 30 days with their seats, 1,500 in the two months before: served, missed
// or cancelled), p50/p95/max per query against p95 ≤ 50 ms, and a whole round of all topics.
// The appointments go to a bench office of their own (twelve specialists, Mon–Fri 08:00–17:00
// with a break), removed at the end, so the next run finds the same database.
import { randomUUID } from 'node:crypto'
import { openDb, type Db } from '../src/main/db/connection'
import { bulkInsert } from '../src/main/db/bulk'
import { migrateToLatest } from '../src/main/db/migrate'
import { Random } from '../src/main/demo/random'
import { allTopics } from '../src/main/db/repositories/topics'
import { freeSlotsAllTopics, freeSlotsFor } from '../src/main/services/appointments/slots-load'
import { dayGrid, dayPlan, stepsCovered, type DayPlan } from '../src/shared/appointments/slots'
import { minutesOf, timeOf, zonedInstant } from '../src/shared/appointments/zoned-time'
import { addDays, businessDate, DEFAULT_TIME_ZONE } from '../src/shared/dates'
import type { AppointmentStatus } from '../src/shared/domain/appointment'
import { benchArgs } from './lib/args'
import { BenchClock, benchContext } from './lib/context'
import { ensureBenchDatabase } from './lib/database'
import { fmt, latencyLine, rss } from './lib/report'

const TARGET_P95_MS = 50
const WARM_UP = 20
const DAYS = 30
const FUTURE = 3500
const PAST = 1500
const PAST_DAYS = 60
const CAPACITY = 12
const STEP = 15
const BENCH_OFFICE_CODE = 'BENCH-APPT'

const args = benchArgs()

const PLAN: DayPlan = {
  opens: '08:00',
  closes: '17:00',
  breakFrom: '12:00',
  breakTo: '12:45',
  capacity: CAPACITY,
}
const WEEK = new Map([1, 2, 3, 4, 5].map((d) => [d, PLAN]))

/** Removes the bench office with everything in it (this run's, or a killed run's). */
async function clearBenchOffice(db: Db): Promise<void> {
  await db.knex.transaction(async (trx) => {
    const office = trx('offices').where({ code: BENCH_OFFICE_CODE }).select('id')
    await trx('appointment_seats').whereIn('office_id', office).delete()
    await trx('appointments').whereIn('office_id', office).delete()
    await trx('office_schedules').whereIn('office_id', office).delete()
    await trx('office_closures').whereIn('office_id', office).delete()
    await trx('offices').where({ code: BENCH_OFFICE_CODE }).delete()
  })
}

/** The bench office, its plan, and 5,000 appointments with their seats. */
async function fillBenchOffice(
  db: Db,
  today: string,
  topics: Array<{ id: string; name: string; durationMinutes: number }>,
): Promise<{ officeId: string; seats: number }> {
  const random = new Random(args.seed)
  const officeId = randomUUID()
  const now = new Date().toISOString()
  const calendar = new Map(
    ((await db.knex('calendar_days').select('date', 'kind')) as Array<{ date: string; kind: 'holiday' }>).map(
      (d) => [d.date, d.kind],
    ),
  )
  const office = { week: WEEK, calendar, closures: new Set<string>() }
  const taken = new Map<string, number>()
  const appointments: Array<Record<string, unknown>> = []
  const seats: Array<Record<string, unknown>> = []
  const codes = new Set<string>()
  const add = (date: string, status: AppointmentStatus): boolean => {
    const plan = dayPlan(date, office)
    const topic = random.pick(topics)
    if (!plan) return false
    const time = random.pick(dayGrid(plan, topic.durationMinutes, STEP))
    const steps = stepsCovered(time, topic.durationMinutes, STEP)
    const holds = status === 'booked' || status === 'served'
    if (holds && steps.some((s) => (taken.get(`${date} ${s}`) ?? 0) >= plan.capacity)) return false
    let code: string
    do code = `${topic.name.charAt(0)}-${random.int(111, 999)}`
    while (codes.has(`${date} ${code}`))
    codes.add(`${date} ${code}`)
    const id = randomUUID()
    const phone = `+7978${random.int(1_000_000, 9_999_999)}`
    appointments.push({
      id,
      office_id: officeId,
      topic_id: topic.id,
      date,
      starts: time,
      ends: timeOf(minutesOf(time) + topic.durationMinutes),
      starts_at: zonedInstant(date, time, DEFAULT_TIME_ZONE).toISOString(),
      account_id: null,
      person_name: 'Бенчмарков Бенчмарк Бенчмаркович',
      name_key: 'бенчмарков бенчмарк бенчмаркович',
      phone,
      customer_key: `phone:${phone}`,
      ticket_code: code,
      status,
      cancel_reason: status === 'cancelled' ? 'бенчмарк' : null,
      created_at: now,
      updated_at: now,
    })
    if (holds) {
      for (const step of steps) {
        const key = `${date} ${step}`
        const seat = (taken.get(key) ?? 0) + 1
        taken.set(key, seat)
        seats.push({ office_id: officeId, date, time: step, seat, appointment_id: id })
      }
    }
    return true
  }
  for (let made = 0; made < FUTURE;) if (add(addDays(today, random.int(1, DAYS)), 'booked')) made++
  const past: AppointmentStatus[] = ['served', 'served', 'served', 'no_show', 'cancelled']
  for (let made = 0; made < PAST;)
    if (add(addDays(today, -random.int(1, PAST_DAYS)), random.pick(past))) made++

  await db.knex.transaction(async (trx) => {
    await trx('offices').insert({
      id: officeId,
      code: BENCH_OFFICE_CODE,
      name: 'Отделение для бенчмарка записи',
      address: 'г. Севастополь, ул. Бенчмарка, д. 1',
      phone: '',
      created_at: now,
    })
    await trx('office_schedules').insert(
      [...WEEK].map(([weekday, p]) => ({
        office_id: officeId,
        weekday,
        opens: p.opens,
        closes: p.closes,
        break_from: p.breakFrom,
        break_to: p.breakTo,
        capacity: p.capacity,
      })),
    )
    for (let i = 0; i < appointments.length; i += 1000) {
      await bulkInsert(trx, db.dialect, 'appointments', appointments.slice(i, i + 1000))
    }
    for (let i = 0; i < seats.length; i += 2000) {
      await bulkInsert(trx, db.dialect, 'appointment_seats', seats.slice(i, i + 2000))
    }
  })
  return { officeId, seats: seats.length }
}

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    // A bench database built before the appointments' migration gets it now.
    const applied = await migrateToLatest(db.knex)
    if (applied.length > 0) console.log(`Применены миграции: ${applied.join(', ')}`)
    await clearBenchOffice(db)
    const clock = new BenchClock()
    const ctx = benchContext(db, clock)
    const today = businessDate(clock.now(), DEFAULT_TIME_ZONE)
    const topics = (await allTopics(db.knex)).filter((t) => t.active)
    const filling = performance.now()
    const { officeId, seats } = await fillBenchOffice(db, today, topics)
    console.log(
      `Отделение ${BENCH_OFFICE_CODE}: ${fmt(FUTURE + PAST)} записей (${fmt(FUTURE)} на ${DAYS} дней вперёд, ` +
        `${fmt(PAST)} за ${PAST_DAYS} дней назад), ${fmt(seats)} мест, ${CAPACITY} специалистов; ` +
        `заполнено за ${fmt((performance.now() - filling) / 1000, 1)} с`,
    )

    const from = today
    const to = addDays(today, DAYS - 1)
    const perQuery: number[] = []
    const perRound: number[] = []
    const perAll: number[] = []
    const found = new Map<string, number>()
    const rounds = Math.max(1, Math.ceil(args.queries / topics.length))
    for (let round = 0; round < WARM_UP + rounds; round++) {
      const roundStarted = performance.now()
      for (const topic of topics) {
        const started = performance.now()
        const slots = await freeSlotsFor(ctx, { officeId, topicId: topic.id, from, to })
        if (round >= WARM_UP) perQuery.push(performance.now() - started)
        found.set(topic.name, slots.length)
      }
      if (round >= WARM_UP) perRound.push(performance.now() - roundStarted)
      const allStarted = performance.now()
      await freeSlotsAllTopics(ctx, { officeId, from, to })
      if (round >= WARM_UP) perAll.push(performance.now() - allStarted)
    }
    console.log(
      `\nСвободное время: freeSlotsFor, ${from} – ${to}, ${topics.length} тем, ${fmt(perQuery.length)} запросов после ${WARM_UP * topics.length} на разогрев`,
    )
    console.log(`${''.padEnd(48)} ${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}`)
    latencyLine('один запрос (отделение × 30 дней × тема)', perQuery, TARGET_P95_MS, 48, 2)
    latencyLine(`все ${topics.length} темы подряд`, perRound, undefined, 48, 2)
    latencyLine('все темы одним чтением (freeSlotsAllTopics)', perAll, TARGET_P95_MS, 48, 2)
    console.log(`  свободных начал: ${[...found].map(([name, n]) => `${name} ${fmt(n)}`).join(', ')}`)
    console.log(`\nПамять процесса (RSS): ${rss()}`)
  } finally {
    await clearBenchOffice(db)
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
