// The desk's own sync bookkeeping in its store: the pull cursor (the last server change applied
// here) and whether the first download of the office's data has finished.
import type { Knex } from 'knex'

export type StateKey = 'cursor' | 'downloaded_at' | 'server_id' | 'last_sync_at' | 'dropped_indexes'

export async function readState(knex: Knex | Knex.Transaction, key: StateKey): Promise<string | null> {
  const row = (await knex('sync_state').select('value').where({ key }).first()) as
    { value: string } | undefined
  return row?.value ?? null
}

export async function writeState(knex: Knex | Knex.Transaction, key: StateKey, value: string): Promise<void> {
  await knex('sync_state').insert({ key, value }).onConflict('key').merge()
}

export async function readCursor(knex: Knex | Knex.Transaction): Promise<number> {
  return Number((await readState(knex, 'cursor')) ?? 0)
}
