// Administering appointments: an office's weekly plan, the production calendar (edited and
// imported from pasted text), closed days and topics. Bad input is refused in Russian with
// nothing saved; a change that would strand booked customers is refused; every change is
// audited and queued for the office server. The desk's free slots follow the saved plan.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/db/connection'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import type { CallContext } from '../../../../src/main/ipc/handlers'
import {
  importCalendar,
  listCalendar,
  officeSchedule,
  saveCalendar,
  saveClosure,
  saveOfficeSchedule,
  saveTopic,
} from '../../../../src/main/services/appointments/schedule'
import { freeSlotsFor } from '../../../../src/main/services/appointments/slots-load'
import type { WeekdayPlan } from '../../../../src/shared/domain/appointment-admin'
import type { ScheduleSaveInput, TopicSaveInput } from '../../../../src/shared/ipc/schemas/appointment-admin'
import { signedInCall } from '../../../helpers/calls'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditTrail, countAll } from '../../../helpers/rows'

const TABLES = [
  'office_schedules',
  'calendar_days',
  'office_closures',
  'appointment_topics',
  'audit_log',
  'outbox',
]
const CONSULTATION = '00000000-0000-4000-8000-000000000001'

const workday = (weekday: number, patch: Partial<WeekdayPlan> = {}): WeekdayPlan => ({
  weekday,
  working: weekday < 6,
  opens: '09:00',
  closes: '13:00',
  breakFrom: '11:00',
  breakTo: '11:30',
  capacity: 2,
  ...patch,
})

const week = (patch: Partial<Record<number, Partial<WeekdayPlan>>> = {}): WeekdayPlan[] =>
  [1, 2, 3, 4, 5, 6, 7].map((d) => workday(d, patch[d]))

let officeNo = 0
/** An office of the test's own, with no plan and no appointments. */
async function newOffice(db: Db): Promise<string> {
  const id = randomUUID()
  officeNo += 1
  await db.knex('offices').insert({
    id,
    code: `S${officeNo}${id.slice(0, 4)}`,
    name: `Отделение графика ${officeNo}`,
    address: 'ул. Графиковая, 1',
    phone: '',
    created_at: new Date().toISOString(),
  })
  return id
}

/** The demo office with the most customers booked for Monday 23 November 2026. */
async function busyDemoOffice(db: Db): Promise<{ officeId: string; times: string[] }> {
  const rows = (await db
    .knex('appointments')
    .where({ date: '2026-11-23', status: 'booked' })
    .select('office_id', 'starts')) as Array<{ office_id: string; starts: string }>
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.office_id, (counts.get(r.office_id) ?? 0) + 1)
  const officeId = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string
  return { officeId, times: rows.filter((r) => r.office_id === officeId).map((r) => r.starts) }
}

