// The payments report: the receipts of one shift or of one business day, with totals by
// service, clerk, counter and office (issue 5 item 8). Who sees what:
// - a shift: the one rule of scope.ts (an operator their counter, a supervisor their office);
// - a day: an operator sees only the payments they took; a supervisor the whole office (officeId)
//   or every office — the office's takings are the senior clerk's to reconcile.
import type { Knex } from 'knex'
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
import { findOffice } from '../../db/repositories/organisation'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { buildPaymentsReport } from '../documents/payments-report'
import { requireOrganisation } from '../core/organisation'
import { paymentsXlsx } from './report-xlsx'
import { requireVisibleShift } from './scope'
import { clerkNames } from './shift-figures'

interface Scope {
  /** Narrows `payments as p` joined with `shifts as sh` to the report's payments. */
  where: (q: Knex.QueryBuilder) => Knex.QueryBuilder
  date: string
  shift: PaymentsReportShift | null
  officeName: string | null
  onlyClerkName: string | null
  title: string
}

interface Row {
  id: string
  receipt_number: string | null
  receipt_no: number | string | null
  kind: 'payment' | 'reversal'
  paid_at: string
  business_date: string
  amount_kopecks: number | string
  payer_name: string
  clerk_id: string | null
  clerk_name: string | null
  account_number: string
  office_id: string
  office_name: string
  counter_number: number | string
  shift_number: number | string
  reverses: string | null
}

interface ServiceRow {
  code: string
  name: string
  sort: number | string
  kind: 'payment' | 'reversal'
  n: number | string
  s: number | string
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
    where: (q) => q.where('p.shift_id', shift.id),
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
    where: (q) => {
      let scoped = q.where('p.business_date', date)
      if (office) scoped = scoped.where('sh.office_id', office.id)
      if (onlyOwn) scoped = scoped.where('p.clerk_id', viewer.id)
      return scoped
    },
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

function scopedPayments(knex: Knex, scope: Scope): Knex.QueryBuilder {
  return scope.where(
    knex('payments as p').join('shifts as sh', 'sh.id', 'p.shift_id').whereNotNull('p.shift_id'),
  )
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
  const knex = ctx.db.knex
  const [rows, services] = await Promise.all([
    scopedPayments(knex, scope)
      .join('accounts as a', 'a.id', 'p.account_id')
      .join('offices as o', 'o.id', 'sh.office_id')
      .leftJoin('clerks as c', 'c.id', 'p.clerk_id')
      .leftJoin('payments as orig', 'orig.id', 'p.reverses_id')
      .orderBy([
        { column: 'p.paid_at' },
        { column: 'o.name' },
        { column: 'sh.counter_number' },
        { column: 'p.receipt_no' },
      ])
      .select(
        'p.id',
        'p.receipt_number',
        'p.receipt_no',
        'p.kind',
        'p.paid_at',
        'p.business_date',
        'p.amount_kopecks',
        'p.payer_name',
        'p.clerk_id',
        'c.full_name as clerk_name',
        'a.number as account_number',
        'sh.office_id',
        'o.name as office_name',
        'sh.counter_number',
        'sh.number as shift_number',
        'orig.receipt_number as reverses',
      ) as Promise<Row[]>,
    scopedPayments(knex, scope)
      .join('payment_allocations as al', 'al.payment_id', 'p.id')
      .join('services as sv', 'sv.id', 'al.service_id')
      .groupBy('sv.code', 'sv.name', 'sv.sort', 'p.kind')
      .select('sv.code', 'sv.name', 'sv.sort', 'p.kind')
      .countDistinct({ n: 'p.id' })
      .sum({ s: 'al.amount_kopecks' }) as Promise<ServiceRow[]>,
  ])

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
    return {
      paymentId: r.id,
      receiptNumber: r.receipt_number ?? '',
      kind: r.kind,
      paidAt: r.paid_at,
      date: businessDate(new Date(r.paid_at), org.time_zone),
      time: wallClockTime(r.paid_at, org.time_zone),
      accountNumber: r.account_number,
      payerName: r.payer_name,
      amountKopecks: amount,
      clerkName,
      officeName: r.office_name,
      counterNumber,
      shiftNumber: Number(r.shift_number),
      reverses: r.reverses ?? null,
    }
  })

  const serviceSort = new Map<string, number>()
  const byService = new Groups()
  for (const s of services) {
    serviceSort.set(s.code, Number(s.sort))
    byService.add(s.code, s.name, s.kind, Number(s.s), Number(s.n))
  }

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
    rows: reportRows,
    byService: byService.list((a, b) => (serviceSort.get(a.key) ?? 0) - (serviceSort.get(b.key) ?? 0)),
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
