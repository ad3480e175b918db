// The appointments report (issue 6 item 6): for a date range, one office or all, how many
// appointments each office, topic and day had and how they ended — still booked, arrived,
// served, cancelled, no-show, and moved to another time — and the same as an .xlsx workbook.
import { daysBetween, formatDateRu } from '../../../shared/dates'
import type {
  AppointmentCounts,
  AppointmentReport,
  AppointmentReportGroup,
  AppointmentReportRow,
  AppointmentReportXlsx,
} from '../../../shared/domain/appointment-admin'
import type { AppointmentStatus } from '../../../shared/domain/appointment'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import type { AppointmentReportInput } from '../../../shared/ipc/schemas/appointment-admin'
import { appointmentCounts } from '../../db/repositories/appointment-report'
import { recordAudit } from '../core/audit'
import { newWorkbook, sheet, totalRow, type ColumnSpec } from '../cash/report-xlsx'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'
import { requireOffice } from './office-calendar'

/** The longest range one report covers. */
const MAX_DAYS = 366

type Counted = Exclude<keyof AppointmentCounts, 'total'>

const STATUS_FIELD: Record<AppointmentStatus, Counted> = {
  booked: 'booked',
  arrived: 'arrived',
  served: 'served',
  cancelled: 'cancelled',
  no_show: 'noShow',
}

export const emptyCounts = (): AppointmentCounts => ({
  total: 0,
  booked: 0,
  arrived: 0,
  served: 0,
  cancelled: 0,
  noShow: 0,
  rescheduled: 0,
})

/** Adds `n` appointments of `status`; one moved away counts as rescheduled, not in the total. */
function add(counts: AppointmentCounts, status: AppointmentStatus, moved: boolean, n: number): void {
  if (moved) {
    counts.rescheduled += n
    return
  }
  counts[STATUS_FIELD[status]] += n
  counts.total += n
}

class Groups {
  private readonly map = new Map<string, AppointmentReportGroup>()

  add(key: string, name: string, status: AppointmentStatus, moved: boolean, n: number): void {
    let group = this.map.get(key)
    if (!group) this.map.set(key, (group = { key, name, ...emptyCounts() }))
    add(group, status, moved, n)
  }

  list(order: (a: AppointmentReportGroup, b: AppointmentReportGroup) => number): AppointmentReportGroup[] {
    return [...this.map.values()].sort(order)
  }
}

export async function appointmentsReport(
  ctx: ServiceContext,
  input: AppointmentReportInput,
  viewer: ClerkInfo,
): Promise<AppointmentReport> {
  if (input.from > input.to) {
    throw new OknoError('VALIDATION', 'Начальная дата позже конечной.', { from: 'Позже конечной даты' })
  }
  if (daysBetween(input.from, input.to) >= MAX_DAYS) {
    throw new OknoError('VALIDATION', `Отчёт строится не больше чем за ${MAX_DAYS} дней.`, {
      to: 'Слишком большой период',
    })
  }
  const [org, office] = await Promise.all([
    requireOrganisation(ctx),
    input.officeId ? requireOffice(ctx.db, input.officeId) : Promise.resolve(null),
  ])
  const rows = await appointmentCounts(ctx.db.knex, input.from, input.to, office?.id ?? null)

  const total = emptyCounts()
  const offices = new Groups()
  const topics = new Groups()
  const days = new Groups()
  const cells = new Map<string, AppointmentReportRow>()
  const topicSort = new Map<string, number>()
  for (const r of rows) {
    const n = Number(r.n)
    const isMoved = Number(r.moved) === 1
    add(total, r.status, isMoved, n)
    offices.add(r.office_id, r.office_name, r.status, isMoved, n)
    topics.add(r.topic_id, r.topic_name, r.status, isMoved, n)
    days.add(r.date, formatDateRu(r.date), r.status, isMoved, n)
    topicSort.set(r.topic_id, Number(r.topic_sort))
    const key = `${r.date}|${r.office_id}|${r.topic_id}`
    let cell = cells.get(key)
    if (!cell) {
      cell = {
        date: r.date,
        officeId: r.office_id,
        officeName: r.office_name,
        topicId: r.topic_id,
        topicName: r.topic_name,
        ...emptyCounts(),
      }
      cells.set(key, cell)
    }
    add(cell, r.status, isMoved, n)
  }
  const sortOf = (id: string): number => topicSort.get(id) ?? 0
  const range =
    input.from === input.to
      ? formatDateRu(input.from)
      : `${formatDateRu(input.from)}–${formatDateRu(input.to)}`
  return {
    title: `Записи на приём за ${range}, ${office ? office.name : 'все отделения'}`,
    from: input.from,
    to: input.to,
    officeName: office?.name ?? null,
    organisationName: org.short_name,
    generatedAt: ctx.clock.now().toISOString(),
    generatedByName: viewer.fullName,
    rows: [...cells.values()].sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.officeName.localeCompare(b.officeName, 'ru') ||
        sortOf(a.topicId) - sortOf(b.topicId),
    ),
    byOffice: offices.list((a, b) => a.name.localeCompare(b.name, 'ru')),
    byTopic: topics.list((a, b) => sortOf(a.key) - sortOf(b.key)),
    byDay: days.list((a, b) => a.key.localeCompare(b.key)),
    total,
  }
}

