// What reading and billing work reads about an account's meters: the meters with their service
// and acceptance window, and their readings.
import type { Knex } from 'knex'
import type { Db } from '../connection'
import { fetchRows } from '../json-rows'

export interface MeterRecord {
  id: string
  account_id: string
  service_id: string
  service_code: string
  service_name: string
  unit: string
  serial: string
  zones: number
  digit_capacity: number
  fraction_digits: number
  installed_on: string
  next_verification_on: string
  status: 'active' | 'replaced' | 'removed'
  removed_on: string | null
  window_from: number | null
  window_to: number | null
}

export interface ReadingRecord {
  id: string
  meter_id: string
  account_id: string
  period: string
  taken_on: string
  source: string
  kind: 'regular' | 'start' | 'final'
  zone1_milli: number
  zone2_milli: number | null
  zone3_milli: number | null
  rollover: boolean | number
  status: 'active' | 'superseded'
  review: boolean | number
  billable: boolean | number
  created_at: string
}

type Reader = Knex | Knex.Transaction
const reader = (db: Db | Knex.Transaction): Reader => ('knex' in db ? db.knex : db)

const METER_COLUMNS = [
  'm.id',
  'm.account_id',
  'm.service_id',
  'sv.code as service_code',
  'sv.name as service_name',
  'sv.unit',
  'm.serial',
  'm.zones',
  'm.digit_capacity',
  'm.fraction_digits',
  'm.installed_on',
  'm.next_verification_on',
  'm.status',
  'm.removed_on',
  'sv.reading_window_from as window_from',
  'sv.reading_window_to as window_to',
]

/** Meters of the accounts (all statuses), in display order. */
export async function metersOf(
  db: Db | Knex.Transaction,
  accountIds: readonly string[],
): Promise<MeterRecord[]> {
  return (await reader(db)('meters as m')
    .join('services as sv', 'sv.id', 'm.service_id')
    .whereIn('m.account_id', accountIds)
    .select(METER_COLUMNS)
    .orderBy([{ column: 'sv.sort' }, { column: 'm.installed_on' }, { column: 'm.serial' }])) as MeterRecord[]
}

/** Readings of the accounts from `sincePeriod` on (all statuses), oldest first. */
export async function readingsOf(
  db: Db | Knex.Transaction,
  accountIds: readonly string[],
  sincePeriod: string,
): Promise<ReadingRecord[]> {
  return (await reader(db)('readings')
    .whereIn('account_id', accountIds)
    .where('period', '>=', sincePeriod)
    .select('*')
    .orderBy([
      { column: 'period' },
      { column: 'taken_on' },
      { column: 'created_at' },
      { column: 'id' },
    ])) as ReadingRecord[]
}

export function readingValues(
  r: Pick<ReadingRecord, 'zone1_milli' | 'zone2_milli' | 'zone3_milli'>,
  zones: number,
): number[] {
  return [r.zone1_milli, r.zone2_milli, r.zone3_milli].slice(0, zones).map((v) => Number(v ?? 0))
}

/** The meters of many accounts, packed (the charge run reads thousands at a time). */
export async function metersForRun(db: Db, accountIds: readonly string[]): Promise<MeterRecord[]> {
  const query = db
    .knex('meters as m')
    .join('services as s', 's.id', 'm.service_id')
    .whereIn('m.account_id', accountIds)
    .select(
      'm.id',
      'm.account_id',
      'm.service_id',
      's.code as service_code',
      'm.zones',
      'm.digit_capacity',
      'm.installed_on',
      'm.next_verification_on',
      'm.status',
      'm.removed_on',
    )
  const cols = [
    'id',
    'account_id',
    'service_id',
    'service_code',
    'zones',
    'digit_capacity',
    'installed_on',
    'next_verification_on',
    'status',
    'removed_on',
  ]
  return (await fetchRows(db.knex, db.dialect, query, cols)).map((v) => {
    const [id, accountId, serviceId, code, zones, capacity, installed, verification, status, removed] = v
    return {
      id: id as string,
      account_id: accountId as string,
      service_id: serviceId as string,
      service_code: code as string,
      service_name: '',
      unit: '',
      serial: '',
      zones: Number(zones),
      digit_capacity: Number(capacity),
      fraction_digits: 0,
      installed_on: installed as string,
      next_verification_on: verification as string,
      status: status as MeterRecord['status'],
      removed_on: (removed as string | null) ?? null,
      window_from: null,
      window_to: null,
    }
  })
}

const RUN_COLUMNS = [
  'meter_id',
  'account_id',
  'period',
  'taken_on',
  'zone1_milli',
  'zone2_milli',
  'zone3_milli',
  'rollover',
  'kind',
]

/** The readings that count (active, billable) of many accounts in [since, until], packed. */
export async function readingsForRun(
  db: Db,
  accountIds: readonly string[],
  since: string,
  until: string,
): Promise<ReadingRecord[]> {
  const query = db
    .knex('readings')
    .whereIn('account_id', accountIds)
    .whereBetween('period', [since, until])
    .where({ status: 'active' })
    .where('billable', true)
    .select(RUN_COLUMNS)
  // In each account by period, ties in creation order. On SQLite the index on (account_id, period)
  // already yields that order (equal keys by rowid), so no sort of the chunk's readings is needed;
  // the engine itself decides by period and date.
  if (db.dialect === 'sqlite')
    query.orderBy([{ column: 'account_id' }, { column: 'period' }, { column: 'readings.rowid' }])
  else
    query.orderBy([
      { column: 'account_id' },
      { column: 'period' },
      { column: 'created_at' },
      { column: 'id' },
    ])
  return (await fetchRows(db.knex, db.dialect, query, RUN_COLUMNS)).map((v) => {
    const [meterId, accountId, period, takenOn, z1, z2, z3, rollover, kind] = v
    return {
      id: '',
      meter_id: meterId as string,
      account_id: accountId as string,
      period: period as string,
      taken_on: takenOn as string,
      source: '',
      kind: kind as ReadingRecord['kind'],
      zone1_milli: Number(z1),
      zone2_milli: z2 === null ? null : Number(z2),
      zone3_milli: z3 === null ? null : Number(z3),
      rollover: Boolean(rollover),
      status: 'active',
      review: false,
      billable: true,
      created_at: '',
    }
  })
}

/**
 * The billable active readings of `meterIds` before `since`, newest first within each chunk of 500
 * meters (a meter's readings all fall in its own chunk, so its first one is its latest).
 */
export async function billableReadingsBefore(
  db: Reader,
  meterIds: readonly string[],
  since: string,
): Promise<ReadingRecord[]> {
  const out: ReadingRecord[] = []
  for (let i = 0; i < meterIds.length; i += 500) {
    const rows = (await db('readings')
      .whereIn('meter_id', meterIds.slice(i, i + 500))
      .where('period', '<', since)
      .where({ status: 'active' })
      .where('billable', true)
      .orderBy([
        { column: 'period', order: 'desc' },
        { column: 'taken_on', order: 'desc' },
      ])) as ReadingRecord[]
    out.push(...rows)
  }
  return out
}

/** Marks a reading replaced by a corrected one. */
export async function supersedeReading(
  trx: Knex.Transaction,
  id: string,
  supersededBy: string,
): Promise<void> {
  await trx('readings').where({ id }).update({ status: 'superseded', superseded_by: supersededBy })
}
