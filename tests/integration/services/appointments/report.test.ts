// The appointments report: per office, topic and day, how many were booked, came, were served,
// cancelled, missed or moved — after real bookings at the desk — and the same figures in .xlsx.
import ExcelJS from 'exceljs'
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import {
  bookAppointment,
  cancelAppointment,
  markAppointment,
  rescheduleAppointment,
} from '../../../../src/main/services/appointments/booking'
import {
  appointmentsReport,
  appointmentsReportXlsx,
  emptyCounts,
  REPORT_SHEETS,
} from '../../../../src/main/services/appointments/report'
import { saveOfficeSchedule } from '../../../../src/main/services/appointments/schedule'
import type { AppointmentCounts } from '../../../../src/shared/domain/appointment-admin'
import type { ClerkInfo } from '../../../../src/shared/domain/clerk'
import type { BookInput } from '../../../../src/shared/ipc/schemas/appointment'
import { signedInCall } from '../../../helpers/calls'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditActions } from '../../../helpers/rows'

const CONSULTATION = '00000000-0000-4000-8000-000000000001'
const OPEN_ACCOUNT = '00000000-0000-4000-8000-000000000002'

const counts = (patch: Partial<AppointmentCounts>): AppointmentCounts => ({ ...emptyCounts(), ...patch })

/** An office receiving every day 09:00–13:00, three at once, and the day's bookings on it. */
async function bookedOffice(env: TestEnv): Promise<{ officeId: string; clerk: ClerkInfo }> {
  const officeId = randomUUID()
  await env.db.knex('offices').insert({
    id: officeId,
    code: `R${officeId.slice(0, 6)}`,
    name: 'Отделение отчёта',
    address: 'ул. Отчётная, 1',
    phone: '',
    created_at: new Date().toISOString(),
  })
  const { info: admin } = await clerkOf(env.db, 'administrator')
  await saveOfficeSchedule(env.ctx, admin.id, {
    officeId,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      working: true,
      opens: '09:00',
      closes: '13:00',
      breakFrom: null,
      breakTo: null,
      capacity: 3,
    })),
  })
  const { info: clerk } = await clerkOf(env.db)
  let phone = 10
  const book = async (patch: Partial<BookInput>): Promise<string> =>
    (
      await bookAppointment(env.ctx, clerk, {
        officeId,
        topicId: CONSULTATION,
        date: '2026-11-22',
        time: '11:00',
        accountId: null,
        personName: 'Петренко Олег Викторович',
        phone: `+7 978 300-00-${phone++}`,
        ...patch,
      })
    ).appointment.id
  // Today (Sunday 22 November, 10:00 now): served, arrived, missed.
  await markAppointment(env.ctx, clerk, await book({ time: '11:00' }), 'served')
  await markAppointment(env.ctx, clerk, await book({ time: '11:15' }), 'arrived')
  // A no-show is marked once its time has come: 11:30, then back to 10:00.
  const missed = await book({ time: '11:30' })
  const now = env.clock.now()
  env.clock.set('2026-11-22T08:30:00.000Z')
  await markAppointment(env.ctx, clerk, missed, 'no_show')
  env.clock.set(now)
  // Monday: one cancelled, one still booked, and an account opening moved to Tuesday.
  await cancelAppointment(env.ctx, clerk, await book({ date: '2026-11-23', time: '10:00' }), 'Заболел')
  await book({ date: '2026-11-23', time: '09:00' })
  const moving = await book({ date: '2026-11-23', time: '10:00', topicId: OPEN_ACCOUNT })
  await rescheduleAppointment(env.ctx, clerk, { appointmentId: moving, date: '2026-11-24', time: '10:30' })
  return { officeId, clerk }
}

