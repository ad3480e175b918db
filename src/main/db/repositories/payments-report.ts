// The payments report's rows: the receipts of one shift or of one business day (of an office, of
// one clerk, or of every office), and their totals per service.
import type { Knex } from 'knex'

/** Which receipts the report holds. */
export type ReportFilter =
  | { shiftId: string }
  | {
      date: string
      /** One office; every office when null. */
      officeId: string | null
      /** Only what this clerk took; everyone's when null. */
      clerkId: string | null
    }

export interface ReportPaymentRow {
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

export interface ReportServiceRow {
  code: string
  name: string
  sort: number | string
  kind: 'payment' | 'reversal'
  n: number | string
  s: number | string
}

/** The report's payments as `payments as p` joined with their shift `sh`. */
function scopedPayments(knex: Knex, filter: ReportFilter): Knex.QueryBuilder {
  const q = knex('payments as p').join('shifts as sh', 'sh.id', 'p.shift_id').whereNotNull('p.shift_id')
  if ('shiftId' in filter) return q.where('p.shift_id', filter.shiftId)
  let scoped = q.where('p.business_date', filter.date)
  if (filter.officeId !== null) scoped = scoped.where('sh.office_id', filter.officeId)
  if (filter.clerkId !== null) scoped = scoped.where('p.clerk_id', filter.clerkId)
  return scoped
}

/** The receipts in time order (then office, window and receipt number). */
export async function reportPayments(knex: Knex, filter: ReportFilter): Promise<ReportPaymentRow[]> {
  return (await scopedPayments(knex, filter)
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
    )) as ReportPaymentRow[]
}

/** Per service and kind: how many receipts and how much. */
export async function reportServiceTotals(knex: Knex, filter: ReportFilter): Promise<ReportServiceRow[]> {
  return (await scopedPayments(knex, filter)
    .join('payment_allocations as al', 'al.payment_id', 'p.id')
    .join('services as sv', 'sv.id', 'al.service_id')
    .groupBy('sv.code', 'sv.name', 'sv.sort', 'p.kind')
    .select('sv.code', 'sv.name', 'sv.sort', 'p.kind')
    .countDistinct({ n: 'p.id' })
    .sum({ s: 'al.amount_kopecks' })) as ReportServiceRow[]
}
