// A desk and an okno-server of different schema versions never exchange: the desk refuses the
// server at its hello before anything is sent (the status says which side to update, the outbox
// keeps its rows, a direct operation is refused with the same words), and the server refuses to
// enroll a desk of another version.
import { expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/db/migrate'
import { recordAudit } from '../../../src/main/services/core/audit'
import { enrollDesk } from '../../../src/main/sync/link/https-link'
import { schemaMismatch } from '../../../src/main/sync/server'
import { refusal } from '../../helpers/cabinet'
import type { OknoServer } from '../../helpers/okno-server'
import { countRows } from '../../helpers/rows'
import { type Desk, type Office } from '../../helpers/sync'
import { describeOffice, otherWorker, useOffice } from './support'

describeOffice('office sync: a server of another schema version', () => {
  let office: Office
  let okno: OknoServer
  let a: Desk

  useOffice([1], {
    ready: (suite) =>
      void ({
        office,
        okno,
        desks: [a],
      } = suite as unknown as { office: Office; okno: OknoServer; desks: [Desk] }),
  })

  it.each([
    ['newer', CURRENT_SCHEMA_VERSION - 1, /новее.*обновите «Окно» на этом рабочем месте/],
    ['older', CURRENT_SCHEMA_VERSION + 1, /старее.*npm run server:migrate/],
  ])(
    'refuses a %s server before sending anything; the outbox keeps its rows',
    async (_, deskVersion, words) => {
      const message = schemaMismatch(CURRENT_SCHEMA_VERSION, deskVersion)
      expect(message).toMatch(words)
      await recordAudit(a.ctx, { action: 'sync.test', clerkId: null })
      const pending = (await a.worker.status()).pending
      expect(pending).toBeGreaterThan(0)
      const logged = await countRows(office.server, 'sync_changes')
      const audit = await countRows(office.server, 'audit_log')

      const other = await otherWorker(a, okno, { schemaVersion: deskVersion })
      try {
        expect(await other.worker.syncNow()).toMatchObject({ state: 'refused', lastError: message, pending })
        const direct = await refusal(other.worker.direct('запись на приём', 'appointments.book', {}, 'token'))
        expect(direct).toMatchObject({ code: 'UNAVAILABLE', message })
      } finally {
        await other.dispose()
      }
      expect(await countRows(office.server, 'sync_changes')).toBe(logged)
      expect(await countRows(office.server, 'audit_log')).toBe(audit)
      // The same versions: the desk's waiting changes go.
      expect(await a.worker.syncNow()).toMatchObject({ state: 'online', pending: 0 })
    },
  )

  it('is refused enrollment by a server of another version', async () => {
    const code = await okno.enroll('BAL', 1)
    await expect(
      enrollDesk(
        { url: okno.url, fingerprint: okno.fingerprint },
        {
          code,
          workstationId: a.settings.get().workstationId.replace(/^.{8}/, '0badc0de'),
          name: 'old-desk',
          schemaVersion: CURRENT_SCHEMA_VERSION - 1,
          demo: true,
        },
      ),
    ).rejects.toMatchObject({ code: 'SCHEMA' })
  })
})
