// The office sync as it was before the okno-server (issue 14): a desk straight on PostgreSQL.
// Kept for the bench only, to measure today's direct figures beside the server's in one run.
// Pull: the server's changes since this desk's cursor, applied here one batch per transaction
// together with the new cursor, so a batch is either wholly applied with its cursor or not at all.
// The desk's own pushed changes are skipped on the server (it has them already).
import type { Db } from '../../../src/main/db/connection'
import { changesAfter } from '../../../src/main/db/repositories/change-log'
import { readCursor, writeState } from '../../../src/main/db/repositories/sync-state'
import { applyChanges } from '../../../src/main/sync/apply'
import { applyChargesRefresh } from '../../../src/main/sync/refresh'

/** Applies one batch; returns how many changes it held. */
export async function pullBatch(local: Db, server: Db, origin: string, batchSize: number): Promise<number> {
  const cursor = await readCursor(local.knex)
  const changes = await changesAfter(server.knex, cursor, origin, batchSize)
  if (changes.length === 0) return 0
  const last = changes[changes.length - 1]?.seq ?? cursor
  await local.knex.transaction(async (trx) => {
    // A cursor moved by another pull meanwhile (a direct operation's) means this batch is stale.
    if ((await readCursor(trx)) !== cursor) return
    await applyChanges(trx, changes, (t, period) => applyChargesRefresh(t, server.knex, period))
    await writeState(trx, 'cursor', String(last))
  })
  return changes.length
}

export async function pullAll(local: Db, server: Db, origin: string, batchSize: number): Promise<number> {
  let total = 0
  for (;;) {
    const n = await pullBatch(local, server, origin, batchSize)
    total += n
    if (n === 0) return total
  }
}
