// A month's charges refresh on a desk over the office link: the server streams that month's charge
// runs, charges and their lines (GET /v1/charges), written under the desk's own columns inside the
// pull's transaction after the desk's copy of the month is dropped.
import type { Knex } from 'knex'
import { localColumns } from '../db/repositories/table-columns'
import type { ChargesRefresh } from './apply'
import { writePage } from './copy'
import type { OfficeLink } from './link/types'
import { dropMonth, MONTH_TABLES } from './refresh'
import { syncTable } from './tables'

const MONTH = new Set<string>(MONTH_TABLES.map((t) => t.name))

export function refreshOverLink(link: OfficeLink): ChargesRefresh {
  return async (trx: Knex.Transaction, period: string) => {
    await dropMonth(trx, period)
    const columns = new Map<string, string[]>()
    await link.chargesOfMonth(period, async (line) => {
      // Only the month's tables, under names the desk knows: anything else the server sent is dropped.
      if (line.kind !== 'rows' || !MONTH.has(line.table) || line.rows.length === 0) return
      const own = columns.get(line.table) ?? (await localColumns(trx, line.table))
      columns.set(line.table, own)
      await writePage(trx, syncTable(line.table), line.rows, own)
    })
  }
}
