// The desk's outbox: changes written beside the rows they record (core/outbox.ts), and the sync's
// view of them — what waits to be sent (oldest first), how much waits or was refused, the rows a
// supervisor looks at, and marking rows sent, refused or to be tried again.
import type { Knex } from 'knex'
import type { Change } from '../../../shared/domain/sync'
import { changeFromRow, rowOfChange, type ChangeRow } from './change-rows'

type Source = Knex | Knex.Transaction

/** New rows of `table` whose changes go to the outbox in the same transaction (core/outbox.ts). */
export async function insertRecordedRows(
  trx: Knex.Transaction,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  await trx(table).insert(rows)
}

/** Several outbox rows in one INSERT, in the given order (their ids are time-ordered). */
export async function insertOutboxChanges(trx: Knex.Transaction, changes: readonly Change[]): Promise<void> {
  await trx('outbox').insert(changes.map((c) => ({ id: c.id, ...rowOfChange(c), attempts: 0 })))
}

export interface OutboxCounts {
  /** Rows not yet on the server, refused ones included. */
  pending: number
  /** Rows the server refused, parked for a supervisor. */
  failed: number
}

export async function outboxCounts(knex: Knex): Promise<OutboxCounts> {
  const row = (await knex('outbox')
    .whereNull('sent_at')
    .select(knex.raw('count(*) AS pending'), knex.raw('count(failed_at) AS failed'))
    .first()) as { pending: number | string; failed: number | string }
  return { pending: Number(row.pending), failed: Number(row.failed) }
}

/** The next rows to push: unsent, not parked, oldest first. */
export async function unsentChanges(knex: Knex, limit: number): Promise<Change[]> {
  const rows = (await knex('outbox')
    .select('id', 'entity', 'entity_id', 'op', 'payload', 'created_at', 'clerk_id')
    .whereNull('sent_at')
    .whereNull('failed_at')
    .orderBy('id')
    .limit(limit)) as Array<ChangeRow & { id: string }>
  return rows.map((r) => changeFromRow(r.id, r))
}

export interface OutboxListRow extends Omit<ChangeRow, 'payload'> {
  id: string
  attempts: number
  last_error: string | null
  failed_at: string | null
}

/** Waiting rows (or only the refused ones), oldest first, without their payload. */
export async function outboxRows(
  knex: Knex,
  filter: 'pending' | 'failed',
  limit: number,
): Promise<OutboxListRow[]> {
  const query = knex('outbox').whereNull('sent_at')
  if (filter === 'failed') query.whereNotNull('failed_at')
  return (await query
    .select('id', 'entity', 'entity_id', 'op', 'created_at', 'attempts', 'last_error', 'failed_at')
    .orderBy('id')
    .limit(limit)) as OutboxListRow[]
}

const IDS_CHUNK = 500

/** Rows the server recorded, in chunks of ids (SQLite's bound-parameter limit). */
export async function markOutboxSent(
  trx: Knex.Transaction,
  ids: readonly string[],
  at: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_CHUNK) {
    await trx('outbox')
      .whereIn('id', ids.slice(i, i + IDS_CHUNK))
      .update({ sent_at: at, last_error: null })
  }
}

/** A row the server refused: parked with the server's message for a supervisor. */
export async function markOutboxFailed(knex: Knex, id: string, at: string, error: string): Promise<void> {
  await knex('outbox')
    .where({ id })
    .update({ failed_at: at, last_error: error, attempts: knex.raw('attempts + 1') })
}

/** Every parked row goes back to the queue; returns how many. */
export async function unparkFailed(knex: Knex): Promise<number> {
  return knex('outbox').whereNull('sent_at').whereNotNull('failed_at').update({ failed_at: null })
}

/** Empties the outbox (a new first download replaces everything it recorded). */
export async function clearOutbox(source: Source): Promise<void> {
  await source('outbox').delete()
}

/** How many of the clerk's changes still wait to be sent (refused ones not counted). */
export async function unsentOfClerk(knex: Knex, clerkId: string): Promise<number> {
  const row = (await knex('outbox')
    .where({ clerk_id: clerkId })
    .whereNull('sent_at')
    .whereNull('failed_at')
    .count({ n: '*' })
    .first()) as { n: number | string }
  return Number(row.n)
}
