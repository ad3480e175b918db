// The desk's outbox as the sync sees it: what waits to be sent (the push reads it oldest first),
// how much waits and how much the server refused (the status), and the rows a supervisor looks at.
import type { Db } from '../db/connection'
import type { OutboxRowView } from '../../shared/domain/sync'
import { changeFromRow, type Change, type ChangeRow } from '../services/core/changes'
import { entityTitle } from './tables'

export interface QueueCounts {
  /** Rows not yet on the server, refused ones included. */
  pending: number
  /** Rows the server refused, parked for a supervisor. */
  failed: number
}

export async function queueCounts(local: Db): Promise<QueueCounts> {
  const knex = local.knex
  const row = (await knex('outbox')
    .whereNull('sent_at')
    .select(knex.raw('count(*) AS pending'), knex.raw('count(failed_at) AS failed'))
    .first()) as { pending: number | string; failed: number | string }
  return { pending: Number(row.pending), failed: Number(row.failed) }
}

/** The next rows to push: unsent, not parked, oldest first. */
export async function pendingChanges(local: Db, limit: number): Promise<Change[]> {
  const rows = (await local
    .knex('outbox')
    .select('id', 'entity', 'entity_id', 'op', 'payload', 'created_at')
    .whereNull('sent_at')
    .whereNull('failed_at')
    .orderBy('id')
    .limit(limit)) as Array<ChangeRow & { id: string }>
  return rows.map((r) => changeFromRow(r.id, r))
}

/** The supervisor's view: waiting rows (or only the refused ones), oldest first. */
export async function queueRows(
  local: Db,
  filter: 'pending' | 'failed',
  limit: number,
): Promise<OutboxRowView[]> {
  const query = local.knex('outbox').whereNull('sent_at')
  if (filter === 'failed') query.whereNotNull('failed_at')
  const rows = (await query
    .select('id', 'entity', 'entity_id', 'op', 'created_at', 'attempts', 'last_error', 'failed_at')
    .orderBy('id')
    .limit(limit)) as Array<
    Omit<ChangeRow, 'payload'> & {
      id: string
      attempts: number
      last_error: string | null
      failed_at: string | null
    }
  >
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityTitle: entityTitle(r.entity),
    entityId: r.entity_id,
    op: r.op as OutboxRowView['op'],
    createdAt: r.created_at,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    failed: r.failed_at !== null,
  }))
}