const COUNT_COLUMNS: ColumnSpec[] = [
  { header: 'Всего', key: 'total', width: 9 },
  { header: 'Записаны', key: 'booked', width: 10 },
  { header: 'Пришли', key: 'arrived', width: 9 },
  { header: 'Приняты', key: 'served', width: 9 },
  { header: 'Отменены', key: 'cancelled', width: 10 },
  { header: 'Не пришли', key: 'noShow', width: 10 },
  { header: 'Перенесены', key: 'rescheduled', width: 11 },
]

const countValues = (c: AppointmentCounts): Record<string, number> => ({
  total: c.total,
  booked: c.booked,
  arrived: c.arrived,
  served: c.served,
  cancelled: c.cancelled,
  noShow: c.noShow,
  rescheduled: c.rescheduled,
})

export const REPORT_SHEETS = {
  rows: 'Записи',
  offices: 'По отделениям',
  topics: 'По темам',
  days: 'По дням',
} as const

export async function appointmentsWorkbook(report: AppointmentReport): Promise<Buffer> {
  const workbook = newWorkbook(report)

  const rowColumns: ColumnSpec[] = [
    { header: 'Дата', key: 'date', width: 12, format: 'dd.mm.yyyy' },
    { header: 'Отделение', key: 'office', width: 30 },
    { header: 'Тема', key: 'topic', width: 30 },
    ...COUNT_COLUMNS,
  ]
  const detail = sheet(workbook, REPORT_SHEETS.rows, report.title, rowColumns)
  for (const r of report.rows) {
    const [y, m, d] = r.date.split('-').map(Number) as [number, number, number]
    detail.addRow({
      date: new Date(Date.UTC(y, m - 1, d)),
      office: r.officeName,
      topic: r.topicName,
      ...countValues(r),
    })
  }
  totalRow(detail, rowColumns, countValues(report.total), report.rows.length)
  if (report.rows.length > 0) {
    detail.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: report.rows.length + 1, column: rowColumns.length },
    }
  }
  const groups: Array<[string, string, AppointmentReportGroup[]]> = [
    [REPORT_SHEETS.offices, 'Отделение', report.byOffice],
    [REPORT_SHEETS.topics, 'Тема', report.byTopic],
    [REPORT_SHEETS.days, 'Дата', report.byDay],
  ]
  for (const [name, first, list] of groups) {
    const columns: ColumnSpec[] = [
      {
        header: first,
        key: 'name',
        width: Math.min(60, Math.max(14, ...list.map((g) => g.name.length + 2))),
      },
      ...COUNT_COLUMNS,
    ]
    const ws = sheet(workbook, name, report.title, columns)
    for (const g of list) ws.addRow({ name: g.name, ...countValues(g) })
    totalRow(ws, columns, countValues(report.total), list.length)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** «Записи_2026-11-01_2026-11-30.xlsx». */
export function appointmentsFileName(report: AppointmentReport): string {
  return `Записи_${report.from}_${report.to}.xlsx`
}

export async function appointmentsReportXlsx(
  ctx: ServiceContext,
  input: AppointmentReportInput,
  viewer: ClerkInfo,
): Promise<AppointmentReportXlsx> {
  const report = await appointmentsReport(ctx, input, viewer)
  const file = {
    fileName: appointmentsFileName(report),
    base64: (await appointmentsWorkbook(report)).toString('base64'),
  }
  await recordAudit(ctx, {
    action: 'appointments.report.export',
    clerkId: viewer.id,
    objectType: 'report',
    objectId: file.fileName,
    details: { from: input.from, to: input.to, officeId: input.officeId ?? null },
  })
  return file
}
