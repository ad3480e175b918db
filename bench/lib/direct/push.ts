// The office sync as it was before the okno-server (issue 14): a desk straight on PostgreSQL.
// Kept for the bench only, to measure today's direct figures beside the server's in one run.
// Push: the desk's outbox to the office server, oldest first, in batches. A batch is recorded in
// the change log and applied in one server transaction; only then are its rows marked sent here.
// A crash between the two sends the batch again, and the change log applies it once. A row the
// server refuses (a constraint, bad data) is found by sending the batch row by row, and parked
// with the server's message for a supervisor; the rows after it go on.
import type { Knex } from 'knex'
import type { Db } from '../../../src/main/db/connection'
import { lockChangeLog, recordChanges } from '../../../src/main/db/repositories/change-log'
import { markOutboxFailed, markOutboxSent, unsentChanges } from '../../../src/main/db/repositories/outbox'
import type { Clock } from '../../../src/main/services/core/context'
import type { Change } from '../../../src/shared/domain/sync'
import { applyChanges } from '../../../src/main/sync/apply'
import { describeServerError, isTransient } from '../../../src/main/sync/errors'

export interface PushResult {
  sent: number
  failed: number
}

async function sendToServer(server: Db, origin: string, changes: readonly Change[]): Promise<void> {
  await server.knex.transaction(async (trx: Knex.Transaction) => {
    await lockChangeLog(trx)
    const fresh = await recordChanges(trx, origin, changes)
    await applyChanges(trx, fresh)
  })
}

async function markSent(local: Db, ids: readonly string[], at: string): Promise<void> {
  await local.knex.transaction((trx) => markOutboxSent(trx, ids, at))
}

async function markFailed(local: Db, change: Change, err: unknown, at: string): Promise<void> {
  await markOutboxFailed(local.knex, change.id, at, describeServerError(err))
}

/** Sends one batch; throws on a failure worth retrying later (the network, the server's state). */
export async function pushBatch(
  local: Db,
  server: Db,
  origin: string,
  clock: Clock,
  batchSize: number,
): Promise<PushResult> {
  const changes = await unsentChanges(local.knex, batchSize)
  if (changes.length === 0) return { sent: 0, failed: 0 }
  try {
    await sendToServer(server, origin, changes)
    await markSent(
      local,
      changes.map((c) => c.id),
      clock.now().toISOString(),
    )
    return { sent: changes.length, failed: 0 }
  } catch (err) {
    if (isTransient(err)) throw err
  }
  // Some row of the batch is refused: send them one by one to find it.
  const result: PushResult = { sent: 0, failed: 0 }
  for (const change of changes) {
    try {
      await sendToServer(server, origin, [change])
      await markSent(local, [change.id], clock.now().toISOString())
      result.sent++
    } catch (err) {
      if (isTransient(err)) throw err
      await markFailed(local, change, err, clock.now().toISOString())
      result.failed++
    }
  }
  return result
}

/** Pushes until the outbox is empty (or `maxBatches` were sent). */
export async function pushAll(
  local: Db,
  server: Db,
  origin: string,
  clock: Clock,
  batchSize: number,
  maxBatches = Number.POSITIVE_INFINITY,
): Promise<PushResult> {
  const total: PushResult = { sent: 0, failed: 0 }
  for (let i = 0; i < maxBatches; i++) {
    const r = await pushBatch(local, server, origin, clock, batchSize)
    total.sent += r.sent
    total.failed += r.failed
    if (r.sent + r.failed === 0) break
  }
  return total
}
