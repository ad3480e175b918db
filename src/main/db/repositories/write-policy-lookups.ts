// What the office server's write policy reads before it accepts a desk's change: rows by key
// (many at once), a table's columns, the counter's open shift and a desk's audit chain head.
import type { Knex } from 'knex'

type Row = Record<string, unknown>

/**
 * The rows of `table` whose key (`keyColumns`, in order) is one of `keys`, mapped by the key's
 * values joined with «|». One statement for a single-column key; composite keys are few (a
 * cancelled appointment's seats) and read one by one.
 */
export async function rowsByKeys(
  trx: Knex.Transaction,
  table: string,
  keyColumns: readonly string[],
  keys: ReadonlyArray<readonly unknown[]>,
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>()
  if (keys.length === 0) return found
  const store = (rows: Row[]): void => {
    for (const row of rows) found.set(keyColumns.map((k) => String(row[k])).join('|'), row)
  }
  if (keyColumns.length === 1) {
    const column = keyColumns[0] as string
    store(
      (await trx(table)
        .whereIn(column, keys.map((k) => k[0]) as string[])
        .select()) as Row[],
    )
    return found
  }
  for (const key of keys) {
    const where = Object.fromEntries(keyColumns.map((k, i) => [k, key[i]]))
    store((await trx(table).where(where).select()) as Row[])
  }
  return found
}

// A table's columns do not change while the server runs (migrations run before it serves).
const columnsCache = new Map<string, Promise<ReadonlySet<string>>>()

/** The column names of `table` on this store (read once per process). */
export function tableColumns(trx: Knex.Transaction, table: string): Promise<ReadonlySet<string>> {
  const key = `${trx.client.config.client as string}|${table}`
  let columns = columnsCache.get(key)
  if (!columns) {
    columns = trx(table)
      .columnInfo()
      .then((info) => new Set(Object.keys(info)))
    columns.catch(() => columnsCache.delete(key))
    columnsCache.set(key, columns)
  }
  return columns
}

/** The id of the counter's open shift on the server, if one is open. */
export async function openShiftIdAt(
  trx: Knex.Transaction,
  officeId: string,
  counterNumber: number,
): Promise<string | undefined> {
  const row = (await trx('shifts')
    .where({ office_id: officeId, counter_number: counterNumber })
    .whereNull('closed_at')
    .first('id')) as { id: string } | undefined
  return row?.id
}
