// Inserting many rows at once. On SQLite the rows travel as one JSON parameter unpacked by
// jsonb_each, far cheaper than binding thousands of values one by one; PostgreSQL takes plain
// multi-row inserts (under its 65,535-parameter limit).
import type { Knex } from 'knex'
import type { Dialect } from './connection'

export async function bulkInsert(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as Record<string, unknown>)
  if (dialect === 'sqlite') {
    const values = columns.map((_, i) => `value ->> ${i}`).join(', ')
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values} FROM jsonb_each(?)`
    const chunk = 5000
    for (let i = 0; i < rows.length; i += chunk) {
      const json = JSON.stringify(rows.slice(i, i + chunk).map((r) => columns.map((c) => r[c] ?? null)))
      await trx.raw(sql, [json])
    }
    return
  }
  const chunk = Math.max(1, Math.floor(60_000 / columns.length))
  for (let i = 0; i < rows.length; i += chunk) await trx(table).insert(rows.slice(i, i + chunk))
}
