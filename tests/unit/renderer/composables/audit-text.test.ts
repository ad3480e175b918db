// The audit check as the administrator reads it: intact with the Z-report heads checked, a broken
// link, entries cut off after a Z-report, entries rewritten before one — each with its numbers.
import { describe, expect, it } from 'vitest'
import { auditText } from '../../../../src/renderer/src/composables/auditText'
import { i18n } from '../../../../src/renderer/src/i18n'
import type { AuditBreak, AuditVerification } from '../../../../src/shared/domain/app'

const t = i18n.global.t
const WS = '0190f2a4-1111-7000-8000-000000000001'
const Z = { number: 12, officeName: 'Ленинское отделение', counterNumber: 3, seq: 57 }

function broken(b: Omit<AuditBreak, 'workstationId'>): AuditVerification {
  return { entries: 40, anchors: 5, intact: false, brokenAt: { workstationId: WS, ...b } }
}

/** Russian only: no Latin word but the «Z» of «Z-отчёт» and the workstation id. */
function latinWords(text: string): string[] {
  return text.replace(WS, '').match(/[A-Za-z]{2,}/g) ?? []
}

describe('auditText', () => {
  it('says how many entries and Z-report heads were checked', () => {
    const text = auditText(t, { entries: 1234, anchors: 5, intact: true, brokenAt: null })
    expect(text).toBe(
      'Журнал цел: записей 1234, цепочка не нарушена; отметок журнала на Z-отчётах сверено: 5.',
    )
  })

  it('names the entry of a broken link', () => {
    const text = auditText(t, broken({ kind: 'link', from: 9, seq: 9, zReport: null }))
    expect(text).toContain(`рабочее место ${WS}, запись № 9`)
    expect(latinWords(text)).toEqual([])
  })

  it('names the first missing entry and the Z-report that printed a later one', () => {
    const text = auditText(t, broken({ kind: 'missing', from: 55, seq: 55, zReport: Z }))
    expect(text).toContain('удалены')
    expect(text).toContain('начиная с № 55')
    expect(text).toContain('Z-отчёт № 12 (Ленинское отделение, окно 3) напечатан с записью № 57')
    expect(latinWords(text)).toEqual([])
  })

  it('names the entries a rewrite may cover and the Z-report it contradicts', () => {
    const text = auditText(t, broken({ kind: 'rewritten', from: 31, seq: 57, zReport: Z }))
    expect(text).toContain('переписан')
    expect(text).toContain(
      'записи с № 31 по № 57 не совпадают с Z-отчётом № 12 (Ленинское отделение, окно 3)',
    )
    expect(latinWords(text)).toEqual([])
  })
})
