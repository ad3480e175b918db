// A shift closed on the office server anchors two chains: the desk's own (as pushed just before)
// and the server-made chain the closing went into. The server and the desk both hold the log
// against them, so entries cut off the desk's chain after the Z-report show.
import { expect, it } from 'vitest'
import type { AuditRow } from '../../../src/main/db/repositories/audit-log'
import { moveCash } from '../../../src/main/services/cash/shifts'
import { directChainId } from '../../../src/main/sync/server'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { type Desk, type Office } from '../../helpers/sync'
import {
  auditChain,
  countedAsExpected,
  describeOffice,
  openDeskShift,
  serverClerk,
  syncAll,
  useOffice,
  onServer,
  signInAt,
} from './support'

async function head(db: Desk['db'] | Office['server'], workstationId: string): Promise<AuditRow> {
  return (await db
    .knex('audit_log')
    .where({ workstation_id: workstationId })
    .orderBy('seq', 'desc')
    .first()) as AuditRow
}

describeOffice('office sync: Z-report anchors', () => {
  let office: Office
  let a: Desk
  let clerk: ClerkInfo

  useOffice([1], {
    setUp: async (server) => void (clerk = await serverClerk(server)),
    ready: async (suite) => {
      ;({
        office,
        desks: [a],
      } = suite as unknown as { office: Office; desks: [Desk] })
      await signInAt(a, clerk)
    },
  })

  it('anchors the desk’s chain and the server’s on a Z-report closed on the server; both stores check both', async () => {
    await openDeskShift(a, clerk)
    await moveCash(a.ctx, clerk, { kind: 'cash_in', amount: '100', reason: 'change_fund', comment: '' })
    const closed = await onServer(a, clerk, 'shifts.close', await countedAsExpected(a))
    const deskChain = a.settings.get().workstationId
    const serverChain = directChainId(deskChain)
    const deskHead = await head(office.server, deskChain)
    const serverHead = await head(office.server, serverChain)
    expect(serverHead.action).toBe('shift.close')
    const row = (await office.server.knex('z_reports').where({ shift_id: closed.shift.id }).first()) as {
      content: string
    }
    expect(JSON.parse(row.content).auditHeads).toEqual([
      { workstationId: deskChain, seq: Number(deskHead.seq), hash: deskHead.hash, chain: 'desk' },
      { workstationId: serverChain, seq: Number(serverHead.seq), hash: serverHead.hash, chain: 'server' },
    ])
    const labels = closed.document.blocks.flatMap((b) => (b.kind === 'field' ? [b.label] : []))
    expect(labels).toContain(`Журнал окна, запись № ${Number(deskHead.seq)}`)
    expect(labels).toContain(`Журнал сервера, запись № ${Number(serverHead.seq)}`)

    await syncAll(office, [a])
    for (const db of [office.server, a.db]) {
      expect(await auditChain(db)).toMatchObject({ intact: true, brokenAt: null })
      expect((await auditChain(db)).anchors).toBeGreaterThanOrEqual(2)
    }

    // The desk's newest entries cut off, the anchored one among them.
    await a.db.knex('audit_log').where({ workstation_id: deskChain }).where('seq', '>=', deskHead.seq).del()
    expect((await auditChain(a.db)).brokenAt).toEqual({
      workstationId: deskChain,
      kind: 'missing',
      from: Number(deskHead.seq),
      seq: Number(deskHead.seq),
      zReport: expect.objectContaining({
        number: closed.zReportNumber,
        counterNumber: 1,
        seq: Number(deskHead.seq),
      }),
    })
  })
})
