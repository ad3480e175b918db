// Charges and what a charge run reads and writes: rates, the accounts of a chunk with their people
// counts, the estimated lines of earlier periods, the charges stored for the period, and the rows
// a computed charge is stored as.
import type { Knex } from 'knex'
import type { ChargeLine, NormRate, TariffRate } from '../../../shared/billing/charges'
import { bulkInsert } from '../bulk'
import type { Db, Dialect } from '../connection'
import { fetchRows } from '../json-rows'

type Reader = Knex | Knex.Transaction

export interface ServiceRow {
  id: string
  code: string
  name: string
  unit: string
  metered: boolean | number
  sort: number
}

export async function allServices(db: Db): Promise<ServiceRow[]> {
  return (await db
    .knex('services')
    .select('id', 'code', 'name', 'unit', 'metered', 'sort')
    .orderBy('sort')) as ServiceRow[]
}

export async function allTariffs(db: Db): Promise<TariffRate[]> {
  const rows = (await db
    .knex('tariffs as t')
    .join('services as s', 's.id', 't.service_id')
    .select('s.code', 't.zone', 't.valid_from', 't.price_kopecks')) as Array<{
    code: string
    zone: number
    valid_from: string
    price_kopecks: number
  }>
  return rows.map((r) => ({
    serviceCode: r.code,
    zone: Number(r.zone),
    validFrom: r.valid_from,
    priceKopecks: Number(r.price_kopecks),
  }))
}

export async function allNorms(db: Db): Promise<NormRate[]> {
  const rows = (await db
    .knex('norms as n')
    .join('services as s', 's.id', 'n.service_id')
    .select('s.code', 'n.valid_from', 'n.basis', 'n.quantity_micro')) as Array<{
    code: string
    valid_from: string
    basis: 'resident' | 'area'
    quantity_micro: number
  }>
  return rows.map((r) => ({
    serviceCode: r.code,
    validFrom: r.valid_from,
    basis: r.basis,
    quantityMicro: Number(r.quantity_micro),
  }))
}

export interface ChunkAccount {
  id: string
  area_centi_sqm: number
  in_block: boolean | number
  registered: number
  owners: number
}

/** The next open accounts after `afterId` (keyset order), with what norms are computed from. */
export async function accountChunk(db: Db, afterId: string, limit: number): Promise<ChunkAccount[]> {
  const knex = db.knex
  const query = knex('accounts as a')
    .join('addresses as ad', 'ad.id', 'a.address_id')
    .where('a.status', 'open')
    .where('a.id', '>', afterId)
    .orderBy('a.id')
    .limit(limit)
    .select(
      'a.id',
      'a.area_centi_sqm',
      knex.raw('CASE WHEN ad.apartment IS NULL THEN 0 ELSE 1 END as in_block'),
      knex.raw(
        `(SELECT COUNT(*) FROM account_persons ap WHERE ap.account_id = a.id AND ap.registered) as registered`,
      ),
      knex.raw(`(SELECT COUNT(*) FROM account_persons ap WHERE ap.account_id = a.id AND ap.owner) as owners`),
    )
  const rows = await fetchRows(knex, db.dialect, query, [
    'id',
    'area_centi_sqm',
    'in_block',
    'registered',
    'owners',
  ])
  return rows.map(([id, area, inBlock, registered, owners]) => ({
    id: id as string,
    area_centi_sqm: Number(area),
    in_block: Number(inBlock),
    registered: Number(registered),
    owners: Number(owners),
  }))
}

export interface LineRow {
  charge_id?: string
  account_id: string
  service_code: string
  period: string
  meter_id: string | null
  zone: number
  kind: string
  volume_milli: number
  price_kopecks: number
  amount_kopecks: number
  ref_periods: string
}

const LINE_COLUMNS = [
  'charge_id',
  'account_id',
  'service_code',
  'period',
  'meter_id',
  'zone',
  'kind',
  'volume_milli',
  'price_kopecks',
  'amount_kopecks',
  'ref_periods',
] as const

function toLine(values: unknown[]): LineRow {
  const [chargeId, accountId, code, period, meterId, zone, kind, volume, price, amount, refs] = values
  return {
    charge_id: chargeId as string,
    account_id: accountId as string,
    service_code: code as string,
    period: period as string,
    meter_id: (meterId as string | null) ?? null,
    zone: Number(zone),
    kind: kind as string,
    volume_milli: Number(volume),
    price_kopecks: Number(price),
    amount_kopecks: Number(amount),
    ref_periods: (refs as string) ?? '',
  }
}

