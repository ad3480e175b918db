// Slow and absent servers (issue 7 «Tests»). A push stuck behind another session's lock is cut
// by the connection's statement timeout: the desk shows «offline» with the timeout in Russian,
// nothing is marked sent and nothing half-applied stays on the server; once the lock is gone the
// next cycle pushes everything exactly once. A desk pointed at a closed port stays offline with
// a Russian reason and backs off 50, 100, 200, 400 ms… up to its 500 ms ceiling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { createTestDatabase, pgUrl, type TestDatabase } from '../../../helpers/database'
import { TEST_NOW } from '../../../helpers/clock'
import { freePort } from '../../../helpers/local-postgres'
import { SMALL_DEMO } from '../../../helpers/pg-cluster'
import { createDesk } from '../../../helpers/sync'
import { expectExactlyOnce, loggedCount, outboxCount, postPayments, until } from './fixture'

const PAYMENTS = 40

describe.skipIf(!pgUrl())('a push cut by the statement timeout', () => {
  let office: TestDatabase | undefined
  beforeAll(async () => {
    office = await createTestDatabase('pg', SMALL_DEMO)
  })
  afterAll(async () => {
    await office?.dispose()
  })

  it('is offline with the timeout in Russian while payments are locked, then pushes once', async () => {
    const server = (office as TestDatabase).db
    const url = (server.knex.client.config.connection as { connectionString: string }).connectionString
    const desk = await createDesk({ url }, { statementTimeoutMs: 300 })
    const locker = new pg.Client({ connectionString: url })
    await locker.connect()
    try {
      expect((await desk.worker.syncNow()).state).toBe('online')
      const origin = desk.settings.get().workstationId
      const { shiftId } = await postPayments(desk, 1, PAYMENTS)
      const total = await outboxCount(desk.db)

      await locker.query('BEGIN')
      await locker.query('LOCK TABLE payments IN ACCESS EXCLUSIVE MODE')
      const started = performance.now()
      const stuck = await desk.worker.syncNow()
      const waited = performance.now() - started
      expect(stuck.state).toBe('offline')
      expect(stuck.lastError).toMatch(/тайм-аут/)
      expect(stuck.lastError).not.toMatch(/^Ошибка обмена/)
      expect(stuck.pending).toBe(total)
      expect(stuck.failed).toBe(0)
      // Cut by the timeout (not by anything sooner), and nothing of the batch stayed on the server.
      expect(waited).toBeGreaterThanOrEqual(300)
      expect(await desk.db.knex('outbox').whereNotNull('sent_at').count({ n: '*' })).toEqual([{ n: 0 }])
      expect(await loggedCount(server, origin)).toBe(0)
      expect(await server.knex('shifts').where({ id: shiftId }).first()).toBeUndefined()

      // Still locked: the next cycle is cut again, still nothing sent.
      expect((await desk.worker.syncNow()).state).toBe('offline')
      expect(await loggedCount(server, origin)).toBe(0)

      await locker.query('ROLLBACK')
      const done = await desk.worker.syncNow()
      expect(done).toMatchObject({ state: 'online', pending: 0, failed: 0, lastError: null })
      await expectExactlyOnce(desk.db, server, origin, shiftId, PAYMENTS)
    } finally {
      await locker.end()
      await desk.dispose()
    }
  }, 120_000)
})

describe('a server that does not answer', () => {
  it('leaves the desk offline with a Russian reason, retrying 50, 100, 200, 400 ms… up to 500 ms', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/okno`
    const desk = await createDesk({ url }, { backoff: { baseMs: 50, maxMs: 500 } })
    try {
      // The timer loop: each failure schedules the next attempt further away (the desk's clock
      // stands still, so the scheduled time minus «now» is the delay itself).
      const delays: number[] = []
      desk.worker.start()
      await until('six attempts after failures', async () => {
        const next = (await desk.worker.status()).nextAttemptAt
        const delay = next === null ? null : Date.parse(next) - Date.parse(TEST_NOW)
        // The first attempt (at once, delay 0) may be over before the first look.
        if (delay && delay !== delays.at(-1)) delays.push(delay)
        return delays.length >= 6
      })
      await desk.worker.stop()
      const about = `delays ${delays.join(', ')} ms`
      ;[50, 100, 200, 400, 500, 500].forEach((ms, i) => {
        expect(delays[i], about).toBeGreaterThanOrEqual(ms * 0.8)
        expect(delays[i], about).toBeLessThanOrEqual(ms * 1.2)
      })

      const status = await desk.worker.syncNow()
      expect(status.state).toBe('offline')
      expect(status.lastError).toBe('Сервер отделения не отвечает (соединение отклонено).')
      expect(status.lastSyncAt).toBeNull()
      expect(status.pending).toBe(0)
    } finally {
      await desk.dispose()
    }
  }, 60_000)
})
