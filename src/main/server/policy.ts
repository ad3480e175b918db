// The office server's write policy: every change a desk pushes is checked against the policy of
// its table and operation (src/main/services/<capability>/write-policy.ts) before it is applied.
import type { Knex } from 'knex'
import type { ClerkRole } from '../../shared/domain/clerk'
import type { Change } from '../../shared/domain/sync'

/** The pushing desk as the server knows it (from `server_desks`, never from the request body). */
export interface DeskIdentity {
  deskId: string
  workstationId: string
  officeId: string
  counterId: string
  counterNumber: number
}

/** A clerk signed in at the pushing desk, with the server's own role for him. */
export interface SessionClerk {
  id: string
  role: ClerkRole
  officeId: string | null
}

export type Verdict = { id: string; ok: true } | { id: string; ok: false; reason: string }

/** Checks each change in order against the write policy of its table (a change sees the rows
 *  accepted before it in the same batch, and the server's rows); never writes. */
export async function checkChanges(
  _trx: Knex.Transaction,
  _desk: DeskIdentity,
  _clerks: ReadonlyMap<string, SessionClerk>,
  changes: readonly Change[],
): Promise<Verdict[]> {
  // First version: nothing is known yet, so everything is refused.
  return changes.map((c) => ({
    id: c.id,
    ok: false as const,
    reason: `Изменение таблицы «${c.entity}» сервер пока не принимает.`,
  }))
}
