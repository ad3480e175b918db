// Reading many rows fast: the database packs the rows into one JSON array and the driver hands
// over a single string, instead of building an object per row and a value per column (which
// costs the charge run more than the query itself).
import type { Knex } from 'knex'
import type { Dialect } from './connection'

/** The rows of `query` as arrays of the given columns' values, in the query's order. */
export async function fetchRows(
  knex: Knex | Knex.Transaction,
  dialect: Dialect,
  query: Knex.QueryBuilder,
  columns: readonly string[],
): Promise<unknown[][]> {
  const cols = columns.map((c) => `q.${c}`).join(', ')
  const packed =
    dialect === 'sqlite'
      ? knex.raw(`SELECT json_group_array(json_array(${cols})) AS rows FROM (?) AS q`, [query])
      : knex.raw(
          `SELECT coalesce(json_agg(json_build_array(${cols})), '[]'::json)::text AS rows FROM (?) AS q`,
          [query],
        )
  const result = (await packed) as unknown
  const row =
    dialect === 'sqlite'
      ? (result as Array<{ rows: string }>)[0]
      : (result as { rows: Array<{ rows: string }> }).rows[0]
  return JSON.parse(row?.rows ?? '[]') as unknown[][]
}
