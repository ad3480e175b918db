// The bill of one account for one month: reads the account, the organisation, the month's
// charges, payments and balance, and the meter readings, and hands them to the pure builder.
import { formatFullAddress } from '../../../shared/address'
import { readingConsumption } from '../../../shared/billing/consumption'
import { firstDay, formatPeriodRu, lastDay } from '../../../shared/billing/period'
import { businessDate } from '../../../shared/dates'
import type { MonthDetail } from '../../../shared/domain/billing'
import { OknoError } from '../../../shared/ipc/envelope'
import type { PrintDocument } from '../../../shared/print/document'
import { findAccount, listAccountPersons } from '../../db/repositories/accounts'
import { paidPerServiceCode } from '../../db/repositories/balances'
import { allServices } from '../../db/repositories/charges'
import { metersOf, readingsOf, readingValues } from '../../db/repositories/readings'
import { accountBalance, monthDetail } from './balances'
import type { ServiceContext } from '../core/context'
import { buildBill, type BillReading, type BillServiceLine } from '../documents/bill'
import { requireOrganisation } from '../core/organisation'

const ZONE_NAMES: Record<number, string[]> = { 2: ['день', 'ночь'], 3: ['пик', 'полупик', 'ночь'] }

function serviceLines(
  services: Array<{ code: string; name: string; unit: string }>,
  detail: MonthDetail,
  toPay: Map<string, number>,
  paid: Map<string, number>,
): BillServiceLine[] {
  const charged = new Map(detail.services.map((s) => [s.serviceCode, s.amountKopecks]))
  return services
    .filter((s) => charged.has(s.code) || (toPay.get(s.code) ?? 0) !== 0 || (paid.get(s.code) ?? 0) !== 0)
    .map((s) => {
      const lines = detail.lines.filter((l) => l.serviceCode === s.code)
      const billed = lines.filter((l) => l.kind !== 'recalculation')
      const recalculation = lines
        .filter((l) => l.kind === 'recalculation')
        .reduce((a, l) => a + l.amountKopecks, 0)
      const chargedKopecks = (charged.get(s.code) ?? 0) - recalculation
      const paidKopecks = paid.get(s.code) ?? 0
      const toPayKopecks = toPay.get(s.code) ?? 0
      return {
        serviceName: s.name,
        unit: s.unit,
        volumeMilli: billed.length ? billed.reduce((a, l) => a + l.volumeMilli, 0) : null,
        tariffsKopecks: [...new Set(billed.map((l) => l.priceKopecks))],
        debtAtStartKopecks: toPayKopecks - chargedKopecks - recalculation + paidKopecks,
        chargedKopecks,
        recalculationKopecks: recalculation,
        paidKopecks,
        toPayKopecks,
      }
    })
}

/** Each meter's reading for the month, zone by zone, with the reading before it. */
async function monthReadings(
  ctx: ServiceContext,
  accountId: string,
  period: string,
): Promise<{ hasMeters: boolean; readings: BillReading[] }> {
  const [meters, readings] = await Promise.all([
    metersOf(ctx.db, [accountId]),
    readingsOf(ctx.db, [accountId], '0000-00'),
  ])
  const out: BillReading[] = []
  for (const m of meters) {
    const active = readings.filter((r) => r.meter_id === m.id && r.status === 'active')
    const current = active.filter((r) => r.period === period).at(-1)
    if (!current) continue
    const zones = Number(m.zones)
    const previous = current.kind === 'start' ? undefined : active.filter((r) => r.period < period).at(-1)
    const values = readingValues(current, zones)
    const before = previous ? readingValues(previous, zones) : null
    const consumption = before
      ? readingConsumption(before, values, Number(m.digit_capacity), Boolean(current.rollover))
      : values.map(() => null)
    values.forEach((value, zone) => {
      out.push({
        serviceName: m.service_name,
        unit: m.unit,
        serial: m.serial,
        zoneName: zones > 1 ? (ZONE_NAMES[zones]?.[zone] ?? `зона ${zone + 1}`) : null,
        fractionDigits: Number(m.fraction_digits),
        previousMilli: before?.[zone] ?? null,
        currentMilli: value,
        consumptionMilli: consumption[zone] ?? null,
      })
    })
  }
  return { hasMeters: meters.some((m) => m.status === 'active'), readings: out }
}

/** The A4 bill of `accountId` for `period` ('YYYY-MM'); refused for a month with nothing charged. */
export async function billDocument(
  ctx: ServiceContext,
  accountId: string,
  period: string,
): Promise<PrintDocument> {
  const account = await findAccount(ctx.db, accountId)
  if (!account) throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  const org = await requireOrganisation(ctx)
  const detail = await monthDetail(ctx, accountId, period)
  if (detail.services.length === 0) {
    throw new OknoError(
      'VALIDATION',
      `За ${formatPeriodRu(period)} начислений нет: выберите месяц, за который счёт начислен.`,
      { period: 'За этот месяц начислений нет' },
    )
  }
  const [balance, paid, services, persons, readings] = await Promise.all([
    accountBalance(ctx, accountId, lastDay(period)),
    paidPerServiceCode(ctx.db.knex, accountId, firstDay(period), lastDay(period)),
    allServices(ctx.db),
    listAccountPersons(ctx.db, accountId),
    monthReadings(ctx, accountId, period),
  ])
  const toPay = new Map(balance.services.map((s) => [s.serviceCode, s.amountKopecks]))
  const payer = persons.find((p) => p.owner) ?? persons[0] ?? null
  const address = formatFullAddress(account)
  try {
    return buildBill({
      organisation: org,
      accountNumber: account.number,
      payer: payer
        ? { surname: payer.surname, firstName: payer.firstName, patronymic: payer.patronymic }
        : null,
      address,
      apartment: account.apartment,
      areaCentiSqm: Number(account.area_centi_sqm),
      registeredCount: persons.filter((p) => p.registered).length,
      period,
      issuedOn: businessDate(ctx.clock.now(), org.time_zone),
      services: serviceLines(services, detail, toPay, paid),
      hasMeters: readings.hasMeters,
      readings: readings.readings,
    })
  } catch (err) {
    // Only the organisation's requisites can make the QR code fail: the administrator fixes them.
    const reason = err instanceof Error ? err.message : String(err)
    throw new OknoError('VALIDATION', `Квитанция не сформирована. ${reason}. Обратитесь к администратору.`)
  }
}
