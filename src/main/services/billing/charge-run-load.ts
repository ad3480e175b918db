// What the charge run reads for a chunk of accounts: the accounts with their people counts, their
// meters, the readings that count over the lookback (and older baselines where the lookback has
// none), and the estimates of earlier months a late reading takes back.
import { DEFAULT_AVERAGE_MONTHS } from '../../../shared/billing/consumption'
import { addPeriods } from '../../../shared/billing/period'
import type { Db } from '../../db/connection'
import { accountChunk, estimatedLines, type ChunkAccount, type LineRow } from '../../db/repositories/charges'
import {
  billableReadingsBefore,
  metersForRun,
  readingsForRun,
  type MeterRecord,
  type ReadingRecord,
} from '../../db/repositories/readings'

export const CHUNK = 500
/** Periods of history a run reads: six for the average, its baseline, and the period itself. */
export const LOOKBACK = 8

export interface LoadedChunk {
  accounts: ChunkAccount[]
  meters: MeterRecord[]
  readings: ReadingRecord[]
  prior: LineRow[]
}

/**
 * The latest billable reading before the lookback, for meters with no reading in the lookback
 * before the six-month average window: the baseline a consumption or an average is measured from
 * (the engine takes the latest reading before the window, however old).
 */
async function olderBaselines(
  db: Db,
  meters: MeterRecord[],
  readings: ReadingRecord[],
  period: string,
  since: string,
): Promise<ReadingRecord[]> {
  const windowStart = addPeriods(period, -DEFAULT_AVERAGE_MONTHS)
  const hasBaseline = new Set<string>()
  for (const r of readings) if (r.period < windowStart) hasBaseline.add(r.meter_id)
  const lonely = meters.filter((m) => !hasBaseline.has(m.id)).map((m) => m.id)
  if (lonely.length === 0) return []
  const latest = new Map<string, ReadingRecord>()
  for (const r of await billableReadingsBefore(db.knex, lonely, since)) {
    if (!latest.has(r.meter_id)) latest.set(r.meter_id, r)
  }
  return [...latest.values()]
}

/** The open accounts after `afterId` (keyset order) and what the engine needs of them; null at the end. */
export async function loadChunk(db: Db, afterId: string, period: string): Promise<LoadedChunk | null> {
  const accounts = await accountChunk(db, afterId, CHUNK)
  if (accounts.length === 0) return null
  const ids = accounts.map((a) => a.id)
  const since = addPeriods(period, -LOOKBACK)
  const meters = await metersForRun(db, ids)
  const readings = await readingsForRun(db, ids, since, period)
  const prior = await estimatedLines(db, ids, since, addPeriods(period, -1))
  const older = await olderBaselines(db, meters, readings, period, since)
  readings.push(...older)
  // Estimates since such an old baseline are taken back by the reading that ends the gap.
  if (older.length > 0) {
    const oldest = older.reduce((p, r) => (r.period < p ? r.period : p), since)
    const accountsOf = [...new Set(older.map((r) => r.account_id))]
    prior.push(...(await estimatedLines(db, accountsOf, oldest, addPeriods(since, -1))))
  }
  return { accounts, meters, readings, prior }
}