const LINE_SELECT = [
  'l.charge_id',
  'l.account_id',
  's.code as service_code',
  'l.period',
  'l.meter_id',
  'l.zone',
  'l.kind',
  'l.volume_milli',
  'l.price_kopecks',
  'l.amount_kopecks',
  'l.ref_periods',
]

/** Lines charged on estimates (per meter) in [from, to]: what a later reading takes back. */
export async function estimatedLines(
  db: Db,
  accountIds: readonly string[],
  from: string,
  to: string,
): Promise<LineRow[]> {
  const query = db
    .knex('charge_lines as l')
    .join('services as s', 's.id', 'l.service_id')
    .whereIn('l.account_id', accountIds)
    .select(LINE_SELECT)
    .whereBetween('l.period', [from, to])
    // Written out, not bound: SQLite uses the partial index charge_lines_estimated only when the
    // query's condition visibly matches the index's own.
    .whereRaw("l.kind IN ('average', 'norm') AND l.meter_id IS NOT NULL")
  return (await fetchRows(db.knex, db.dialect, query, LINE_COLUMNS)).map(toLine)
}

export interface StoredCharge {
  id: string
  account_id: string
  service_code: string
  basis: string
  amount_kopecks: number
}

export async function chargesFor(
  db: Reader,
  dialect: Dialect,
  accountIds: readonly string[],
  period: string,
): Promise<{ charges: StoredCharge[]; lines: LineRow[] }> {
  const chargesQuery = db('charges as c')
    .join('services as s', 's.id', 'c.service_id')
    .whereIn('c.account_id', accountIds)
    .where('c.period', period)
    .select('c.id', 'c.account_id', 's.code as service_code', 'c.basis', 'c.amount_kopecks')
  const [charges, lines] = await Promise.all([
    fetchRows(db, dialect, chargesQuery, ['id', 'account_id', 'service_code', 'basis', 'amount_kopecks']),
    // Through the charges: their (account, period) index finds the lines by charge id.
    fetchRows(
      db,
      dialect,
      db('charge_lines as l')
        .join('charges as c', 'c.id', 'l.charge_id')
        .join('services as s', 's.id', 'l.service_id')
        .whereIn('c.account_id', accountIds)
        .where('c.period', period)
        .select(LINE_SELECT),
      LINE_COLUMNS,
    ),
  ])
  return {
    charges: charges.map(([id, accountId, code, basis, amount]) => ({
      id: id as string,
      account_id: accountId as string,
      service_code: code as string,
      basis: basis as string,
      amount_kopecks: Number(amount),
    })),
    lines: lines.map(toLine),
  }
}

/** What a charge line stores of a computed one (the columns the run also compares by). */
export type ChargeLineValues = Pick<
  LineRow,
  'meter_id' | 'zone' | 'kind' | 'volume_milli' | 'price_kopecks' | 'amount_kopecks' | 'ref_periods'
>

/** A computed charge line in the row shape it is stored (and compared) in. */
export function chargeLineValues(l: ChargeLine): ChargeLineValues {
  return {
    meter_id: l.meterId,
    zone: l.zone,
    kind: l.kind,
    volume_milli: l.volumeMilli,
    price_kopecks: l.priceKopecks,
    amount_kopecks: l.amountKopecks,
    ref_periods: l.refPeriods.join(','),
  }
}

export type NewCharge = {
  id: string
  account_id: string
  service_id: string
  period: string
  basis: string
  amount_kopecks: number
  run_id: string
  computed_at: string
}

export type NewChargeLine = ChargeLineValues & {
  id: string
  charge_id: string
  account_id: string
  service_id: string
  period: string
}

/** Removes charges with their lines, 500 at a time. */
export async function deleteCharges(trx: Knex.Transaction, chargeIds: readonly string[]): Promise<void> {
  for (let i = 0; i < chargeIds.length; i += 500) {
    const slice = chargeIds.slice(i, i + 500)
    await trx('charge_lines').whereIn('charge_id', slice).delete()
    await trx('charges').whereIn('id', slice).delete()
  }
}

/** Stores charges, then their lines, packed (a run writes thousands at a time). */
export async function insertCharges(
  trx: Knex.Transaction,
  dialect: Dialect,
  charges: readonly NewCharge[],
  lines: readonly NewChargeLine[],
): Promise<void> {
  await bulkInsert(trx, dialect, 'charges', charges)
  await bulkInsert(trx, dialect, 'charge_lines', lines)
}
