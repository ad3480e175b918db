// The office sync as it was before the okno-server (issue 14): a desk straight on PostgreSQL.
// Kept for the bench only, to measure today's direct figures beside the server's in one run.
// Copying rows from the office server to a desk: a table read in key order a page at a time
// (keyset, never OFFSET), and a page written with one bulk insert. The first download copies
// whole tables this way, a month's charges refresh copies the rows of one month.
import type { Knex } from 'knex'
import { insertRows } from '../../../src/main/db/bulk'
import { pagesByKey } from '../../../src/main/db/key-pages'
import type { SyncTable } from '../../../src/main/sync/tables'

export const COPY_PAGE = 20_000

type Row = Record<string, unknown>

/** The rows of `table` (those `where` keeps) from `source`, in key order, a page at a time. */
export function keyPages(
  source: Knex | Knex.Transaction,
  table: SyncTable,
  where?: (q: Knex.QueryBuilder) => void,
): AsyncGenerator<Row[]> {
  return pagesByKey(source, table.name, table.key, { pageSize: COPY_PAGE, where })
}

/** Writes a page of server rows into the desk's store (SQLite) in one statement. */
export async function writePage(
  trx: Knex.Transaction,
  table: SyncTable,
  rows: readonly Row[],
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {})
  await insertRows(
    trx,
    'sqlite',
    table.name,
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  )
}
