// The audit log: append-only, each workstation's entries chained by SHA-256 (each entry's hash
// covers the previous entry's hash), so a changed, removed or inserted entry is detectable.
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { AuditVerification } from '../../shared/domain/app'
import type { ServiceContext } from './context'
import { enqueueOutbox } from './outbox'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEvent {
  action: string
  clerkId: string | null
  objectType?: string
  objectId?: string
  details?: Record<string, unknown>
}

interface AuditRow {
  id: string
  workstation_id: string
  seq: number
  at: string
  clerk_id: string | null
  action: string
  object_type: string | null
  object_id: string | null
  details: string
  prev_hash: string
  hash: string
}

function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.prev_hash,
    row.id,
    row.workstation_id,
    row.seq,
    row.at,
    row.clerk_id,
    row.action,
    row.object_type,
    row.object_id,
    row.details,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one entry inside the caller's transaction (and queues it for the office server). */
export async function appendAudit(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  event: AuditEvent,
): Promise<void> {
  const workstationId = ctx.settings.get().workstationId
  const last = (await trx('audit_log')
    .select('seq', 'hash')
    .where({ workstation_id: workstationId })
    .orderBy('seq', 'desc')
    .first()) as { seq: number; hash: string } | undefined
  const row: Omit<AuditRow, 'hash'> = {
    id: ctx.newId(),
    workstation_id: workstationId,
    seq: (last ? Number(last.seq) : 0) + 1,
    at: ctx.clock.now().toISOString(),
    clerk_id: event.clerkId,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    details: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  }
  const full: AuditRow = { ...row, hash: entryHash(row) }
  await trx('audit_log').insert(full)
  await enqueueOutbox(ctx, trx, {
    entity: 'audit_log',
    entityId: full.id,
    op: 'insert',
    payload: { ...full },
  })
}

/** Records an event in its own transaction. */
export async function recordAudit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await ctx.db.knex.transaction((trx) => appendAudit(ctx, trx, event))
}

/** Walks every workstation's chain and reports the first entry that does not match. */
export async function verifyAuditChain(ctx: ServiceContext): Promise<AuditVerification> {
  const rows = (await ctx.db
    .knex('audit_log')
    .select('*')
    .orderBy([{ column: 'workstation_id' }, { column: 'seq' }])) as AuditRow[]
  const prevByStation = new Map<string, { seq: number; hash: string }>()
  for (const r of rows) {
    const prev = prevByStation.get(r.workstation_id) ?? { seq: 0, hash: GENESIS_HASH }
    const seq = Number(r.seq)
    const { hash, ...rest } = r
    if (seq !== prev.seq + 1 || r.prev_hash !== prev.hash || entryHash({ ...rest, seq }) !== hash) {
      return { entries: rows.length, intact: false, brokenAt: { workstationId: r.workstation_id, seq } }
    }
    prevByStation.set(r.workstation_id, { seq, hash })
  }
  return { entries: rows.length, intact: true, brokenAt: null }
}
