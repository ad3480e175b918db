// Reading a table in key order a page at a time (keyset, never OFFSET), so a walk over a table
// larger than memory holds one page: the first download, a month's charges refresh, the audit check.
import type { Knex } from 'knex'

type Row = Record<string, unknown>

export interface KeyPagesOptions {
  pageSize: number
  /** The columns to read; every column when absent. */
  columns?: readonly string[]
  where?: (q: Knex.QueryBuilder) => void
}

/** The rows of `table` (those `where` keeps) in the order of `key`, `pageSize` at a time. */
export async function* pagesByKey(
  source: Knex | Knex.Transaction,
  table: string,
  key: readonly string[],
  options: KeyPagesOptions,
): AsyncGenerator<Row[]> {
  const { pageSize, columns, where } = options
  const keyList = key.map((k) => `"${k}"`).join(', ')
  let after: Knex.Value[] | null = null
  for (;;) {
    const query = source(table)
      .select(columns ? [...columns] : '*')
      .orderBy(key.map((column) => ({ column })))
      .limit(pageSize)
    if (where) query.where(where)
    if (after) query.whereRaw(`(${keyList}) > (${key.map(() => '?').join(', ')})`, after)
    const rows = (await query) as Row[]
    if (rows.length === 0) return
    yield rows
    if (rows.length < pageSize) return
    const last = rows[rows.length - 1] as Row
    after = key.map((k) => last[k] as Knex.Value)
  }
}
