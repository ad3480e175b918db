// The audit log's rows: a chain's newest entry, a new entry, and the whole log a page at a time
// in chain order (workstation, then entry number) for the integrity check.
import type { Knex } from 'knex'
import type { AuditHead } from '../../../shared/domain/app'
import { pagesByKey } from '../key-pages'

export interface AuditRow {
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

/** The chain's newest entry, or undefined while the chain is empty. */
export async function chainHead(
  knex: Knex | Knex.Transaction,
  workstationId: string,
): Promise<AuditHead | undefined> {
  const row = (await knex('audit_log')
    .select('seq', 'hash')
    .where({ workstation_id: workstationId })
    .orderBy('seq', 'desc')
    .first()) as { seq: number | string; hash: string } | undefined
  return row && { workstationId, seq: Number(row.seq), hash: row.hash }
}

export async function insertAuditRow(trx: Knex.Transaction, row: AuditRow): Promise<void> {
  await trx('audit_log').insert(row)
}

/** Every entry, chain after chain, each chain from its first entry, `pageSize` at a time. */
export async function* auditLogPages(knex: Knex, pageSize: number): AsyncGenerator<AuditRow[]> {
  for await (const page of pagesByKey(knex, 'audit_log', ['workstation_id', 'seq'], { pageSize })) {
    yield page.map((r) => ({ ...(r as unknown as AuditRow), seq: Number(r.seq) }))
  }
}
