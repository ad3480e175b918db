// Push: the desk's outbox to the okno-server, oldest first, in batches of at most
// MAX_PUSH_CHANGES, with the session tokens of the clerks signed in here. The server answers per
// change: accepted (applied now or before: a batch sent twice is applied once) → marked sent;
// refused by its write policy → parked with the server's reason for a supervisor; waiting (its
// clerk has no server session at this desk yet) → stays, and so does everything after it.
import type { Db } from '../db/connection'
import { markOutboxFailed, markOutboxSent, unsentChanges } from '../db/repositories/outbox'
import type { Clock } from '../services/core/context'
import { MAX_PUSH_CHANGES } from '../../shared/office/protocol'
import type { Change } from '../../shared/domain/sync'
import type { OfficeLink } from './link/types'

export interface PushOutcome {
  sent: number
  failed: number
  /** The clerks whose changes wait for them to sign in while the server is reachable. */
  waitingClerks: string[]
}

function wire(change: Change): Change {
  return {
    id: change.id,
    entity: change.entity,
    entityId: change.entityId,
    op: change.op,
    payload: change.payload,
    createdAt: change.createdAt,
    clerkId: change.clerkId ?? null,
  }
}

/** Sends one batch; a failure of the link is thrown (the worker backs off or stops). */
export async function pushBatch(
  local: Db,
  link: OfficeLink,
  sessions: readonly string[],
  clock: Clock,
  batchSize: number = MAX_PUSH_CHANGES,
): Promise<PushOutcome> {
  const changes = await unsentChanges(local.knex, Math.min(batchSize, MAX_PUSH_CHANGES))
  if (changes.length === 0) return { sent: 0, failed: 0, waitingClerks: [] }
  const answer = await link.push({
    changes: changes.map(wire) as never,
    sessions: [...sessions],
  })
  const at = clock.now().toISOString()
  const ours = new Set(changes.map((c) => c.id))
  // Only ids of this batch: an answer naming anything else is ignored.
  const accepted = answer.accepted.filter((id) => ours.has(id))
  if (accepted.length > 0) await local.knex.transaction((trx) => markOutboxSent(trx, accepted, at))
  let failed = 0
  for (const r of answer.refused) {
    if (!ours.has(r.id)) continue
    await markOutboxFailed(local.knex, r.id, at, r.reason)
    failed++
  }
  const waiting = new Set(answer.waiting)
  const waitingClerks = [
    ...new Set(changes.filter((c) => waiting.has(c.id) && c.clerkId).map((c) => c.clerkId as string)),
  ]
  return { sent: accepted.length, failed, waitingClerks }
}

/** Pushes until the outbox is empty or what is left waits for a clerk to sign in. */
export async function pushAll(
  local: Db,
  link: OfficeLink,
  sessions: () => readonly string[],
  clock: Clock,
  batchSize: number = MAX_PUSH_CHANGES,
): Promise<PushOutcome> {
  const total: PushOutcome = { sent: 0, failed: 0, waitingClerks: [] }
  for (;;) {
    const r = await pushBatch(local, link, sessions(), clock, batchSize)
    total.sent += r.sent
    total.failed += r.failed
    total.waitingClerks = r.waitingClerks
    // Waiting rows hold the order: the next batch would start with them again.
    if (r.sent + r.failed === 0 || r.waitingClerks.length > 0) return total
  }
}
