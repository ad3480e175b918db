// A change the server's write policy refuses (here: a new office, which only a server operation
// may add) is parked with the server's Russian reason instead of blocking the queue; the changes
// after it go on; a supervisor's «retry» queues it again (and the server refuses it again).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { recordAudit } from '../../../src/main/services/core/audit'
import { insertRecorded } from '../../../src/main/services/core/outbox'
import { readState } from '../../../src/main/db/repositories/sync-state'
import { createSyncService } from '../../../src/main/sync/service'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { type Desk, type Office } from '../../helpers/sync'
import type { OknoServer } from '../../helpers/okno-server'
import { describeOffice, ids, loggedChanges, passwordOf, serverClerk, signInAt, useOffice } from './support'

describeOffice('office sync: a change the server refuses', () => {
  let office: Office
  let a: Desk
  let supervisor: ClerkInfo
  let okno: OknoServer

  useOffice([1], {
    setUp: async (server) => void (supervisor = await serverClerk(server, 'supervisor')),
    ready: async (suite) => {
      ;({
        office,
        okno,
        desks: [a],
      } = suite as unknown as { office: Office; okno: OknoServer; desks: [Desk] })
      await signInAt(a, supervisor)
    },
  })

  const officeRow = (id: string, code: string): Record<string, unknown> & { id: string } => ({
    id,
    code,
    name: `Отделение ${code}`,
    address: 'ул. Тестовая, 2',
    phone: '+7 8692 00-00-01',
    created_at: a.clock.now().toISOString(),
  })

  it('parks it with the server message, sends the rows after it, and queues it again on retry', async () => {
    const code = `R${randomUUID().slice(0, 6)}`
    const officeId = randomUUID()
    await recordAudit(a.ctx, { action: 'sync.test.before', clerkId: null })
    await a.db.knex.transaction((trx) => insertRecorded(a.ctx, trx, 'offices', [officeRow(officeId, code)]))
    await recordAudit(a.ctx, { action: 'sync.test.after', clerkId: null })
    const outbox = await ids(a.db, 'outbox')
    expect(outbox).toHaveLength(3)

    const status = await a.worker.syncNow()
    expect(status).toMatchObject({ state: 'online', pending: 1, failed: 1 })
    const parked = (await a.db.knex('outbox').where({ entity: 'offices', entity_id: officeId }).first()) as {
      id: string
      sent_at: string | null
      failed_at: string | null
      attempts: number
      last_error: string
    }
    expect(parked.sent_at).toBeNull()
    expect(parked.failed_at).toBe(a.clock.now().toISOString())
    expect(Number(parked.attempts)).toBe(1)
    // The policy's reason, in Russian, as the server gave it.
    expect(parked.last_error).toMatch(/[А-Яа-яЁё]/)
    expect(parked.last_error).not.toMatch(/insert into|offices_code/i)
    // The audit entries before and after it went; the office did not.
    const sent = outbox.filter((id) => id !== parked.id)
    expect(await loggedChanges(office.server, a.settings.get().workstationId)).toEqual(sent)
    expect(await a.db.knex('outbox').whereIn('id', sent).whereNull('sent_at')).toEqual([])
    expect(await ids(office.server, 'offices', { id: officeId })).toEqual([])
    // A later cycle leaves it parked (it does not block nor get sent again by itself).
    expect(await a.worker.syncNow()).toMatchObject({ pending: 1, failed: 1 })

    a.settings.update({
      sync: {
        mode: 'office',
        legacy: false,
        server: {
          url: okno.url,
          fingerprint: okno.fingerprint,
          deskId: a.credential.deskId,
          secret: { format: 'plain', data: Buffer.from(a.credential.secret, 'utf8').toString('base64') },
          officeCode: 'BAL',
          counterNumber: a.settings.get().counterNumber,
          serverId: (await readState(a.db.knex, 'server_id')) ?? '',
        },
        intervalSeconds: 300,
      },
    })
    const service = createSyncService({ ctx: a.ctx, sealer: null })
    try {
      // The supervisor signs in through the service: the retried rows are theirs.
      await service.authenticate(a.ctx, supervisor.login, passwordOf(supervisor))
      const view = await service.outbox('failed', 10)
      expect(view).toMatchObject({ pending: 1, failed: 1 })
      expect(view.rows).toEqual([
        expect.objectContaining({ id: parked.id, entityTitle: 'отделения', failed: true, attempts: 1 }),
      ])
      // Retried while the conflict is still there: refused again.
      expect(await service.retryFailed(supervisor.id)).toMatchObject({
        state: 'online',
        pending: 1,
        failed: 1,
      })
      expect((await service.outbox('failed', 10)).rows[0]?.attempts).toBe(2)
    } finally {
      await service.close()
    }
    expect(await ids(office.server, 'offices', { id: officeId })).toEqual([])
    expect(await a.db.knex('outbox').where({ id: parked.id }).first()).toMatchObject({
      last_error: parked.last_error,
    })
  })
})
