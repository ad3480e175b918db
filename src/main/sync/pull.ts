// Pull: the okno-server's changes after this desk's cursor, applied here one batch per
// transaction together with the new cursor, so a batch is either wholly applied with its cursor or
// not at all. The server leaves out the desk's own changes (it has them already). A long poll:
// the server answers as soon as another desk's change arrives, or empty after `waitMs`.
import type { Knex } from 'knex'
import type { Db } from '../db/connection'
import { readCursor, writeState } from '../db/repositories/sync-state'
import type { Change } from '../../shared/domain/sync'
import { applyChanges, type ChargesRefresh } from './apply'
import type { OfficeLink } from './link/types'

export const PULL_LIMIT = 500
export const PULL_WAIT_MS = 25_000

/** Applies one batch (waiting up to `waitMs` for one); returns how many changes it held. */
export async function pullBatch(
  local: Db,
  link: OfficeLink,
  waitMs: number,
  refresh?: ChargesRefresh,
): Promise<number> {
  const cursor = await readCursor(local.knex)
  const answer = await link.pull(cursor, PULL_LIMIT, waitMs)
  const changes: Change[] = answer.changes.map((c) => ({
    id: c.id,
    entity: c.entity,
    entityId: c.entityId,
    op: c.op,
    payload: c.payload,
    createdAt: c.createdAt,
  }))
  const last = answer.changes.at(-1)?.seq ?? answer.last
  if (last <= cursor) return 0
  await local.knex.transaction(async (trx: Knex.Transaction) => {
    // A cursor moved by another pull meanwhile (a direct operation's) means this batch is stale.
    if ((await readCursor(trx)) !== cursor) return
    if (changes.length > 0) await applyChanges(trx, changes, refresh)
    await writeState(trx, 'cursor', String(last))
  })
  return changes.length
}

/** Pulls without waiting until the server has nothing newer (a direct operation's rows). */
export async function pullAll(local: Db, link: OfficeLink, refresh?: ChargesRefresh): Promise<number> {
  let total = 0
  for (;;) {
    const before = await readCursor(local.knex)
    total += await pullBatch(local, link, 0, refresh)
    if ((await readCursor(local.knex)) === before) return total
  }
}
