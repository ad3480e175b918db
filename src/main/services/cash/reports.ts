// The payments report: the receipts of one shift or of one business day, with totals by
// service, clerk, counter and office (issue 5 item 8). Who sees what:
// - a shift: the one rule of scope.ts (an operator their counter, a supervisor their office);
// - a day: an operator sees only the payments they took; a supervisor the whole office (officeId)
//   or every office — the office's takings are the senior clerk's to reconcile.
import { businessDate, formatDateRu } from '../../../shared/dates'
import { formatTimeRu } from '../../../shared/zoned-format'
import type {
  PaymentsGroup,
  PaymentsReport,
  PaymentsReportRow,
  PaymentsReportShift,
  PaymentsTotal,
  PaymentsXlsx,
} from '../../../shared/domain/cash-report'
import { roleAtLeast, type ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import type { PaymentsReportInput } from '../../../shared/ipc/schemas/cash-report'
import type { PrintDocument } from '../../../shared/print/document'
import { clerkNames } from '../../db/repositories/clerks'
import { findOffice } from '../../db/repositories/organisation'
import {
  reportPayments,
  reportServiceTotals,
  type ReportFilter,
  type ReportPaymentRow,
  type ReportServiceRow,
} from '../../db/repositories/payments-report'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { buildPaymentsReport } from '../documents/payments-report'
import { requireOrganisation } from '../core/organisation'
import { paymentsXlsx } from './report-xlsx'
import { requireVisibleShift } from './scope'

interface Scope {
  /** The report's payments. */
  filter: ReportFilter
  date: string
  shift: PaymentsReportShift | null
  officeName: string | null
  onlyClerkName: string | null
  title: string
}

const supervisorOrAbove = (clerk: ClerkInfo): boolean => roleAtLeast(clerk.role, 'supervisor')

async function shiftScope(ctx: ServiceContext, shiftId: string, viewer: ClerkInfo): Promise<Scope> {
  const shift = await requireVisibleShift(ctx, viewer, shiftId)
  const [office, names] = await Promise.all([
    findOffice(ctx.db, shift.office_id),
    clerkNames(ctx.db.knex, [shift.opened_by]),
  ])
  const officeName = office?.name ?? ''
  return {
    filter: { shiftId: shift.id },
    date: shift.business_date,
    shift: {
      id: shift.id,
      number: shift.number,
      officeName,
      counterNumber: shift.counter_number,
      openedAt: shift.opened_at,
      openedByName: names.get(shift.opened_by) ?? '',
      closedAt: shift.closed_at,
    },
    officeName,
    onlyClerkName: null,
    title: `Платежи смены № ${shift.number}, ${officeName}, окно ${shift.counter_number}`,
  }
}

async function dayScope(
  ctx: ServiceContext,
  date: string,
  officeId: string | undefined,
  viewer: ClerkInfo,
): Promise<Scope> {
  const office = officeId ? await findOffice(ctx.db, officeId) : undefined
  if (officeId && !office) throw new OknoError('NOT_FOUND', 'Отделение не найдено: выберите его из списка.')
  const onlyOwn = !supervisorOrAbove(viewer)
  const parts = [`Платежи за ${formatDateRu(date)}`]
  if (office) parts.push(office.name)
  else if (!onlyOwn) parts.push('все отделения')
  if (onlyOwn) parts.push(viewer.fullName)
  return {
    filter: { date, officeId: office?.id ?? null, clerkId: onlyOwn ? viewer.id : null },
    date,
    shift: null,
    officeName: office?.name ?? null,
    onlyClerkName: onlyOwn ? viewer.fullName : null,
    title: parts.join(', '),
  }
}

/** ЧЧ:ММ:СС at `iso` in `timeZone`. */
const wallClockTime = (iso: string, timeZone: string): string => formatTimeRu(iso, timeZone, true)

function emptyTotal(): PaymentsTotal {
  return { paymentsCount: 0, paymentsKopecks: 0, refundsCount: 0, refundsKopecks: 0, netKopecks: 0 }
}

/** Adds one payment (positive) or refund (negative) of `amount` kopecks, counted `count` times. */
function add(total: PaymentsTotal, kind: 'payment' | 'reversal', amount: number, count = 1): void {
  if (kind === 'payment') {
    total.paymentsCount += count
    total.paymentsKopecks += amount
  } else {
    total.refundsCount += count
    total.refundsKopecks -= amount
  }
  total.netKopecks += amount
}

class Groups {
  private readonly map = new Map<string, PaymentsGroup>()

  add(key: string, name: string, kind: 'payment' | 'reversal', amount: number, count = 1): void {
    let group = this.map.get(key)
    if (!group) {
      group = { key, name, ...emptyTotal() }
      this.map.set(key, group)
    }
    add(group, kind, amount, count)
  }

  list(order?: (a: PaymentsGroup, b: PaymentsGroup) => number): PaymentsGroup[] {
    const groups = [...this.map.values()]
    return order ? groups.sort(order) : groups
  }
}

const byName = (a: PaymentsGroup, b: PaymentsGroup): number => a.name.localeCompare(b.name, 'ru')

/** The receipts' lines, with the totals they add up to: overall, per clerk, counter and office. */
function receiptTotals(
  rows: readonly ReportPaymentRow[],
  timeZone: string,
): Pick<PaymentsReport, 'rows' | 'byClerk' | 'byCounter' | 'byOffice' | 'total'> {
  const total = emptyTotal()
  const clerks = new Groups()
  const counters = new Groups()
  const offices = new Groups()
  const counterOrder = new Map<string, [string, number]>()
  const reportRows: PaymentsReportRow[] = rows.map((r) => {
    const amount = Number(r.amount_kopecks)
    const counterNumber = Number(r.counter_number)
    const clerkName = r.clerk_name ?? ''
    add(total, r.kind, amount)
    clerks.add(r.clerk_id ?? '', clerkName, r.kind, amount)
    const counterKey = `${r.office_id}:${counterNumber}`
    counterOrder.set(counterKey, [r.office_name, counterNumber])
    counters.add(counterKey, `${r.office_name}, окно ${counterNumber}`, r.kind, amount)
    offices.add(r.office_id, r.office_name, r.kind, amount)
    return reportRow(r, amount, counterNumber, clerkName, timeZone)
  })
  return {
    rows: reportRows,
    byClerk: clerks.list(byName),
    byCounter: counters.list((a, b) => {
      const [officeA, numberA] = counterOrder.get(a.key) ?? ['', 0]
      const [officeB, numberB] = counterOrder.get(b.key) ?? ['', 0]
      return officeA.localeCompare(officeB, 'ru') || numberA - numberB
    }),
    byOffice: offices.list(byName),
    total,
  }
}

function reportRow(
  r: ReportPaymentRow,
  amount: number,
  counterNumber: number,
  clerkName: string,
  timeZone: string,
): PaymentsReportRow {
  return {
    paymentId: r.id,
    receiptNumber: r.receipt_number ?? '',
    kind: r.kind,
    paidAt: r.paid_at,
    date: businessDate(new Date(r.paid_at), timeZone),
    time: wallClockTime(r.paid_at, timeZone),
    accountNumber: r.account_number,
    payerName: r.payer_name,
    amountKopecks: amount,
    clerkName,
    officeName: r.office_name,
    counterNumber,
    shiftNumber: Number(r.shift_number),
    reverses: r.reverses ?? null,
  }
}

/** The totals per service, in the services' usual order. */
function serviceTotals(services: readonly ReportServiceRow[]): PaymentsGroup[] {
  const serviceSort = new Map<string, number>()
  const byService = new Groups()
  for (const s of services) {
    serviceSort.set(s.code, Number(s.sort))
    byService.add(s.code, s.name, s.kind, Number(s.s), Number(s.n))
  }
  return byService.list((a, b) => (serviceSort.get(a.key) ?? 0) - (serviceSort.get(b.key) ?? 0))
}

export async function paymentsReport(
  ctx: ServiceContext,
  input: PaymentsReportInput,
  viewer: ClerkInfo,
): Promise<PaymentsReport> {
  const org = await requireOrganisation(ctx)
  const scope =
    input.scope === 'shift'
      ? await shiftScope(ctx, input.shiftId, viewer)
      : await dayScope(ctx, input.date, input.officeId, viewer)
  const [rows, services] = await Promise.all([
    reportPayments(ctx.db.knex, scope.filter),
    reportServiceTotals(ctx.db.knex, scope.filter),
  ])
  const receipts = receiptTotals(rows, org.time_zone)
  return {
    scope: input.scope,
    title: scope.title,
    date: scope.date,
    shift: scope.shift,
    officeName: scope.officeName,
    onlyClerkName: scope.onlyClerkName,
    organisationName: org.short_name,
    timeZone: org.time_zone,
    generatedAt: ctx.clock.now().toISOString(),
    generatedByName: viewer.fullName,
    rows: receipts.rows,
    byService: serviceTotals(services),
    byClerk: receipts.byClerk,
    byCounter: receipts.byCounter,
    byOffice: receipts.byOffice,
    total: receipts.total,
  }
}

/** The report as an .xlsx file; the export (personal data leaving the desk) is audited. */
export async function paymentsReportXlsx(
  ctx: ServiceContext,
  input: PaymentsReportInput,
  viewer: ClerkInfo,
): Promise<PaymentsXlsx> {
  const report = await paymentsReport(ctx, input, viewer)
  const file = await paymentsXlsx(report)
  await ctx.db.knex.transaction((trx) =>
    appendAudit(ctx, trx, {
      action: 'report.export',
      clerkId: viewer.id,
      objectType: input.scope === 'shift' ? 'shift' : 'day',
      objectId: input.scope === 'shift' ? input.shiftId : input.date,
      details: { ...input, fileName: file.fileName, receipts: report.rows.length },
    }),
  )
  return file
}

/** The report to preview and print, laid out for the workstation's paper. */
export async function paymentsReportDocument(
  ctx: ServiceContext,
  input: PaymentsReportInput,
  viewer: ClerkInfo,
): Promise<PrintDocument> {
  return buildPaymentsReport(await paymentsReport(ctx, input, viewer), ctx.settings.get().printer.paper)
}
