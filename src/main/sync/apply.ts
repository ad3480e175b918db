// Applies changes (outbox rows pushed to the server, or the server's change log pulled to a
// desk) to a store. Consecutive inserts into one table go as one statement; an insert of a row
// the store already has is ignored, so applying a change twice leaves the same state.
import type { Knex } from 'knex'
import type { Change } from '../../shared/domain/sync'
import { CHARGES_REFRESH } from '../services/core/changes'
import { SYNC_TABLES, syncTable, type SyncTable } from './tables'

type Row = Record<string, unknown>

function keyOf(table: SyncTable, change: Change, row: Row): Row {
  if (table.key.every((k) => k in row)) return Object.fromEntries(table.key.map((k) => [k, row[k]]))
  if (table.key.length === 1) return { [table.key[0] as string]: change.entityId }
  throw new Error(`Изменение ${change.id} (${change.entity}) без ключа записи`)
}

const INSERT_CHUNK = 200

/**
 * Inserts the rows, ignoring those the store already has. Rows of one shape (the same columns)
 * go together: a multi-row insert would give a row the others' extra columns as NULL, not their
 * defaults.
 */
async function insertRows(trx: Knex.Transaction, table: SyncTable, rows: readonly Row[]): Promise<void> {
  const shapes = new Map<string, Row[]>()
  for (const row of rows) {
    const shape = Object.keys(row).join(',')
    const same = shapes.get(shape) ?? []
    same.push(row)
    shapes.set(shape, same)
  }
  for (const same of shapes.values()) {
    for (let i = 0; i < same.length; i += INSERT_CHUNK) {
      await trx(table.name)
        .insert(same.slice(i, i + INSERT_CHUNK))
        .onConflict([...table.key])
        .ignore()
    }
  }
}

/** Replaces a month's charges (and their lines and runs) on the desk with the server's. */
export type ChargesRefresh = (trx: Knex.Transaction, period: string) => Promise<void>

type ReadingPairs = Map<string, { meterId: string; period: string }>

/**
 * Applies the changes as if one by one in order, in few statements. Between deletes (and
 * refreshes) the inserts go first, one statement per table in the tables' order (parents before
 * children), then the updates, one per row with its fields merged in order. That is the same
 * result: an insert never clashes with a later update of another row, an update follows its
 * row's insert, and a delete followed by an insert of the same key (a schedule replaced) keeps
 * its order. `refresh` replaces a month's charges on a desk that pulls a charges refresh (the
 * server itself never receives one).
 */
export async function applyChanges(
  trx: Knex.Transaction,
  changes: readonly Change[],
  refresh?: ChargesRefresh,
): Promise<void> {
  const readingPairs: ReadingPairs = new Map()
  let segment: Change[] = []
  for (const change of changes) {
    if (change.op !== 'delete' && change.op !== CHARGES_REFRESH.op) {
      segment.push(change)
      continue
    }
    await applySegment(trx, segment, readingPairs)
    segment = []
    const table = syncTable(change.entity)
    const row = JSON.parse(change.payload) as Row
    if (change.op === 'delete') {
      await trx(table.name)
        .where(keyOf(table, change, row))
        .delete()
    } else {
      if (change.entity !== CHARGES_REFRESH.entity || !refresh) {
        throw new Error(`Изменение ${change.id}: обновление «${change.entity}» здесь не применяется`)
      }
      await refresh(trx, String(row.period))
    }
  }
  await applySegment(trx, segment, readingPairs)
  await settleReadings(trx, [...readingPairs.values()])
}

async function applySegment(
  trx: Knex.Transaction,
  segment: readonly Change[],
  readingPairs: ReadingPairs,
): Promise<void> {
  const inserts = new Map<string, Row[]>()
  const updates = new Map<string, { table: SyncTable; key: Row; patch: Row }>()
  for (const change of segment) {
    const table = syncTable(change.entity)
    const row = JSON.parse(change.payload) as Row
    if (change.op === 'insert') {
      const rows = inserts.get(table.name) ?? []
      rows.push(row)
      inserts.set(table.name, rows)
      if (table.name === 'readings') {
        const meterId = String(row.meter_id)
        const period = String(row.period)
        readingPairs.set(`${meterId}|${period}`, { meterId, period })
      }
      continue
    }
    const key = keyOf(table, change, row)
    const id = `${table.name}|${JSON.stringify(key)}`
    const patch = Object.fromEntries(Object.entries(row).filter(([k]) => !table.key.includes(k)))
    const earlier = updates.get(id)
    updates.set(id, { table, key, patch: { ...earlier?.patch, ...patch } })
  }
  for (const table of SYNC_TABLES) {
    const rows = inserts.get(table.name)
    if (rows) await insertRows(trx, table, rows)
  }
  for (const { table, key, patch } of updates.values()) {
    if (Object.keys(patch).length > 0) await trx(table.name).where(key).update(patch)
  }
}

/**
 * Two readings of one meter for one month taken at two counters (each without the other's): both
 * are kept, the later one (by the time it was taken, then by id) is used, and both are flagged for
 * review. Every store applies the same rule to the same rows, so all of them agree.
 */
export async function settleReadings(
  trx: Knex.Transaction,
  pairs: ReadonlyArray<{ meterId: string; period: string }>,
): Promise<void> {
  for (const { meterId, period } of pairs) {
    const active = (await trx('readings')
      .select('id', 'created_at')
      .where({ meter_id: meterId, period, status: 'active', kind: 'regular' })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])) as Array<{ id: string; created_at: string }>
    const [winner, ...losers] = active
    if (!winner || losers.length === 0) continue
    await trx('readings')
      .whereIn(
        'id',
        losers.map((r) => r.id),
      )
      .update({ status: 'superseded', superseded_by: winner.id, review: true })
    await trx('readings').where({ id: winner.id }).update({ review: true })
  }
}
