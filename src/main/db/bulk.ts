// Inserting many rows at once: the rows travel as one JSON parameter, unpacked by SQLite's
// jsonb_each or PostgreSQL's json_populate_recordset (which types each value by the table's own
// columns). Far cheaper than binding thousands of values one by one, and free of SQLite's
// 500-row compound-select and PostgreSQL's 65,535-parameter limits.
import type { Knex } from 'knex'
import type { Dialect } from './connection'

/** Rows given as arrays of `columns`' values. */
export async function insertRows(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  if (rows.length === 0) return
  const list = columns.join(', ')
  if (dialect === 'pg') {
    const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])))
    await trx.raw(
      `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, ?::json)`,
      [JSON.stringify(objects)],
    )
    return
  }
  const values = columns.map((_, i) => `value ->> ${i}`).join(', ')
  await trx.raw(`INSERT INTO ${table} (${list}) SELECT ${values} FROM jsonb_each(?)`, [JSON.stringify(rows)])
}

/** Rows given as objects with the same keys. */
export async function bulkInsert(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as Record<string, unknown>)
  await insertRows(
    trx,
    dialect,
    table,
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
  )
}
