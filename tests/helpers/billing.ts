// Accounts and readings for billing tests: an account picked by the meters it has, each test its
// own (so their readings never meet), and readings typed the way the clerk types them.
import type { Db } from '../../src/main/db/connection'
import type { MeterForReading } from '../../src/shared/domain/billing'

const taken = new Set<string>()

/**
 * An open account nobody in this file has used yet, with an active two-zone electricity meter
 * (when `twoZone`) and a cold-water meter, every meter read in October 2026 and in verification.
 */
export async function freshMeteredAccount(db: Db, options: { twoZone: boolean }): Promise<string> {
  const knex = db.knex
  const rows = (await knex('accounts as a')
    .where('a.status', 'open')
    .whereExists(
      knex('meters as m')
        .join('services as s', 's.id', 'm.service_id')
        .whereRaw('m.account_id = a.id')
        .where({ 's.code': 'electricity', 'm.status': 'active', 'm.zones': options.twoZone ? 2 : 1 }),
    )
    .whereExists(
      knex('meters as m')
        .join('services as s', 's.id', 'm.service_id')
        .whereRaw('m.account_id = a.id')
        .where({ 's.code': 'cold_water', 'm.status': 'active' }),
    )
    .whereNotExists(
      knex('meters as m')
        .whereRaw('m.account_id = a.id')
        .where('m.status', 'active')
        .where('m.next_verification_on', '<', '2027-01-01'),
    )
    .whereNotExists(
      knex('meters as m')
        .whereRaw('m.account_id = a.id')
        .where('m.status', 'active')
        .whereNotExists(knex('readings as r').whereRaw('r.meter_id = m.id').where('r.period', '2026-10')),
    )
    .orderBy('a.number')
    .select('a.id')) as Array<{ id: string }>
  const row = rows.find((r) => !taken.has(r.id))
  if (!row) throw new Error('Нет подходящего лицевого счёта в тестовой базе')
  taken.add(row.id)
  return row.id
}

/** The meter's previous value per zone plus `add` units, as a clerk would type it. */
export function typed(meter: MeterForReading, add: number | number[]): string[] {
  const prev = meter.previous?.valuesMilli ?? Array<number>(meter.zones).fill(0)
  return prev.map((v, zone) => {
    const units = Array.isArray(add) ? (add[zone] ?? 0) : add
    return String((v + units * 1000) / 1000)
  })
}

export const byService = (meters: MeterForReading[], code: string, zones?: number): MeterForReading => {
  const m = meters.find((x) => x.serviceCode === code && (zones === undefined || x.zones === zones))
  if (!m) throw new Error(`Нет прибора ${code}`)
  return m
}
