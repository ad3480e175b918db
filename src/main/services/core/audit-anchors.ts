// The audit log's anchors: the chain heads every Z-report stored (and printed) at closing, read
// back a page at a time and grouped by chain, for the integrity check to hold the log against.
import type { Knex } from 'knex'
import type { AuditAnchorRef, AuditHead } from '../../../shared/domain/app'
import { zReportPages } from '../../db/repositories/z-reports'
import type { ShiftReportInput } from '../documents/shift-report'

export interface AuditAnchor extends AuditHead {
  zReport: AuditAnchorRef
}

function isHead(h: unknown): h is AuditHead {
  if (typeof h !== 'object' || h === null) return false
  const { workstationId, seq, hash } = h as Record<string, unknown>
  return (
    typeof workstationId === 'string' &&
    Number.isInteger(seq) &&
    (seq as number) > 0 &&
    typeof hash === 'string' &&
    /^[0-9a-f]{64}$/.test(hash)
  )
}

/** Every stored head, by chain, each chain's in entry order. */
export async function zReportAnchors(knex: Knex, pageSize: number): Promise<Map<string, AuditAnchor[]>> {
  const byChain = new Map<string, AuditAnchor[]>()
  for await (const page of zReportPages(knex, pageSize)) {
    for (const row of page) {
      const content = JSON.parse(row.content) as Partial<ShiftReportInput>
      for (const head of content.auditHeads ?? []) {
        if (!isHead(head)) continue
        const anchor: AuditAnchor = {
          workstationId: head.workstationId,
          seq: head.seq,
          hash: head.hash,
          zReport: {
            number: Number(row.number),
            officeName: content.officeName ?? '',
            counterNumber: Number(content.counterNumber),
            seq: head.seq,
          },
        }
        const list = byChain.get(head.workstationId) ?? []
        list.push(anchor)
        byChain.set(head.workstationId, list)
      }
    }
  }
  for (const list of byChain.values()) list.sort((a, b) => a.seq - b.seq)
  return byChain
}
