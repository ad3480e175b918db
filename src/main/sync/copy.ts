// Copying rows from the office server to a desk: a table read in key order a page at a time
// (keyset, never OFFSET), and a page written with one bulk insert. The first download copies
// whole tables this way, a month's charges refresh copies the rows of one month.
import type { Knex } from 'knex'
import { insertRows } from '../db/bulk'
import { pagesByKey } from '../db/key-pages'
import type { SyncTable } from './tables'

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

/**
 * Writes a page of server rows into the desk's store (SQLite) in one statement, under `columns`:
 * the desk's own column names (localColumns), so a key the server sends and the desk does not
 * have is dropped and never reaches SQL.
 */
export async function writePage(
  trx: Knex.Transaction,
  table: SyncTable,
  rows: readonly Row[],
  columns: readonly string[],
): Promise<void> {
  const first = rows[0]
  if (!first) return
  // The desk's names that the page carries: a column the server leaves out keeps its default.
  const present = columns.filter((c) => Object.hasOwn(first, c))
  await insertRows(
    trx,
    'sqlite',
    table.name,
    present,
    rows.map((r) => present.map((c) => r[c] ?? null)),
  )
}
