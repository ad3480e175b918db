// The charge run's own record: a row per run (started, then finished with its counts), and how
// many accounts a run goes through.
import type { Knex } from 'knex'

type Reader = Knex | Knex.Transaction

export interface ChargeRunRow {
  id: string
  period: string
  started_at: string
  clerk_id: string | null
}

export interface ChargeRunFinish {
  finished_at: string
  accounts: number
  changed: number
}

/** How many open accounts a run charges. */
export async function openAccountCount(db: Reader): Promise<number> {
  return Number(((await db('accounts').where('status', 'open').count({ n: '*' }).first()) as { n: number }).n)
}

export async function insertChargeRun(
  db: Reader,
  row: ChargeRunRow | (ChargeRunRow & ChargeRunFinish),
): Promise<void> {
  await db('charge_runs').insert(row)
}

export async function finishChargeRun(db: Reader, id: string, finish: ChargeRunFinish): Promise<void> {
  await db('charge_runs').where({ id }).update(finish)
}
