// What a service's write leaves for the office server: a change (src/shared/domain/sync.ts), and
// the port it goes through. On a desk the changes go to its outbox (core/outbox.ts) and the sync
// worker sends them; a context that writes on the office server itself carries a change log
// (src/main/sync/change-log.ts) and they go there. Services know only this port; the sync folder
// implements it.
import type { Knex } from 'knex'
import type { Change } from '../../../shared/domain/sync'

/** The one change that stands for a month's charges (a charge run writes too many rows to log). */
export const CHARGES_REFRESH = { entity: 'charges', op: 'refresh' } as const

/** Where a context that writes on the office server records its changes, inside the write's transaction. */
export interface ChangeLog {
  record(trx: Knex.Transaction, changes: readonly Change[]): Promise<void>
}
