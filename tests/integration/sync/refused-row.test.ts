// A change the server refuses (here: a new office whose code the server already gives another
// office) is parked with the server's message instead of blocking the queue; the changes after
// it go on; a supervisor's «retry» queues it again.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { recordAudit } from '../../../src/main/services/core/audit'
import { insertRecorded } from '../../../src/main/services/core/outbox'
import { createSyncService } from '../../../src/main/sync/service'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { type Desk, type Office } from '../../helpers/sync'
import { describeOffice, ids, loggedChanges, serverClerk, useOffice } from './support'

describeOffice('office sync: a change the server refuses', () => {
  let office: Office
  let a: Desk
  let supervisor: ClerkInfo

  useOffice([1], {
    setUp: async (server) => void (supervisor = await serverClerk(server, 'supervisor')),
    ready: (suite) =>
      void ({
        office,
        desks: [a],
      } = suite as { office: Office; desks: [Desk] }),
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
    const rival = randomUUID()
    await recordAudit(a.ctx, { action: 'sync.test.before', clerkId: null })
    await a.db.knex.transaction((trx) => insertRecorded(a.ctx, trx, 'offices', [officeRow(officeId, code)]))
    await recordAudit(a.ctx, { action: 'sync.test.after', clerkId: null })
    await office.server.knex('offices').insert(officeRow(rival, code))
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
    expect(parked.last_error).toMatch(/^Сервер отклонил изменение: .*offices_code_unique/)
    // The audit entries before and after it went; the office did not.
    const sent = outbox.filter((id) => id !== parked.id)
    expect(await loggedChanges(office.server, a.settings.get().workstationId)).toEqual(sent)
    expect(await a.db.knex('outbox').whereIn('id', sent).whereNull('sent_at')).toEqual([])
    expect(await ids(office.server, 'offices', { id: officeId })).toEqual([])
    // A later cycle leaves it parked (it does not block nor get sent again by itself).
    expect(await a.worker.syncNow()).toMatchObject({ pending: 1, failed: 1 })

    const url = new URL(office.url)
    a.settings.update({
      sync: {
        mode: 'office',
        server: {
          host: url.hostname,
          port: Number(url.port),
          database: url.pathname.slice(1),
          user: decodeURIComponent(url.username),
          password: null,
        },
        intervalSeconds: 300,
      },
    })
    const service = createSyncService({ ctx: a.ctx, sealer: null })
    try {
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
      // The supervisor removes the rival office on the server; the retry goes through.
      await office.server.knex('offices').where({ id: rival }).delete()
      expect(await service.retryFailed(supervisor.id)).toMatchObject({
        state: 'online',
        pending: 0,
        failed: 0,
      })
    } finally {
      await service.close()
    }
    expect(await ids(office.server, 'offices', { id: officeId })).toEqual([officeId])
    expect(await a.db.knex('outbox').where({ id: parked.id }).first()).toMatchObject({ last_error: null })
    const retries = await office.server.knex('audit_log').where({ action: 'sync.retry_failed' })
    expect(retries).toHaveLength(2)
  })
})
