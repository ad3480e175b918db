// What an account owes, read as sums: per service (opening debt, charges, payments as of a date),
// per month for the statement, and one month's charges with their lines.
import type { Knex } from 'knex'
import type { ChargeBasisKind, MonthDetail } from '../../../shared/domain/billing'

type Reader = Knex | Knex.Transaction

/** Sums per service id. */
export type ServiceSums = Map<string, number>

async function sumPerService(query: Knex.QueryBuilder): Promise<ServiceSums> {
  const rows = (await query
    .groupBy('x.service_id')
    .select('x.service_id')
    .sum({ s: 'x.amount_kopecks' })) as Array<{
    service_id: string
    s: number | string
  }>
  return new Map(rows.map((r) => [r.service_id, Number(r.s)]))
}

export function openingPerService(db: Reader, accountId: string): Promise<ServiceSums> {
  return sumPerService(db('opening_balances as x').where('x.account_id', accountId))
}

/** Charges of months up to `period` inclusive. */
export function chargedPerService(db: Reader, accountId: string, period: string): Promise<ServiceSums> {
  return sumPerService(db('charges as x').where('x.account_id', accountId).where('x.period', '<=', period))
}

/** Payments allocated to services, taken up to `date` inclusive. */
export function paidPerService(db: Reader, accountId: string, date: string): Promise<ServiceSums> {
  return sumPerService(
    db('payment_allocations as x')
      .where('x.account_id', accountId)
      .join('payments as p', 'p.id', 'x.payment_id')
      .where('p.business_date', '<=', date),
  )
}

/** Payments allocated to services (by service code), taken in [from, to]. */
export async function paidPerServiceCode(
  db: Reader,
  accountId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = (await db('payment_allocations as x')
    .join('payments as p', 'p.id', 'x.payment_id')
    .join('services as s', 's.id', 'x.service_id')
    .where('x.account_id', accountId)
    .whereBetween('p.business_date', [from, to])
    .groupBy('s.code')
    .select('s.code')
    .sum({ total: 'x.amount_kopecks' })) as Array<{ code: string; total: number | string }>
  return new Map(rows.map((r) => [r.code, Number(r.total)]))
}

export interface StatementSums {
  /** Opening balance plus charges minus payments before the first month. */
  openingDebt: number
  chargedBy: Map<string, number>
  /** Payments per month ('YYYY-MM') of the range. */
  paidBy: Map<string, number>
}

const sumOf = (row: unknown): number => Number((row as { s: number | string | null } | undefined)?.s ?? 0)

/** The statement's sums for months [from, to] ('YYYY-MM'); `toDay` is the last day of `to`. */
export async function statementSums(
  db: Reader,
  accountId: string,
  from: string,
  to: string,
  toDay: string,
): Promise<StatementSums> {
  const [opening, chargedBefore, paidBefore, charges, payments] = await Promise.all([
    db('opening_balances').where({ account_id: accountId }).sum({ s: 'amount_kopecks' }).first(),
    db('charges')
      .where({ account_id: accountId })
      .where('period', '<', from)
      .sum({ s: 'amount_kopecks' })
      .first(),
    db('payments')
      .where({ account_id: accountId })
      .where('business_date', '<', `${from}-01`)
      .sum({ s: 'amount_kopecks' })
      .first(),
    db('charges')
      .where({ account_id: accountId })
      .whereBetween('period', [from, to])
      .groupBy('period')
      .select('period')
      .sum({ s: 'amount_kopecks' }),
    db('payments')
      .where({ account_id: accountId })
      .whereBetween('business_date', [`${from}-01`, toDay])
      .select('business_date', 'amount_kopecks'),
  ])
  const paidBy = new Map<string, number>()
  for (const p of payments as Array<{ business_date: string; amount_kopecks: number }>) {
    const month = p.business_date.slice(0, 7)
    paidBy.set(month, (paidBy.get(month) ?? 0) + Number(p.amount_kopecks))
  }
  return {
    openingDebt: sumOf(opening) + sumOf(chargedBefore) - sumOf(paidBefore),
    chargedBy: new Map((charges as Array<{ period: string; s: number }>).map((r) => [r.period, Number(r.s)])),
    paidBy,
  }
}

/** The month's charges per service, in the services' order. */
export async function monthCharges(
  db: Reader,
  accountId: string,
  period: string,
): Promise<MonthDetail['services']> {
  const rows = (await db('charges as c')
    .join('services as s', 's.id', 'c.service_id')
    .where({ 'c.account_id': accountId, 'c.period': period })
    .orderBy('s.sort')
    .select('s.code', 's.name', 'c.basis', 'c.amount_kopecks')) as Array<{
    code: string
    name: string
    basis: ChargeBasisKind
    amount_kopecks: number
  }>
  return rows.map((c) => ({
    serviceCode: c.code,
    serviceName: c.name,
    basis: c.basis,
    amountKopecks: Number(c.amount_kopecks),
  }))
}

interface MonthLineRow {
  code: string
  name: string
  unit: string
  kind: ChargeBasisKind
  serial: string | null
  zone: number
  volume_milli: number
  price_kopecks: number
  amount_kopecks: number
  ref_periods: string
}

/** The lines of the month's charges, by service, in the order they were written. */
export async function monthChargeLines(
  db: Reader,
  accountId: string,
  period: string,
): Promise<MonthDetail['lines']> {
  const rows = (await db('charge_lines as l')
    .join('charges as c', 'c.id', 'l.charge_id')
    .join('services as s', 's.id', 'l.service_id')
    .leftJoin('meters as m', 'm.id', 'l.meter_id')
    .where({ 'c.account_id': accountId, 'c.period': period })
    .orderBy([{ column: 's.sort' }, { column: 'l.id' }])
    .select(
      's.code',
      's.name',
      's.unit',
      'l.kind',
      'm.serial',
      'l.zone',
      'l.volume_milli',
      'l.price_kopecks',
      'l.amount_kopecks',
      'l.ref_periods',
    )) as MonthLineRow[]
  return rows.map((l) => ({
    serviceCode: l.code,
    serviceName: l.name,
    unit: l.unit,
    kind: l.kind,
    meterSerial: l.serial,
    zone: Number(l.zone),
    volumeMilli: Number(l.volume_milli),
    priceKopecks: Number(l.price_kopecks),
    amountKopecks: Number(l.amount_kopecks),
    refPeriods: l.ref_periods ? l.ref_periods.split(',') : [],
  }))
}
