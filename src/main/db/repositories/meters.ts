// Writing meters: a meter leaves service when a new one replaces it.
import type { Knex } from 'knex'

/** The meter is replaced by `replacedBy`, removed on the new one's installation day. */
export async function markMeterReplaced(
  trx: Knex.Transaction,
  id: string,
  change: { removedOn: string; replacedBy: string; now: string },
): Promise<void> {
  await trx('meters').where({ id }).update({
    status: 'replaced',
    removed_on: change.removedOn,
    replaced_by: change.replacedBy,
    updated_at: change.now,
  })
}
