// Applies changes (outbox rows pushed to the server, or the server's change log pulled to a
// desk) to a store. Consecutive inserts into one table go as one statement; an insert of a row
// the store already has is ignored, so applying a change twice leaves the same state.
import type { Knex } from 'knex'
import { applyChargesRefresh, CHARGES_REFRESH } from './refresh'
import { syncTable, type SyncTable } from './tables'

export interface Change {
  /** The outbox row's UUID: the change's identity everywhere. */
  id: string
  entity: string
  entityId: string
  /** refresh: a month's charges replaced as a whole (see refresh.ts). */
  op: 'insert' | 'update' | 'delete' | 'refresh'
  /** The row (insert, delete), the changed fields (update) or { period } (refresh), as JSON. */
  payload: string
  createdAt: string
}

type Row = Record<string, unknown>

function keyOf(table: SyncTable, change: Change, row: Row): Row {
  if (table.key.every((k) => k in row)) return Object.fromEntries(table.key.map((k) => [k, row[k]]))
  if (table.key.length === 1) return { [table.key[0] as string]: change.entityId }
  throw new Error(`Изменение ${change.id} (${change.entity}) без ключа записи`)
}

const INSERT_CHUNK = 200

async function insertRows(trx: Knex.Transaction, table: SyncTable, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx(table.name)
      .insert(rows.slice(i, i + INSERT_CHUNK))
      .onConflict([...table.key])
      .ignore()
  }
}

/**
 * Applies the changes in order. `source` is the server a desk pulls from: a month's charges
 * refresh is copied from it (the server itself never receives one).
 */
export async function applyChanges(
  trx: Knex.Transaction,
  changes: readonly Change[],
  source?: Knex,
): Promise<void> {
  const readingPairs = new Map<string, { meterId: string; period: string }>()
  const pending: { table: SyncTable | null; rows: Row[] } = { table: null, rows: [] }
  const flush = async (): Promise<void> => {
    if (pending.table) await insertRows(trx, pending.table, pending.rows)
    pending.table = null
    pending.rows = []
  }
  for (const change of changes) {
    const table = syncTable(change.entity)
    const row = JSON.parse(change.payload) as Row
    if (change.op === CHARGES_REFRESH.op) {
      if (change.entity !== CHARGES_REFRESH.entity || !source) {
        throw new Error(`Изменение ${change.id}: обновление «${change.entity}» здесь не применяется`)
      }
      await flush()
      await applyChargesRefresh(trx, source, String(row.period))
      continue
    }
    if (change.op === 'insert') {
      if (pending.table !== table) await flush()
      pending.table = table
      pending.rows.push(row)
      if (table.name === 'readings') {
        const meterId = String(row.meter_id)
        const period = String(row.period)
        readingPairs.set(`${meterId}|${period}`, { meterId, period })
      }
      continue
    }
    await flush()
    const key = keyOf(table, change, row)
    if (change.op === 'delete') {
      await trx(table.name).where(key).delete()
    } else {
      const patch = Object.fromEntries(Object.entries(row).filter(([k]) => !table.key.includes(k)))
      if (Object.keys(patch).length > 0) await trx(table.name).where(key).update(patch)
    }
  }
  await flush()
  await settleReadings(trx, [...readingPairs.values()])
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
