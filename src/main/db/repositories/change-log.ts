// The office server's change log. Every change reaches it inside the transaction that applies it,
// under one advisory lock, so change numbers become visible in the order they were given and a
// desk that pulls «everything after N» never skips a change that commits late.
import type { Knex } from 'knex'
import type { Change } from '../../../shared/domain/sync'
import { changeFromRow, rowOfChange, type ChangeRow } from './change-rows'

/** pg_advisory_xact_lock key of the change log: «okno» in ASCII. */
export const CHANGE_LOG_LOCK = 0x6f6b6e6f

export async function lockChangeLog(trx: Knex.Transaction): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [CHANGE_LOG_LOCK])
}

const CHUNK = 500

/**
 * Records the changes (keyed by their UUID) and returns the ones the log did not have yet: a
 * batch sent again after a lost acknowledgement is recorded, and applied, only once.
 */
export async function recordChanges(
  trx: Knex.Transaction,
  origin: string | null,
  changes: readonly Change[],
): Promise<Change[]> {
  const fresh = new Set<string>()
  for (let i = 0; i < changes.length; i += CHUNK) {
    const rows = changes.slice(i, i + CHUNK).map((c) => ({ change_id: c.id, origin, ...rowOfChange(c) }))
    const inserted = (await trx('sync_changes')
      .insert(rows)
      .onConflict('change_id')
      .ignore()
      .returning('change_id')) as Array<{ change_id: string }>
    for (const r of inserted) fresh.add(r.change_id)
  }
  return changes.filter((c) => fresh.has(c.id))
}

export interface LoggedChange extends Change {
  seq: number
}

/** Changes after `cursor` that `origin` did not push itself, oldest first. */
export async function changesAfter(
  knex: Knex,
  cursor: number,
  origin: string,
  limit: number,
): Promise<LoggedChange[]> {
  const rows = (await knex('sync_changes')
    .select('seq', 'change_id', 'entity', 'entity_id', 'op', 'payload', 'created_at', 'clerk_id')
    .where('seq', '>', cursor)
    .andWhere((q) => void q.whereNull('origin').orWhereNot('origin', origin))
    .orderBy('seq')
    .limit(limit)) as Array<ChangeRow & { seq: number | string; change_id: string }>
  return rows.map((r) => ({ ...changeFromRow(r.change_id, r), seq: Number(r.seq) }))
}

/** The newest change number (0 for an empty log). */
export async function lastChange(knex: Knex | Knex.Transaction): Promise<number> {
  const row = (await knex('sync_changes').max({ m: 'seq' }).first()) as
    { m: number | string | null } | undefined
  return Number(row?.m ?? 0)
}
