// What an account owes: opening debt, charges and payments, per service and in total, as of any
// date; the month-by-month statement; one month's detail.
import { addPeriods, lastDay, periodOf, periodsBetween } from '../../../shared/billing/period'
import type {
  AccountBalance,
  AccountStatement,
  MonthDetail,
  ServiceAmount,
} from '../../../shared/domain/billing'
import { businessDate } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { findAccount } from '../../db/repositories/accounts'
import {
  chargedPerService,
  monthChargeLines,
  monthCharges,
  openingPerService,
  paidPerService,
  statementSums,
} from '../../db/repositories/balances'
import { allServices } from '../../db/repositories/charges'
import type { ServiceContext } from '../core/context'
import { requireOrganisation } from '../core/organisation'

/** The longest range a statement covers (five years of months). */
const MAX_STATEMENT_MONTHS = 60

async function requireAccount(ctx: ServiceContext, accountId: string): Promise<void> {
  if (!(await findAccount(ctx.db, accountId)))
    throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
}

export async function accountBalance(
  ctx: ServiceContext,
  accountId: string,
  asOf?: string,
): Promise<AccountBalance> {
  await requireAccount(ctx, accountId)
  const org = await requireOrganisation(ctx)
  const date = asOf ?? businessDate(ctx.clock.now(), org.time_zone)
  const knex = ctx.db.knex
  const [opening, charged, paid, services] = await Promise.all([
    openingPerService(knex, accountId),
    chargedPerService(knex, accountId, periodOf(date)),
    paidPerService(knex, accountId, date),
    allServices(ctx.db),
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
  const { openingDebt, chargedBy, paidBy } = await statementSums(
    ctx.db.knex,
    accountId,
    from,
    to,
    lastDay(to),
  )
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
  const [services, lines] = await Promise.all([
    monthCharges(ctx.db.knex, accountId, period),
    monthChargeLines(ctx.db.knex, accountId, period),
  ])
  return {
    accountId,
    period,
    services,
    totalKopecks: services.reduce((a, s) => a + s.amountKopecks, 0),
    lines,
  }
}
