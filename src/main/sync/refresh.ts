// A month's charges reach the desks as one change, not row by row: a charge run (done on the
// server in office mode) writes hundreds of thousands of rows, and logging each would make every
// desk replay them. Instead the run logs «refresh charges of month M» (runChargesShared in
// services/billing/charge-run-shared.ts), and a desk pulling it replaces its charges of that month
// with the server's, inside the pull's transaction.
import type { Knex } from 'knex'
import { localColumns } from '../db/repositories/table-columns'
import { keyPages, writePage } from './copy'
import { syncTable } from './tables'

async function copyWhere(
  source: Knex,
  trx: Knex.Transaction,
  table: string,
  where: (q: Knex.QueryBuilder) => void,
): Promise<void> {
  const shared = syncTable(table)
  for await (const rows of keyPages(source, shared, where)) {
    await writePage(trx, shared, rows, await localColumns(trx, shared.name))
  }
}

/** Replaces this desk's charges (and their lines and runs) of `period` with the server's. */
export async function applyChargesRefresh(
  trx: Knex.Transaction,
  source: Knex,
  period: string,
): Promise<void> {
  await trx('charge_lines')
    .whereIn('charge_id', (q) => void q.select('id').from('charges').where({ period }))
    .delete()
  await trx('charges').where({ period }).delete()
  await trx('charge_runs').where({ period }).delete()
  await copyWhere(source, trx, 'charge_runs', (q) => void q.where({ period }))
  await copyWhere(source, trx, 'charges', (q) => void q.where({ period }))
  await copyWhere(
    source,
    trx,
    'charge_lines',
    (q) => void q.whereIn('charge_id', (s) => void s.select('id').from('charges').where({ period })),
  )
}
