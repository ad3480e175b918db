// A change as the desk's outbox and the office server's change log store it (the id column
// differs), and the change read back from such a row.
import type { Change } from '../../../shared/domain/sync'

export interface ChangeRow {
  entity: string
  entity_id: string
  op: Change['op']
  payload: string
  created_at: string
  clerk_id?: string | null
}

export function changeFromRow(id: string, row: ChangeRow): Change {
  return {
    id,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    payload: row.payload,
    createdAt: row.created_at,
    clerkId: row.clerk_id ?? null,
  }
}

export function rowOfChange(c: Change): ChangeRow {
  return {
    entity: c.entity,
    entity_id: c.entityId,
    op: c.op,
    payload: c.payload,
    created_at: c.createdAt,
    clerk_id: c.clerkId ?? null,
  }
}
