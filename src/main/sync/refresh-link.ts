// A month's charges refresh on a desk over the office link: the link has no route for one month,
// so the desk reads the office's download stream and keeps only that month's charge runs, charges
// and their lines, written under the desk's own columns inside the pull's transaction. A charge
// run happens once a month, so reading the stream once per run is an acceptable price for never
// keeping stale charges.
import type { Knex } from 'knex'
import { localColumns } from '../db/repositories/table-columns'
import type { ChargesRefresh } from './apply'
import { writePage } from './copy'
import type { OfficeLink } from './link/types'
import { syncTable } from './tables'

type Row = Record<string, unknown>

export function refreshOverLink(link: OfficeLink): ChargesRefresh {
  return async (trx: Knex.Transaction, period: string) => {
    await trx('charge_lines')
      .whereIn('charge_id', (q) => void q.select('id').from('charges').where({ period }))
      .delete()
    await trx('charges').where({ period }).delete()
    await trx('charge_runs').where({ period }).delete()
    const charges = new Set<string>()
    const columns = new Map<string, string[]>()
    const write = async (name: string, rows: Row[]): Promise<void> => {
      if (rows.length === 0) return
      const table = syncTable(name)
      const own = columns.get(name) ?? (await localColumns(trx, name))
      columns.set(name, own)
      await writePage(trx, table, rows, own)
    }
    await link.download(async (line) => {
      if (line.kind !== 'rows') return
      if (line.table === 'charge_runs')
        await write(
          'charge_runs',
          line.rows.filter((r) => r.period === period),
        )
      if (line.table === 'charges') {
        const month = line.rows.filter((r) => r.period === period)
        for (const r of month) charges.add(String(r.id))
        await write('charges', month)
      }
      if (line.table === 'charge_lines') {
        await write(
          'charge_lines',
          line.rows.filter((r) => charges.has(String(r.charge_id))),
        )
      }
    })
  }
}
