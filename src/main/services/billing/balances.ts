// What an account owes: opening debt, charges and payments, per service and in total, as of any
// date; the month-by-month statement; one month's detail.
import { addPeriods, lastDay, periodOf, periodsBetween } from '../../../shared/billing/period'
import type {
  AccountBalance,
  AccountStatement,
  ChargeBasisKind,
  MonthDetail,
  ServiceAmount,
} from '../../../shared/domain/billing'
import { businessDate } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { findAccount } from '../../db/repositories/accounts'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'

/** The longest range a statement covers (five years of months). */
const MAX_STATEMENT_MONTHS = 60

async function requireAccount(ctx: ServiceContext, accountId: string): Promise<void> {
  if (!(await findAccount(ctx.db, accountId)))
    throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
}

type Sums = Map<string, number>

async function sumBy(
  ctx: ServiceContext,
  table: 'opening_balances' | 'charges' | 'payment_allocations',
  accountId: string,
  filter?: (q: import('knex').Knex.QueryBuilder) => import('knex').Knex.QueryBuilder,
): Promise<Sums> {
  let q = ctx.db.knex(`${table} as x`).where('x.account_id', accountId)
  if (filter) q = filter(q)
  const rows = (await q
    .groupBy('x.service_id')
    .select('x.service_id')
    .sum({ s: 'x.amount_kopecks' })) as Array<{
    service_id: string
    s: number | string
  }>
  return new Map(rows.map((r) => [r.service_id, Number(r.s)]))
}

export async function accountBalance(
  ctx: ServiceContext,
  accountId: string,
  asOf?: string,
): Promise<AccountBalance> {
  await requireAccount(ctx, accountId)
  const org = await requireOrganisation(ctx)
  const date = asOf ?? businessDate(ctx.clock.now(), org.time_zone)
  const [opening, charged, paid, services] = await Promise.all([
    sumBy(ctx, 'opening_balances', accountId),
    sumBy(ctx, 'charges', accountId, (q) => q.where('x.period', '<=', periodOf(date))),
    sumBy(ctx, 'payment_allocations', accountId, (q) =>
      q.join('payments as p', 'p.id', 'x.payment_id').where('p.business_date', '<=', date),
    ),
    ctx.db.knex('services').select('id', 'code', 'name').orderBy('sort') as Promise<
      Array<{ id: string; code: string; name: string }>
    >,
  ])
  const lines: ServiceAmount[] = services
    .map((s) => ({
      serviceCode: s.code,
      serviceName: s.name,
      amountKopecks: (opening.get(s.id) ?? 0) + (charged.get(s.id) ?? 0) - (paid.get(s.id) ?? 0),
    }))
    .filter((l) => l.amountKopecks !== 0)
  return {
    accountId,
    asOf: date,
    services: lines,
    totalKopecks: lines.reduce((a, l) => a + l.amountKopecks, 0),
  }
}

export async function accountStatement(
  ctx: ServiceContext,
  accountId: string,
  from: string,
  to: string,
): Promise<AccountStatement> {
  await requireAccount(ctx, accountId)
  if (from > to)
    throw new OknoError('VALIDATION', 'Начальный месяц позже конечного: поменяйте их местами.', {
      from: 'Позже конечного месяца',
    })
  if (periodsBetween(from, to) >= MAX_STATEMENT_MONTHS) {
    throw new OknoError(
      'VALIDATION',
      `Выписка — не больше ${MAX_STATEMENT_MONTHS} месяцев: сократите период.`,
      { from: 'Слишком ранний месяц' },
    )
  }
  const knex = ctx.db.knex
  const [opening, chargedBefore, paidBefore, charges, payments] = await Promise.all([
    knex('opening_balances').where({ account_id: accountId }).sum({ s: 'amount_kopecks' }).first(),
    knex('charges')
      .where({ account_id: accountId })
      .where('period', '<', from)
      .sum({ s: 'amount_kopecks' })
      .first(),
    knex('payments')
      .where({ account_id: accountId })
      .where('business_date', '<', `${from}-01`)
      .sum({ s: 'amount_kopecks' })
      .first(),
    knex('charges')
      .where({ account_id: accountId })
      .whereBetween('period', [from, to])
      .groupBy('period')
      .select('period')
      .sum({ s: 'amount_kopecks' }),
    knex('payments')
      .where({ account_id: accountId })
      .whereBetween('business_date', [`${from}-01`, lastDay(to)])
      .select('business_date', 'amount_kopecks'),
  ])
  const num = (row: unknown): number => Number((row as { s: number | string | null } | undefined)?.s ?? 0)
  const openingDebt = num(opening) + num(chargedBefore) - num(paidBefore)
  const chargedBy = new Map(
    (charges as Array<{ period: string; s: number }>).map((r) => [r.period, Number(r.s)]),
  )
  const paidBy = new Map<string, number>()
  for (const p of payments as Array<{ business_date: string; amount_kopecks: number }>) {
    const month = p.business_date.slice(0, 7)
    paidBy.set(month, (paidBy.get(month) ?? 0) + Number(p.amount_kopecks))
  }
  let debt = openingDebt
  const months = []
  for (let p = from; p <= to; p = addPeriods(p, 1)) {
    const charged = chargedBy.get(p) ?? 0
    const paid = paidBy.get(p) ?? 0
    debt += charged - paid
    months.push({ period: p, chargedKopecks: charged, paidKopecks: paid, debtKopecks: debt })
  }
  return { accountId, from, to, openingDebtKopecks: openingDebt, months }
}

export async function monthDetail(
  ctx: ServiceContext,
  accountId: string,
  period: string,
): Promise<MonthDetail> {
  await requireAccount(ctx, accountId)
  const knex = ctx.db.knex
  const [charges, lines] = await Promise.all([
    knex('charges as c')
      .join('services as s', 's.id', 'c.service_id')
      .where({ 'c.account_id': accountId, 'c.period': period })
      .orderBy('s.sort')
      .select('s.code', 's.name', 'c.basis', 'c.amount_kopecks'),
    knex('charge_lines as l')
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
      ),
  ])
  const services = (
    charges as Array<{ code: string; name: string; basis: ChargeBasisKind; amount_kopecks: number }>
  ).map((c) => ({
    serviceCode: c.code,
    serviceName: c.name,
    basis: c.basis,
    amountKopecks: Number(c.amount_kopecks),
  }))
  return {
    accountId,
    period,
    services,
    totalKopecks: services.reduce((a, s) => a + s.amountKopecks, 0),
    lines: (
      lines as Array<{
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
      }>
    ).map((l) => ({
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
    })),
  }
}
