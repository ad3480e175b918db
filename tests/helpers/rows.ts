// Reading rows back in tests: counts, and the audit trail a test produced.
import type { Db } from '../../src/main/db/connection'

export async function countRows(db: Db, table: string): Promise<number> {
  const row = (await db.knex(table).count({ n: '*' }).first()) as { n: number | string } | undefined
  return Number(row?.n ?? 0)
}

/** Row counts of several tables, to show that a refused call changed nothing. */
export async function countAll(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const t of tables) counts[t] = await countRows(db, t)
  return counts
}

export interface AuditEntry {
  workstationId: string
  seq: number
  clerkId: string | null
  action: string
  objectType: string | null
  objectId: string | null
  details: Record<string, unknown>
}

/** One workstation's audit entries in order (each test's context is its own workstation). */
export async function auditTrail(db: Db, workstationId: string): Promise<AuditEntry[]> {
  const rows = (await db.knex('audit_log').where({ workstation_id: workstationId }).orderBy('seq')) as Array<
    Record<string, unknown>
  >
  return rows.map((r) => ({
    workstationId: String(r.workstation_id),
    seq: Number(r.seq),
    clerkId: (r.clerk_id as string | null) ?? null,
    action: String(r.action),
    objectType: (r.object_type as string | null) ?? null,
    objectId: (r.object_id as string | null) ?? null,
    details: JSON.parse(String(r.details)) as Record<string, unknown>,
  }))
}

export async function auditActions(db: Db, workstationId: string): Promise<string[]> {
  return (await auditTrail(db, workstationId)).map((e) => e.action)
}
