// A server whose schema is another version than the desk's is refused before anything is sent:
// the status says which side to update, checkServer says the same, and the outbox keeps its rows.
import { expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/db/migrate'
import { recordAudit } from '../../../src/main/services/core/audit'
import { checkServer, schemaMismatch } from '../../../src/main/sync/server'
import { refusal } from '../../helpers/cabinet'
import { countRows } from '../../helpers/rows'
import { createDesk, type Desk, type Office } from '../../helpers/sync'
import { describeOffice, otherWorker, useOffice } from './support'

const MIGRATIONS = 'okno_migrations'

describeOffice('office sync: a server of another schema version', () => {
  let office: Office
  let a: Desk

  useOffice([1], {
    ready: (suite) =>
      void ({
        office,
        desks: [a],
      } = suite as { office: Office; desks: [Desk] }),
  })

  /** With the server's schema at `version`: the desk's change waits, nothing reaches the server. */
  async function expectRefused(version: number, words: RegExp): Promise<void> {
    const message = schemaMismatch(version)
    expect(message).toMatch(words)
    await recordAudit(a.ctx, { action: 'sync.test', clerkId: null })
    const pending = (await a.worker.status()).pending
    expect(pending).toBeGreaterThan(0)
    const logged = await countRows(office.server, 'sync_changes')
    const audit = await countRows(office.server, 'audit_log')

    const other = await otherWorker(a, office.url)
    try {
      const status = await other.worker.syncNow()
      expect(status).toMatchObject({ state: 'refused', lastError: message, pending })
      expect(await checkServer(other.server)).toEqual({
        ok: false,
        message,
        serverVersion: version,
        localVersion: CURRENT_SCHEMA_VERSION,
      })
      const direct = await refusal(other.worker.direct(a.ctx, 'запись на приём', () => Promise.resolve(1)))
      expect(direct).toMatchObject({ code: 'UNAVAILABLE', message })
    } finally {
      await other.dispose()
    }
    expect(await countRows(office.server, 'sync_changes')).toBe(logged)
    expect(await countRows(office.server, 'audit_log')).toBe(audit)

    // A new desk does not even download from such a server.
    const fresh = await createDesk(office)
    try {
      expect(await fresh.worker.syncNow()).toMatchObject({ state: 'refused', lastError: message })
      expect(await countRows(fresh.db, 'accounts')).toBe(0)
    } finally {
      await fresh.dispose()
    }
  }

  it('refuses a newer server: update «Окно» on this desk', async () => {
    expect(await checkServer(a.server)).toMatchObject({ ok: true, serverVersion: CURRENT_SCHEMA_VERSION })
    await office.server.knex(MIGRATIONS).insert({ name: '007_future', batch: 99, migration_time: new Date() })
    try {
      await expectRefused(CURRENT_SCHEMA_VERSION + 1, /новее.*обновите «Окно» на этом рабочем месте/)
    } finally {
      await office.server.knex(MIGRATIONS).where({ name: '007_future' }).delete()
    }
  })

  it('refuses an older server: migrate the server', async () => {
    const last = (await office.server.knex(MIGRATIONS).orderBy('id', 'desc').first()) as Record<
      string,
      unknown
    >
    await office.server.knex(MIGRATIONS).where({ id: last.id }).delete()
    try {
      await expectRefused(CURRENT_SCHEMA_VERSION - 1, /старее.*npm run server:migrate/)
    } finally {
      await office.server.knex(MIGRATIONS).insert(last)
    }
    // The same versions again: the desk's waiting changes go.
    expect(await a.worker.syncNow()).toMatchObject({ state: 'online', pending: 0 })
  })
})
