// The columns of one of the desk's own tables, read from its schema: the only column names a row
// coming from the office server may be written under (the server's keys are never put in SQL).
import type { Knex } from 'knex'

type Source = Knex | Knex.Transaction

/** The desk's (SQLite) columns of `table`, in the table's order; the name is bound, not spliced. */
export async function localColumns(knex: Source, table: string): Promise<string[]> {
  const rows = (await knex.raw('SELECT name FROM pragma_table_info(?) ORDER BY cid', [table])) as Array<{
    name: string
  }>
  return rows.map((r) => r.name)
}
