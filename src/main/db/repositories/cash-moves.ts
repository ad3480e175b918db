// Cash put into or taken out of a shift's drawer (cash_movements), as the shift's figures sum them.
import type { Knex } from 'knex'

/** The shift's cash in and cash out, summed by kind. */
export async function cashMoveTotals(
  db: Knex | Knex.Transaction,
  shiftId: string,
): Promise<Array<{ kind: string; s: number | string }>> {
  return (await db('cash_movements')
    .where({ shift_id: shiftId })
    .groupBy('kind')
    .select('kind')
    .sum({ s: 'amount_kopecks' })) as Array<{ kind: string; s: number | string }>
}