describeEachDatabase('appointments report', (getCtx) => {
  it('counts each office, topic and day by how the appointments ended', async () => {
    const env = getCtx()
    const { officeId, clerk } = await bookedOffice(env)
    const report = await appointmentsReport(
      env.ctx,
      { from: '2026-11-22', to: '2026-11-24', officeId },
      clerk,
    )
    expect(report.title).toBe('Записи на приём за 22.11.2026–24.11.2026, Отделение отчёта')
    expect(report.officeName).toBe('Отделение отчёта')
    expect(report.total).toEqual(
      counts({ total: 6, booked: 2, arrived: 1, served: 1, cancelled: 1, noShow: 1, rescheduled: 1 }),
    )
    expect(report.rows.map((r) => [r.date, r.topicName, r.total, r.rescheduled])).toEqual([
      ['2026-11-22', 'Консультация', 3, 0],
      ['2026-11-23', 'Консультация', 2, 0],
      ['2026-11-23', 'Открытие лицевого счёта', 0, 1],
      ['2026-11-24', 'Открытие лицевого счёта', 1, 0],
    ])
    expect(report.rows[0]).toMatchObject(counts({ total: 3, served: 1, arrived: 1, noShow: 1 }))
    expect(report.byTopic.map((g) => [g.name, g.total, g.booked, g.cancelled, g.rescheduled])).toEqual([
      ['Консультация', 5, 1, 1, 0],
      ['Открытие лицевого счёта', 1, 1, 0, 1],
    ])
    expect(report.byDay.map((g) => [g.name, g.total])).toEqual([
      ['22.11.2026', 3],
      ['23.11.2026', 2],
      ['24.11.2026', 1],
    ])
    expect(report.byOffice).toEqual([{ key: officeId, name: 'Отделение отчёта', ...report.total }])

    // One day, every office: the demo's own appointments are counted too, ours among them.
    const all = await appointmentsReport(env.ctx, { from: '2026-11-23', to: '2026-11-23' }, clerk)
    expect(all.title).toBe('Записи на приём за 23.11.2026, все отделения')
    expect(all.byOffice.length).toBeGreaterThan(1)
    expect(all.byOffice.find((g) => g.key === officeId)).toMatchObject({ total: 2, rescheduled: 1 })
    const sum = all.byOffice.reduce((s, g) => s + g.total, 0)
    expect(all.total.total).toBe(sum)
    expect(all.rows.reduce((s, r) => s + r.total, 0)).toBe(sum)
  })

  it('exports the same figures as .xlsx, audited', async () => {
    const env = getCtx()
    const { officeId, clerk } = await bookedOffice(env)
    const file = await appointmentsReportXlsx(
      env.ctx,
      { from: '2026-11-22', to: '2026-11-24', officeId },
      clerk,
    )
    expect(file.fileName).toBe('Записи_2026-11-22_2026-11-24.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(REPORT_SHEETS))
    const detail = workbook.getWorksheet(REPORT_SHEETS.rows) as ExcelJS.Worksheet
    const header = (detail.getRow(1).values as ExcelJS.CellValue[]).slice(1)
    expect(header).toEqual([
      'Дата',
      'Отделение',
      'Тема',
      'Всего',
      'Записаны',
      'Пришли',
      'Приняты',
      'Отменены',
      'Не пришли',
      'Перенесены',
    ])
    const values = (n: number): ExcelJS.CellValue[] =>
      (detail.getRow(n).values as ExcelJS.CellValue[]).slice(1)
    expect(detail.getRow(2).getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 22)))
    expect(values(2).slice(1)).toEqual(['Отделение отчёта', 'Консультация', 3, 0, 1, 1, 0, 1, 0])
    expect(detail.rowCount).toBe(6)
    expect(values(6)).toEqual(['Итого', undefined, undefined, 6, 2, 1, 1, 1, 1, 1])
    const topics = workbook.getWorksheet(REPORT_SHEETS.topics) as ExcelJS.Worksheet
    expect((topics.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      'Открытие лицевого счёта',
      1,
      1,
      0,
      0,
      0,
      0,
      1,
    ])
    expect(await auditActions(env.db, env.settings.get().workstationId)).toContain(
      'appointments.report.export',
    )
  })

  it('refuses a range backwards or over a year, an unknown office, and an operator', async () => {
    const env = getCtx()
    const { info } = await clerkOf(env.db, 'supervisor')
    const backwards = await refusal(
      appointmentsReport(env.ctx, { from: '2026-11-30', to: '2026-11-01' }, info),
    )
    expect(backwards.message).toBe('Начальная дата позже конечной.')
    const long = await refusal(appointmentsReport(env.ctx, { from: '2026-01-01', to: '2027-01-02' }, info))
    expect(long.message).toBe('Отчёт строится не больше чем за 366 дней.')
    const office = await refusal(
      appointmentsReport(env.ctx, { from: '2026-11-01', to: '2026-11-30', officeId: randomUUID() }, info),
    )
    expect(office.message).toContain('Такого отделения нет')
    const operator = await signedInCall(env, 'operator')
    expect(
      await dispatch('appointments:report', { from: '2026-11-01', to: '2026-11-30' }, operator),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const bad = await dispatch(
      'appointments:report',
      { from: '31.11.2026', to: '2026-11-30' },
      await signedInCall(env, 'supervisor'),
    )
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('С даты') },
    })
  })
})
