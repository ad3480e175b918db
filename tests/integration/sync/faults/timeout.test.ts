// A push stuck behind a lock on the okno-server's PostgreSQL (issue 7 «Tests», issue 14): the
// server's statement timeout cuts it, the server answers 503 with a Russian reason, the desk stays
// offline with the batch kept (nothing sent, nothing parked, nothing half-applied on the server)
// and backs off; once the lock is gone the same batch goes through exactly once.
import { afterAll, beforeAll, expect, it } from 'vitest'
import pg from 'pg'
import { describeWithServer, startOknoServer, type OknoServer } from '../../../helpers/okno-server'
import { createDesk, type Desk, type Office } from '../../../helpers/sync'
import { firstOfficeCode } from '../support'
import { expectExactlyOnce, loggedCount, outboxCount, postPayments, until } from './fixture'

const PAYMENTS = 40
/** Short for the test, yet long enough for the first download's pages on a busy machine. */
const STATEMENT_TIMEOUT_MS = 1_500

describeWithServer('a push cut by the okno-server’s statement timeout', () => {
  let okno: OknoServer
  let desk: Desk
  beforeAll(async () => {
    okno = await startOknoServer({ statementTimeoutMs: STATEMENT_TIMEOUT_MS })
    const office = okno.office as Office
    desk = await createDesk(okno, { officeCode: await firstOfficeCode(office), counterNumber: 1 })
  }, 240_000)
  afterAll(async () => {
    await desk?.dispose()
    await okno?.stop()
  })

  it('is offline with the timeout in Russian while payments are locked, then pushes once', async () => {
    const server = (okno.office as Office).server
    const locker = new pg.Client({ connectionString: okno.pgUrl })
    await locker.connect()
    try {
      // The first download (retried like the desk would if a page met the short timeout).
      await until('the first download', async () => (await desk.worker.syncNow()).state === 'online')
      const origin = desk.settings.get().workstationId
      const { shiftId } = await postPayments(desk, 1, PAYMENTS)
      const total = await outboxCount(desk.db)
      const batch = ((await desk.db.knex('outbox').select('id').orderBy('id')) as Array<{ id: string }>).map(
        (r) => r.id,
      )

      await locker.query('BEGIN')
      await locker.query('LOCK TABLE payments IN ACCESS EXCLUSIVE MODE')
      const started = performance.now()
      const stuck = await desk.worker.syncNow()
      const waited = performance.now() - started
      expect(stuck.state).toBe('offline')
      expect(stuck.lastError).toMatch(/тайм-аут/)
      expect(stuck.lastError).not.toMatch(/[A-Za-z]{3,}/)
      // The batch is kept, not parked.
      expect(stuck.pending).toBe(total)
      expect(stuck.failed).toBe(0)
      // Cut by the timeout (not by anything sooner), and nothing of the batch stayed on the server.
      expect(waited).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS)
      expect(await desk.db.knex('outbox').whereNotNull('sent_at').count({ n: '*' })).toEqual([{ n: 0 }])
      expect(await loggedCount(server, origin)).toBe(0)
      expect(await server.knex('shifts').where({ id: shiftId }).first()).toBeUndefined()
      expect(await server.knex('server_refusals').pluck('id')).toEqual([])

      // Still locked: the next cycle is cut again, still nothing sent.
      expect((await desk.worker.syncNow()).state).toBe('offline')
      expect(await loggedCount(server, origin)).toBe(0)

      // The timer loop backs off while the lock holds: each failure puts the next attempt further
      // away (the desk's clock stands still, so the scheduled time minus «now» is the delay).
      const delays: number[] = []
      desk.worker.start()
      await until('three attempts after failures', async () => {
        const next = (await desk.worker.status()).nextAttemptAt
        const delay = next === null ? null : Date.parse(next) - desk.clock.now().getTime()
        if (delay && delay !== delays.at(-1)) delays.push(delay)
        return delays.length >= 3
      })
      const about = `delays ${delays.join(', ')} ms`
      expect(Math.max(...delays), about).toBeGreaterThanOrEqual(Math.min(...delays) * 1.5)
      expect(Math.max(...delays), about).toBeLessThanOrEqual(600)
      expect(await desk.worker.status()).toMatchObject({ state: 'offline', pending: total, failed: 0 })
      expect(await loggedCount(server, origin)).toBe(0)

      await locker.query('ROLLBACK')
      await until('the batch pushed once the lock is gone', async () => {
        const s = await desk.worker.status()
        return s.state === 'online' && s.pending === 0
      })
      await desk.worker.stop()
      expect(await desk.worker.status()).toMatchObject({ pending: 0, failed: 0, lastError: null })
      // The same batch: the outbox holds the rows it held before the lock, now all sent once.
      const after = ((await desk.db.knex('outbox').select('id').orderBy('id')) as Array<{ id: string }>).map(
        (r) => r.id,
      )
      expect(after).toEqual(batch)
      await expectExactlyOnce(desk.db, server, origin, shiftId, PAYMENTS)
    } finally {
      await locker.query('ROLLBACK').catch(() => {})
      await locker.end()
    }
  }, 180_000)
})
