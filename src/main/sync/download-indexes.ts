// The first download writes tens of millions of rows; keeping every secondary index up to date row
// by row costs more than building each index once at the end (a sort). So the download sets the
// shared tables' secondary indexes aside and builds them again after the copy. Their definitions
// are kept in the store itself first: a download killed in between builds them at its next run.
import type { Db } from '../db/connection'
import { deleteState, readState, writeState } from '../db/repositories/sync-state'
import { SYNC_TABLES } from './tables'

interface IndexDefinition {
  name: string
  sql: string
}

async function setAside(local: Db): Promise<IndexDefinition[]> {
  const saved = await readState(local.knex, 'dropped_indexes')
  return saved ? (JSON.parse(saved) as IndexDefinition[]) : []
}

/** Drops the shared tables' secondary indexes, remembering their definitions. */
export async function dropSharedIndexes(local: Db): Promise<void> {
  const present = (await local
    .knex('sqlite_master')
    .select('name', 'sql')
    .where({ type: 'index' })
    .whereNotNull('sql')
    .whereIn(
      'tbl_name',
      SYNC_TABLES.map((t) => t.name),
    )) as IndexDefinition[]
  const kept = await setAside(local)
  const all = [...kept, ...present.filter((p) => !kept.some((k) => k.name === p.name))]
  await local.knex.transaction(async (trx) => {
    await writeState(trx, 'dropped_indexes', JSON.stringify(all))
    for (const index of present) await trx.raw(`DROP INDEX "${index.name}"`)
  })
}

/** Builds the indexes set aside again (each in its own transaction) and forgets them. */
export async function restoreSharedIndexes(
  local: Db,
  onIndex: (name: string) => void = () => {},
): Promise<void> {
  for (const index of await setAside(local)) {
    onIndex(index.name)
    const exists = await local.knex('sqlite_master').where({ type: 'index', name: index.name }).first('name')
    if (!exists) await local.knex.raw(index.sql)
  }
  await deleteState(local.knex, 'dropped_indexes')
}
