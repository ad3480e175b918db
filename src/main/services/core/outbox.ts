// The outbox: every change that must reach the office server is recorded here in the same
// transaction as the change itself (DESIGN.md «Data»), and sent later by the sync worker. A
// context writing on the office server itself records them in its change log (the port in
// core/changes.ts) instead.
import type { Knex } from 'knex'
import type { Change } from '../../../shared/domain/sync'
import { insertOutboxChanges, insertRecordedRows } from '../../db/repositories/outbox'
import type { ServiceContext } from './context'

export interface OutboxEntry {
  entity: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  payload: Record<string, unknown>
}

/** The changes of `entries`, each with a new id, stamped now, its payload as JSON. */
export function changesOf(
  ctx: ServiceContext,
  entries: ReadonlyArray<Omit<OutboxEntry, 'op'> & { op: Change['op'] }>,
): Change[] {
  const createdAt = ctx.clock.now().toISOString()
  return entries.map((entry) => ({
    id: ctx.newId(),
    entity: entry.entity,
    entityId: entry.entityId,
    op: entry.op,
    payload: JSON.stringify(entry.payload),
    createdAt,
    clerkId: ctx.actorId ?? null,
  }))
}

export async function enqueueOutbox(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  entry: OutboxEntry,
): Promise<void> {
  await enqueueOutboxMany(ctx, trx, [entry])
}

/** Several outbox rows in one INSERT, in the given order (their ids are time-ordered). */
export async function enqueueOutboxMany(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  entries: readonly OutboxEntry[],
): Promise<void> {
  if (entries.length === 0) return
  const changes = changesOf(ctx, entries)
  if (ctx.changeLog) {
    await ctx.changeLog.record(trx, changes)
    return
  }
  await insertOutboxChanges(trx, changes)
  ctx.changesRecorded?.()
}

/**
 * New rows of `table`, inserted and recorded in the outbox (entity = the table, op = insert) in
 * one go: the usual way a service writes what must reach the office server.
 */
export async function insertRecorded(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  table: string,
  rows: ReadonlyArray<Record<string, unknown> & { id: string }>,
): Promise<void> {
  if (rows.length === 0) return
  await insertRecordedRows(trx, table, rows)
  await enqueueOutboxMany(
    ctx,
    trx,
    rows.map((row) => ({ entity: table, entityId: row.id, op: 'insert' as const, payload: row })),
  )
}
