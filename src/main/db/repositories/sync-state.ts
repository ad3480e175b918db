// The desk's own sync bookkeeping in its store (and the server's identity in the server's): the
// pull cursor, whether the first download finished, the indexes a download set aside.
import type { Knex } from 'knex'

type Source = Knex | Knex.Transaction

export type StateKey = 'cursor' | 'downloaded_at' | 'server_id' | 'last_sync_at' | 'dropped_indexes'

export async function readState(knex: Source, key: StateKey): Promise<string | null> {
  const row = (await knex('sync_state').select('value').where({ key }).first()) as
    { value: string } | undefined
  return row?.value ?? null
}

export async function writeState(knex: Source, key: StateKey, value: string): Promise<void> {
  await knex('sync_state').insert({ key, value }).onConflict('key').merge()
}

export async function deleteState(knex: Source, key: StateKey): Promise<void> {
  await knex('sync_state').where({ key }).delete()
}

/** Forgets everything but `kept` (a new first download starts over). */
export async function clearStateExcept(knex: Source, kept: StateKey): Promise<void> {
  await knex('sync_state').whereNot({ key: kept }).delete()
}

export async function readCursor(knex: Source): Promise<number> {
  return Number((await readState(knex, 'cursor')) ?? 0)
}

/** The office server's identity, a UUID made by the server the first time anyone asks (PostgreSQL). */
export async function ensureServerId(knex: Knex): Promise<string> {
  await knex.raw(
    "INSERT INTO sync_state (key, value) VALUES ('server_id', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING",
  )
  return (await readState(knex, 'server_id')) as string
}
