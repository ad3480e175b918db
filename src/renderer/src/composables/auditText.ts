// The audit log check in words: intact, a broken link, entries cut off after a Z-report, or
// entries rewritten before one (with the Z-report that shows it, to hand to security).
import type { AuditVerification } from '../../../shared/domain/app'
import type { Translate } from './syncText'

export function auditText(t: Translate, v: AuditVerification): string {
  const b = v.brokenAt
  if (!b) return t('settings.auditIntact', { n: v.entries, z: v.anchors })
  const z = b.zReport
  if (b.kind === 'link' || !z) return t('settings.auditBroken', { ws: b.workstationId, seq: b.seq })
  const where = { ws: b.workstationId, z: z.number, office: z.officeName, counter: z.counterNumber }
  return b.kind === 'missing'
    ? t('settings.auditMissing', { ...where, seq: b.seq, anchor: z.seq })
    : t('settings.auditRewritten', { ...where, from: b.from, seq: b.seq })
}
