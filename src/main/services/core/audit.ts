// The audit log: append-only, each workstation's entries chained by SHA-256 (each entry's hash
// covers the previous entry's hash), so a changed, removed or inserted entry is detectable; and
// anchored by the chain heads every Z-report prints, so a truncation or a rehashed rewrite is too.
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import type { AuditBreak, AuditHead, AuditVerification } from '../../../shared/domain/app'
import { auditLogPages, chainHead, insertAuditRow, type AuditRow } from '../../db/repositories/audit-log'
import { zReportAnchors, type AuditAnchor } from './audit-anchors'
import type { ServiceContext } from './context'
import { enqueueOutbox } from './outbox'

export const GENESIS_HASH = '0'.repeat(64)

/** Rows read at a time by the check: the log of a busy office outgrows memory over the years. */
export const AUDIT_PAGE = 1_000

export interface AuditEvent {
  action: string
  clerkId: string | null
  objectType?: string
  objectId?: string
  details?: Record<string, unknown>
}

/** The entry's hash: over its fields and the previous entry's hash. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
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

/**
 * Appends one entry inside the caller's transaction (and queues it for the office server);
 * returns it as the chain's new head.
 */
export async function appendAudit(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  event: AuditEvent,
): Promise<AuditHead> {
  const workstationId = ctx.settings.get().workstationId
  const last = await chainHead(trx, workstationId)
  const row: Omit<AuditRow, 'hash'> = {
    id: ctx.newId(),
    workstation_id: workstationId,
    seq: (last?.seq ?? 0) + 1,
    at: ctx.clock.now().toISOString(),
    clerk_id: event.clerkId,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    details: JSON.stringify(event.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  }
  const full: AuditRow = { ...row, hash: entryHash(row) }
  await insertAuditRow(trx, full)
  await enqueueOutbox(ctx, trx, {
    entity: 'audit_log',
    entityId: full.id,
    op: 'insert',
    payload: { ...full },
  })
  return { workstationId, seq: full.seq, hash: full.hash }
}

/** Records an event in its own transaction. */
export async function recordAudit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await ctx.db.knex.transaction((trx) => appendAudit(ctx, trx, event))
}

/** One chain walked from its first entry: links, hashes, and the heads Z-reports printed. */
class ChainWalk {
  private seq = 0
  private hash = GENESIS_HASH
  private next = 0
  /** The newest entry a Z-report vouches for: everything up to it is as it was then. */
  private vouched = 0

  constructor(
    readonly workstationId: string,
    private readonly anchors: readonly AuditAnchor[],
  ) {}

  step(row: AuditRow): AuditBreak | null {
    const { hash, ...rest } = row
    if (row.seq !== this.seq + 1 || row.prev_hash !== this.hash || entryHash(rest) !== hash) {
      return this.broken('link', row.seq, row.seq, null)
    }
    this.seq = row.seq
    this.hash = hash
    for (let a = this.anchors[this.next]; a?.seq === row.seq; a = this.anchors[++this.next]) {
      if (a.hash !== hash) return this.broken('rewritten', this.vouched + 1, row.seq, a)
      this.vouched = row.seq
    }
    return null
  }

  /** After the chain's last entry: a Z-report that printed a later one means entries were cut off. */
  end(): AuditBreak | null {
    const a = this.anchors[this.next]
    return a ? this.broken('missing', this.seq + 1, this.seq + 1, a) : null
  }

  private broken(kind: AuditBreak['kind'], from: number, seq: number, a: AuditAnchor | null): AuditBreak {
    return { workstationId: this.workstationId, kind, from, seq, zReport: a?.zReport ?? null }
  }
}

/**
 * Walks every chain a page at a time in key order, recomputing each entry's hash and link and
 * holding each chain against every head a Z-report stored; reports the first mismatch.
 */
export async function verifyAuditChain(
  ctx: ServiceContext,
  options: { pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? AUDIT_PAGE
  const anchors = await zReportAnchors(ctx.db.knex, pageSize)
  const anchorCount = [...anchors.values()].reduce((n, list) => n + list.length, 0)
  let entries = 0
  const outcome = (brokenAt: AuditBreak | null): AuditVerification => ({
    entries,
    anchors: anchorCount,
    intact: brokenAt === null,
    brokenAt,
  })
  let walk = null as ChainWalk | null
  for await (const page of auditLogPages(ctx.db.knex, pageSize)) {
    for (const row of page) {
      if (walk?.workstationId !== row.workstation_id) {
        const cut = walk?.end()
        if (cut) return outcome(cut)
        walk = new ChainWalk(row.workstation_id, anchors.get(row.workstation_id) ?? [])
        anchors.delete(row.workstation_id)
      }
      entries++
      const broken = walk.step(row)
      if (broken) return outcome(broken)
    }
  }
  // The last chain, then the chains Z-reports vouch for that have no entry left at all.
  const rest = [...anchors].map(([id, list]) => new ChainWalk(id, list))
  for (const w of [walk, ...rest]) {
    const cut = w?.end()
    if (cut) return outcome(cut)
  }
  return outcome(null)
}
