// A month's charges reach the desks as one change, not row by row: a charge run (done on the
// server in office mode) writes hundreds of thousands of rows, and logging each would make every
// desk replay them. Instead the run logs «refresh charges of month M» (runChargesShared in
// services/billing/charge-run-shared.ts), and a desk pulling it replaces its charges of that month
// with the server's, inside the pull's transaction.
import type { Knex } from 'knex'
import { localColumns } from '../db/repositories/table-columns'
import { keyPages, writePage } from './copy'
import { syncTable } from './tables'

/** The tables of a month's charges, in the order they are copied, each with its month's rows. */
export const MONTH_TABLES: ReadonlyArray<{
  name: 'charge_runs' | 'charges' | 'charge_lines'
  where: (period: string) => (q: Knex.QueryBuilder) => void
}> = [
  { name: 'charge_runs', where: (period) => (q) => void q.where({ period }) },
  { name: 'charges', where: (period) => (q) => void q.where({ period }) },
  {
    name: 'charge_lines',
    where: (period) => (q) =>
      void q.whereIn('charge_id', (s) => void s.select('id').from('charges').where({ period })),
  },
]

/** Deletes the desk's charges (their lines and runs) of `period`: the server's copy replaces them. */
export async function dropMonth(trx: Knex.Transaction, period: string): Promise<void> {
  for (const table of [...MONTH_TABLES].reverse()) {
    await trx(table.name).where(table.where(period)).delete()
  }
}

/** Replaces this desk's charges (and their lines and runs) of `period` with the server's. */
export async function applyChargesRefresh(
  trx: Knex.Transaction,
  source: Knex,
  period: string,
): Promise<void> {
  await dropMonth(trx, period)
  for (const table of MONTH_TABLES) {
    const shared = syncTable(table.name)
    for await (const rows of keyPages(source, shared, table.where(period))) {
      await writePage(trx, shared, rows, await localColumns(trx, shared.name))
    }
  }
}
