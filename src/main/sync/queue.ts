// The desk's outbox as a supervisor sees it: the waiting rows (or the refused ones), each named
// in Russian by what it records.
import type { Db } from '../db/connection'
import { outboxRows } from '../db/repositories/outbox'
import type { OutboxRowView } from '../../shared/domain/sync'
import { entityTitle } from './tables'

/** Waiting rows (or only the refused ones), oldest first. */
export async function queueRows(
  local: Db,
  filter: 'pending' | 'failed',
  limit: number,
): Promise<OutboxRowView[]> {
  const rows = await outboxRows(local.knex, filter, limit)
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
