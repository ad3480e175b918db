// What a service's write leaves for the office server: a change (a row inserted, updated or
// deleted, or a month's charges refreshed), and the port it goes through. On a desk the changes go
// to its outbox (core/outbox.ts) and the sync worker sends them; a context that writes on the
// office server itself carries a change log (src/main/sync/change-log.ts) and they go there.
// Services know only this port; the sync folder implements it.
import type { Knex } from 'knex'

export interface Change {
  /** The outbox row's UUID: the change's identity everywhere. */
  id: string
  entity: string
  entityId: string
  /** refresh: a month's charges replaced as a whole (src/main/sync/refresh.ts). */
  op: 'insert' | 'update' | 'delete' | 'refresh'
  /** The row (insert, delete), the changed fields (update) or { period } (refresh), as JSON. */
  payload: string
  createdAt: string
}

/** A change as the outbox and the server's change log store it (the id column differs). */
export interface ChangeRow {
  entity: string
  entity_id: string
  op: Change['op']
  payload: string
  created_at: string
}

export function changeFromRow(id: string, row: ChangeRow): Change {
  return {
    id,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    payload: row.payload,
    createdAt: row.created_at,
  }
}

/** The one change that stands for a month's charges (a charge run writes too many rows to log). */
export const CHARGES_REFRESH = { entity: 'charges', op: 'refresh' } as const

/** Where a context that writes on the office server records its changes, inside the write's transaction. */
export interface ChangeLog {
  record(trx: Knex.Transaction, changes: readonly Change[]): Promise<void>
}