describeEachDatabase('appointment administration', (getCtx) => {
  let admin: CallContext
  const adminCall = async (env: TestEnv): Promise<CallContext> => ({ ...admin, ctx: env.ctx })
  beforeAll(async () => {
    admin = await signedInCall(getCtx(), 'administrator')
  })

  it('gives each demo office its plan: Mon–Thu 08:00–17:00, Fri to 16:00, break 12:00–12:45, weekend off', async () => {
    const env = getCtx()
    const offices = (await env.db.knex('offices').select('id')) as Array<{ id: string }>
    for (const { id } of offices.slice(0, 4)) {
      const s = await officeSchedule(env.ctx, id)
      expect(s.days).toHaveLength(7)
      expect(s.days.slice(0, 4).every((d) => d.working && d.opens === '08:00' && d.closes === '17:00')).toBe(
        true,
      )
      expect(s.days[4]).toMatchObject({
        working: true,
        closes: '16:00',
        breakFrom: '12:00',
        breakTo: '12:45',
      })
      expect(s.days[5]?.working).toBe(false)
      expect(s.days[6]?.working).toBe(false)
      expect([2, 3]).toContain(s.days[0]?.capacity)
      expect(s.stepMinutes).toBe(15)
      expect(s.today).toBe('2026-11-22')
    }
    const calendar = await listCalendar(env.ctx, 2026)
    expect(calendar.days.find((d) => d.date === '2026-11-04')).toMatchObject({ kind: 'holiday' })
    expect(calendar.days.find((d) => d.date === '2026-11-03')).toMatchObject({ kind: 'short' })
  })

  it('saves a plan, audits it with before and after, queues it, and the desk offers its slots', async () => {
    const env = getCtx()
    const officeId = await newOffice(env.db)
    const { info } = await clerkOf(env.db, 'administrator')
    const saved = await saveOfficeSchedule(env.ctx, info.id, {
      officeId,
      days: week({ 1: { capacity: 3, closes: '12:00', breakFrom: null, breakTo: null } }),
    })
    expect(saved.days[0]).toMatchObject({ working: true, opens: '09:00', closes: '12:00', capacity: 3 })
    expect(saved.days[5]).toMatchObject({ working: false })
    expect(await env.db.knex('office_schedules').where({ office_id: officeId })).toHaveLength(5)
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    const entry = trail.find((e) => e.action === 'appointments.schedule.save' && e.objectId === officeId)
    expect(entry?.clerkId).toBe(info.id)
    expect(entry?.details.before).toEqual([])
    expect((entry?.details.after as unknown[]).length).toBe(5)
    const queued = await env.db
      .knex('outbox')
      .where({ entity: 'office_schedules' })
      .where('entity_id', 'like', `${officeId}|%`)
    expect(queued).toHaveLength(5)
    // Monday 23 November: 09:00–12:00 with no break, three at once.
    const monday = await freeSlotsFor(env.ctx, {
      officeId,
      topicId: CONSULTATION,
      from: '2026-11-23',
      to: '2026-11-24',
    })
    const mine = monday.filter((s) => s.date === '2026-11-23')
    expect(mine.map((s) => s.time)).toContain('11:15')
    expect(mine.at(-1)).toMatchObject({ time: '11:45', free: 3 })
    expect(monday.filter((s) => s.date === '2026-11-24').map((s) => s.time)).not.toContain('11:00')

    // Saving again replaces the week: Tuesday off now.
    await saveOfficeSchedule(env.ctx, info.id, { officeId, days: week({ 2: { working: false } }) })
    const after = await officeSchedule(env.ctx, officeId)
    expect(after.days[1]?.working).toBe(false)
    expect(
      await freeSlotsFor(env.ctx, { officeId, topicId: CONSULTATION, from: '2026-11-24', to: '2026-11-24' }),
    ).toEqual([])
  })

  const BAD_PLANS: Array<[string, ScheduleSaveInput['days'], RegExp]> = [
    ['an impossible time', week({ 1: { opens: '25:00' } }), /Понедельник: Начало приёма: время ЧЧ:ММ/],
    [
      'closing before opening',
      week({ 2: { opens: '14:00', closes: '09:00', breakFrom: null, breakTo: null } }),
      /Вторник: Конец приёма должен быть позже начала/,
    ],
    [
      'a break outside the day',
      week({ 3: { breakFrom: '13:00', breakTo: '14:00' } }),
      /Среда: Перерыв должен быть внутри рабочего дня/,
    ],
    ['half a break', week({ 4: { breakTo: null } }), /Четверг: Укажите конец перерыва/],
    [
      'a break ending before it starts',
      week({ 5: { breakFrom: '11:30', breakTo: '11:00' } }),
      /Пятница: Конец перерыва должен быть позже начала/,
    ],
    [
      'no specialists',
      week({ 1: { capacity: 0 } }),
      /Понедельник: Специалистов одновременно: целое число от 1 до 20/,
    ],
    [
      'too many specialists',
      week({ 6: { working: true, capacity: 21 } }),
      /Суббота: Специалистов одновременно/,
    ],
    ['six days', week().slice(0, 6), /семь дней недели/],
  ]

  it.each(BAD_PLANS)('refuses a plan with %s in Russian, saving nothing', async (_, days, message) => {
    const env = getCtx()
    const officeId = await newOffice(env.db)
    const before = await countAll(env.db, TABLES)
    const result = await dispatch('schedules:save', { officeId, days }, await adminCall(env))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.message).toMatch(message)
    expect(await countAll(env.db, TABLES)).toEqual(before)
  })

  it('refuses a plan for an unknown office, and a plan from an operator', async () => {
    const env = getCtx()
    const unknown = await refusal(
      saveOfficeSchedule(env.ctx, null as never, { officeId: randomUUID(), days: week() }),
    )
    expect(unknown.message).toContain('Такого отделения нет')
    const operator = await signedInCall(env, 'operator')
    const result = await dispatch(
      'schedules:save',
      { officeId: await newOffice(env.db), days: week() },
      operator,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a plan that would leave booked customers outside it, or more of them than specialists', async () => {
    const env = getCtx()
    const { officeId, times } = await busyDemoOffice(env.db)
    expect(times.length).toBeGreaterThan(0)
    const current = await officeSchedule(env.ctx, officeId)
    const before = await countAll(env.db, TABLES)
    const off = await refusal(
      saveOfficeSchedule(env.ctx, admin.session.clerk?.id ?? '', {
        officeId,
        days: current.days.map((d) => (d.weekday === 1 ? { ...d, working: false } : d)),
      }),
    )
    expect(off.code).toBe('CONFLICT')
    expect(off.message).toMatch(
      /^Нельзя сохранить: \d+ запис(ь|и|ей) на приём окажутся вне графика — 23\.11\.2026 /,
    )
    expect(off.message).toContain('Перенесите или отмените эти записи')
    const single = await refusal(
      saveOfficeSchedule(env.ctx, admin.session.clerk?.id ?? '', {
        officeId,
        days: current.days.map((d) => ({ ...d, capacity: 1 })),
      }),
    )
    expect(single.message).toMatch(
      /записанных больше, чем специалистов — \d\d\.\d\d\.\d{4} \d\d:\d\d \(.+\): записано [2-9], специалистов 1/,
    )
    expect(await countAll(env.db, TABLES)).toEqual(before)
    // The same plan again is fine: nothing strands.
    await saveOfficeSchedule(env.ctx, admin.session.clerk?.id ?? '', { officeId, days: current.days })
  })

  it('imports a pasted calendar for a year, replacing that year, audited and queued', async () => {
    const env = getCtx()
    const { info } = await clerkOf(env.db, 'administrator')
    const text = [
      'дата;вид;название',
      '2028-01-01;holiday;Новогодние каникулы',
      '',
      '# перенос',
      '03.01.2028;праздник;Новогодние каникулы',
      '2028-03-07;short;Предпраздничный день',
      '2028-03-04,workday,Рабочая суббота',
    ].join('\n')
    const year = await importCalendar(env.ctx, info.id, { year: 2028, text })
    expect(year.days).toEqual([
      { date: '2028-01-01', kind: 'holiday', name: 'Новогодние каникулы' },
      { date: '2028-01-03', kind: 'holiday', name: 'Новогодние каникулы' },
      { date: '2028-03-04', kind: 'workday', name: 'Рабочая суббота' },
      { date: '2028-03-07', kind: 'short', name: 'Предпраздничный день' },
    ])
    const again = await importCalendar(env.ctx, info.id, { year: 2028, text: '2028-05-01;holiday;Первомай' })
    expect(again.days.map((d) => d.date)).toEqual(['2028-05-01'])
    // Other years stay as they were.
    expect((await listCalendar(env.ctx, 2027)).days.length).toBeGreaterThan(10)
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    const imports = trail.filter((e) => e.action === 'appointments.calendar.import')
    expect(imports).toHaveLength(2)
    expect(imports[1]?.details).toMatchObject({
      year: 2028,
      before: { holiday: 2, short: 1, workday: 1 },
      after: { holiday: 1, short: 0, workday: 0 },
    })
    const queued = await env.db
      .knex('outbox')
      .where({ entity: 'calendar_days' })
      .where('entity_id', 'like', '2028-%')
    expect(queued.map((q: { op: string }) => q.op).sort()).toEqual([
      'delete',
      'delete',
      'delete',
      'delete',
      'insert',
      'insert',
      'insert',
      'insert',
      'insert',
    ])
  })

  it('refuses a calendar with bad lines, naming each by number, and saves nothing', async () => {
    const env = getCtx()
    const before = await countAll(env.db, TABLES)
    const text = [
      '2029-01-01;holiday;Новый год',
      '2029-02-30;holiday;Нет такого дня',
      '2029-03-08;праздник;8 Марта',
      '2029-05-01;отгул;Неизвестный вид',
      '2030-01-01;holiday;Чужой год',
      '2029-03-08;short;Снова 8 марта',
      '2029-03-07;workday;Среда',
      `2029-06-12;holiday;${'д'.repeat(121)}`,
    ].join('\n')
    const result = await dispatch('schedules:importCalendar', { year: 2029, text }, await adminCall(env))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    const m = result.error.message
    expect(m).toMatch(/^Календарь не загружен, ничего не сохранено\./)
    expect(m).toContain('Строка 2: «2029-02-30» — не дата')
    expect(m).toContain('Строка 4: вид дня «отгул» неизвестен')
    expect(m).toContain('Строка 5: дата 2030-01-01 не из 2029 года')
    expect(m).toContain('Строка 6: дата 2029-03-08 уже была в строке 3')
    expect(m).toContain('Строка 7: 2029-03-07 — будний день')
    expect(m).toContain('Строка 8: название длиннее 120 символов')
    expect(m).not.toContain('Строка 1:')
    expect(m).not.toContain('Строка 3:')
    expect(await countAll(env.db, TABLES)).toEqual(before)
    const empty = await dispatch(
      'schedules:importCalendar',
      { year: 2029, text: '\n# ничего\n' },
      await adminCall(env),
    )
    expect(empty).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Нет ни одной строки с датой') },
    })
  })

  it('refuses a calendar that closes a day customers are booked for', async () => {
    const env = getCtx()
    const { info } = await clerkOf(env.db, 'administrator')
    const before = await countAll(env.db, TABLES)
    const current = await listCalendar(env.ctx, 2026)
    const err = await refusal(
      saveCalendar(env.ctx, info.id, {
        year: 2026,
        days: [...current.days, { date: '2026-11-23', kind: 'holiday', name: 'Выдуманный праздник' }],
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('окажутся вне графика — 23.11.2026')
    expect(await countAll(env.db, TABLES)).toEqual(before)
    // A weekday as a «working Saturday» is refused before anything else.
    const weekday = await refusal(
      saveCalendar(env.ctx, info.id, {
        year: 2026,
        days: [{ date: '2026-11-25', kind: 'workday', name: '' }],
      }),
    )
    expect(weekday.message).toContain('будний день')
  })

  it('closes an office for a day with a reason and opens it again, refusing what makes no sense', async () => {
    const env = getCtx()
    const { info } = await clerkOf(env.db, 'administrator')
    const officeId = await newOffice(env.db)
    await saveOfficeSchedule(env.ctx, info.id, { officeId, days: week() })
    const closed = await saveClosure(env.ctx, info.id, {
      action: 'add',
      officeId,
      date: '2026-11-25',
      reason: 'Санитарный день',
    })
    expect(closed.closures).toEqual([{ date: '2026-11-25', reason: 'Санитарный день' }])
    expect(
      await freeSlotsFor(env.ctx, { officeId, topicId: CONSULTATION, from: '2026-11-25', to: '2026-11-25' }),
    ).toEqual([])
    const twice = await refusal(
      saveClosure(env.ctx, info.id, { action: 'add', officeId, date: '2026-11-25', reason: 'Ещё раз' }),
    )
    expect(twice.message).toBe('25.11.2026 отделение уже закрыто: «Санитарный день».')
    const past = await refusal(
      saveClosure(env.ctx, info.id, { action: 'add', officeId, date: '2026-11-20', reason: 'Задним числом' }),
    )
    expect(past.message).toContain('Эта дата уже прошла')
    const opened = await saveClosure(env.ctx, info.id, { action: 'remove', officeId, date: '2026-11-25' })
    expect(opened.closures).toEqual([])
    const nothing = await refusal(
      saveClosure(env.ctx, info.id, { action: 'remove', officeId, date: '2026-11-25' }),
    )
    expect(nothing.message).toContain('снимать нечего')
    const actions = (await auditTrail(env.db, env.settings.get().workstationId)).filter(
      (e) => e.objectId === officeId,
    )
    expect(actions.map((e) => e.action)).toEqual([
      'appointments.schedule.save',
      'appointments.closure.add',
      'appointments.closure.remove',
    ])
    expect(actions[2]?.details).toEqual({ date: '2026-11-25', reason: 'Санитарный день' })

    const busy = await busyDemoOffice(env.db)
    const before = await countAll(env.db, TABLES)
    const stranded = await refusal(
      saveClosure(env.ctx, info.id, {
        action: 'add',
        officeId: busy.officeId,
        date: '2026-11-23',
        reason: 'Ремонт',
      }),
    )
    expect(stranded.message).toContain('окажутся вне графика — 23.11.2026')
    expect(await countAll(env.db, TABLES)).toEqual(before)
    const short = await dispatch(
      'schedules:saveClosure',
      { action: 'add', officeId, date: '2026-11-26', reason: 'ой' },
      await adminCall(env),
    )
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('не короче 3 символов') },
    })
  })

  it('adds and edits topics on the grid, refusing odd durations and duplicate names', async () => {
    const env = getCtx()
    const { info } = await clerkOf(env.db, 'administrator')
    const topics = await saveTopic(env.ctx, info.id, {
      id: null,
      name: 'Замена прибора учёта',
      durationMinutes: 45,
      whatToBring: 'Паспорт; паспорт прибора',
      active: true,
    })
    const added = topics.find((t) => t.name === 'Замена прибора учёта')
    expect(added).toMatchObject({
      durationMinutes: 45,
      whatToBring: 'Паспорт; паспорт прибора',
      active: true,
    })
    expect(topics.at(-1)?.id).toBe(added?.id)
    const edited = await saveTopic(env.ctx, info.id, {
      id: added?.id ?? null,
      name: 'Замена прибора учёта',
      durationMinutes: 60,
      whatToBring: 'Паспорт',
      active: false,
    })
    expect(edited.find((t) => t.id === added?.id)).toMatchObject({ durationMinutes: 60, active: false })
    const trail = (await auditTrail(env.db, env.settings.get().workstationId)).filter(
      (e) => e.objectId === added?.id,
    )
    expect(trail.map((e) => e.action)).toEqual(['appointments.topic.create', 'appointments.topic.update'])
    expect(trail[1]?.details).toMatchObject({
      before: { durationMinutes: 45, active: true },
      after: { durationMinutes: 60, active: false },
    })

    const before = await countAll(env.db, TABLES)
    const refused = (patch: Partial<TopicSaveInput>) =>
      refusal(
        saveTopic(env.ctx, info.id, {
          id: null,
          name: 'Справка',
          durationMinutes: 15,
          whatToBring: '',
          active: true,
          ...patch,
        }),
      )
    expect((await refused({ durationMinutes: 20 })).message).toBe(
      'Длительность должна быть кратна шагу записи (15 мин): 15, 30, 45…',
    )
    expect((await refused({ durationMinutes: 255 })).message).toBe(
      'Длительность: целое число минут от 5 до 240',
    )
    expect((await refused({ name: 'консультация' })).message).toBe(
      'Тема «Консультация» уже есть: выберите другое название.',
    )
    expect((await refused({ id: randomUUID() })).code).toBe('NOT_FOUND')
    const blank = await dispatch(
      'schedules:saveTopic',
      { id: null, name: ' ', durationMinutes: 15, whatToBring: '', active: true },
      await adminCall(env),
    )
    expect(blank).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Название темы') },
    })
    expect(await countAll(env.db, TABLES)).toEqual(before)
  })
})
