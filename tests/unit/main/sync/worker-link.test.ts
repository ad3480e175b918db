// The sync worker over the office link (a fake okno-server in memory): the first download writes
// under the desk's own columns, a desk that downloaded from the same server keeps its data, the
// outbox goes in batches and each change's verdict lands in the outbox, the long poll brings
// another desk's change, direct operations run on the server, and the desk's refusals stop it.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../../src/main/db/connection'
import { insertOutboxChanges } from '../../../../src/main/db/repositories/outbox'
import { readState, writeState } from '../../../../src/main/db/repositories/sync-state'
import { ClerkSessions } from '../../../../src/main/sync/clerk-sessions'
import { OfficeLinkError } from '../../../../src/main/sync/link/types'
import { SyncWorker } from '../../../../src/main/sync/worker'
import { MAX_PUSH_CHANGES } from '../../../../src/shared/office/protocol'
import type { Change } from '../../../../src/shared/domain/sync'
import { FakeClock } from '../../../helpers/clock'
import { createTestDatabase, type TestDatabase } from '../../../helpers/database'
import { FakeOfficeServer } from '../../../helpers/fake-office-link'

let seq = 0
function day(date: string, clerkId: string | null = null): Change {
  seq++
  return {
    id: `01900000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    entity: 'calendar_days',
    entityId: date,
    op: 'insert',
    payload: JSON.stringify({ date, kind: 'holiday', name: `Праздник ${seq}` }),
    createdAt: '2026-11-22T07:00:00.000Z',
    clerkId,
  }
}

function dateOf(i: number): string {
  return new Date(Date.UTC(2030, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
}

describe('SyncWorker over the office link', () => {
  let database: TestDatabase
  let db: Db
  let server: FakeOfficeServer
  let sessions: ClerkSessions
  let worker: SyncWorker

  function newWorker(): SyncWorker {
    return new SyncWorker({
      local: db,
      link: server.link(),
      clock: new FakeClock(),
      // Only a nudge or syncNow pushes: the interval never comes within a test.
      intervalMs: 3_600_000,
      schemaVersion: server.schemaVersion,
      demo: false,
      sessions,
      backoff: { baseMs: 20, maxMs: 200 },
      pullWaitMs: 10_000,
    })
  }

  /** The desk downloaded from this server before: no new download. */
  async function downloadedFrom(id: string, cursor = 0): Promise<void> {
    await writeState(db.knex, 'server_id', id)
    await writeState(db.knex, 'downloaded_at', '2026-11-01T00:00:00.000Z')
    await writeState(db.knex, 'cursor', String(cursor))
  }

  beforeEach(async () => {
    database = await createTestDatabase('sqlite')
    db = database.db
    server = new FakeOfficeServer()
    sessions = new ClerkSessions()
    worker = newWorker()
  })
  afterEach(async () => {
    await worker.stop()
    await database.dispose()
  })

  it('downloads under the desk’s own columns: a key the desk lacks is dropped', async () => {
    server.log.push({
      seq: 1,
      id: randomUUID(),
      entity: 'x',
      entityId: 'x',
      op: 'insert',
      payload: '{}',
      createdAt: '',
    })
    server.rows = [
      {
        kind: 'rows',
        table: 'calendar_days',
        rows: [
          {
            date: '2031-01-01',
            kind: 'holiday',
            name: 'Новый год',
            'name) VALUES (1); DROP TABLE clerks; --': 'x',
          },
          { date: '2031-01-02', kind: 'holiday', name: 'Каникулы' },
        ],
      },
    ]
    const done = await worker.syncNow()
    expect(done).toMatchObject({ state: 'online', lastError: null })
    expect(await db.knex('calendar_days').orderBy('date').select('date', 'name')).toEqual([
      { date: '2031-01-01', name: 'Новый год' },
      { date: '2031-01-02', name: 'Каникулы' },
    ])
    expect(await db.knex('clerks').count({ n: '*' })).toEqual([{ n: 0 }])
    expect(await readState(db.knex, 'server_id')).toBe(server.serverId)
    expect(await readState(db.knex, 'cursor')).toBe('1')
    expect(worker.downloadCount).toBe(1)
  })

  it('refuses a download line for a table outside the shared list and does not mark the store downloaded', async () => {
    server.rows = [{ kind: 'rows', table: 'sqlite_master', rows: [{ name: 'x' }] }]
    const status = await worker.syncNow()
    expect(status.state).toBe('offline')
    expect(status.lastError).toContain('не участвует в обмене')
    expect(await readState(db.knex, 'downloaded_at')).toBeNull()
  })

  it('keeps the data and cursor of a desk that downloaded from the same server before', async () => {
    await downloadedFrom(server.serverId, 7)
    const before = await db.knex('accounts').count({ n: '*' })
    expect(await worker.syncNow()).toMatchObject({ state: 'online' })
    expect(server.downloads).toBe(0)
    expect(await db.knex('accounts').count({ n: '*' })).toEqual(before)
    expect(await readState(db.knex, 'cursor')).toBe('7')
  })

  it('marks accepted changes sent, parks refused ones with the server’s reason, keeps waiting ones and names their clerk', async () => {
    await downloadedFrom(server.serverId)
    const clerk = (await db.knex('clerks').first('id')) as { id: string }
    await db.knex('clerks').where({ id: clerk.id }).update({ full_name: 'Иванова Анна Петровна' })
    const [a, b, c, d] = [day(dateOf(1)), day(dateOf(2)), day(dateOf(3), clerk.id), day(dateOf(4))]
    await db.knex.transaction((trx) => insertOutboxChanges(trx, [a, b, c, d]))
    server.verdict = (change, tokens) =>
      change.id === b.id
        ? { refused: 'Оплата для окна другого отделения не принимается.' }
        : change.clerkId && !tokens.some((t) => t.includes(change.clerkId as string))
          ? 'waiting'
          : 'accepted'

    const status = await worker.syncNow()
    expect(status).toMatchObject({ state: 'online', pending: 3, failed: 1 })
    expect(status.lastError).toBe('Изменения ждут входа сотрудника: Иванова А. П.')
    const rows = (await db
      .knex('outbox')
      .orderBy('id')
      .select('id', 'sent_at', 'failed_at', 'last_error')) as Array<Record<string, unknown>>
    expect(rows.map((r) => [r.id, r.sent_at !== null, r.failed_at !== null, r.last_error])).toEqual([
      [a.id, true, false, null],
      [b.id, false, true, 'Оплата для окна другого отделения не принимается.'],
      [c.id, false, false, null],
      [d.id, false, false, null],
    ])
    // Once the clerk has a session here, the held-back changes go, in their order.
    sessions.signedIn({
      token: `token-${clerk.id}`,
      clerk: { id: clerk.id, login: 'x', fullName: 'x', role: 'operator' },
    })
    expect(await worker.syncNow()).toMatchObject({ pending: 1, failed: 1, lastError: null })
    expect(server.accepted.map((x) => x.id)).toEqual([a.id, c.id, d.id])
    expect(server.pushes.at(-1)?.sessions).toEqual([`token-${clerk.id}`])
  })

  it(`pushes the outbox oldest first in batches of at most ${MAX_PUSH_CHANGES}`, async () => {
    await downloadedFrom(server.serverId)
    const changes = Array.from({ length: MAX_PUSH_CHANGES + 5 }, (_, i) => day(dateOf(100 + i)))
    for (let i = 0; i < changes.length; i += 200) {
      await db.knex.transaction((trx) => insertOutboxChanges(trx, changes.slice(i, i + 200)))
    }
    expect(await worker.syncNow()).toMatchObject({ pending: 0, failed: 0 })
    expect(server.pushes.map((p) => p.changes.length)).toEqual([MAX_PUSH_CHANGES, 5])
    expect(server.accepted.map((c) => c.id)).toEqual(changes.map((c) => c.id))
  })

  it('pushes at once when nudged, not at the next interval', async () => {
    await downloadedFrom(server.serverId)
    worker.start()
    await expect.poll(async () => (await worker.status()).state).toBe('online')
    const change = day(dateOf(500))
    await db.knex.transaction((trx) => insertOutboxChanges(trx, [change]))
    worker.nudge()
    await expect.poll(() => server.accepted.map((c) => c.id)).toEqual([change.id])
  })

  it('brings another desk’s change through the long poll and moves the cursor with it', async () => {
    await downloadedFrom(server.serverId)
    worker.start()
    await expect.poll(async () => (await worker.status()).state).toBe('online')
    const other = day('2032-05-09')
    server.add({ ...other, op: 'insert' })
    await expect
      .poll(async () => db.knex('calendar_days').where({ date: '2032-05-09' }).first('name'))
      .toEqual({ name: JSON.parse(other.payload).name })
    await expect.poll(() => readState(db.knex, 'cursor')).toBe('1')
  })

  it('runs a direct operation on the server: the outbox first, then the operation under the clerk’s token, then a pull', async () => {
    await downloadedFrom(server.serverId)
    const mine = day(dateOf(600))
    await db.knex.transaction((trx) => insertOutboxChanges(trx, [mine]))
    server.opResult = () => {
      // The desk's change reached the server before the operation ran.
      expect(server.accepted.map((c) => c.id)).toEqual([mine.id])
      server.add({ ...day('2033-03-08'), op: 'insert' })
      return { appointmentId: 'A-1' }
    }
    const result = await worker.direct('запись на приём', 'appointments.book', { x: 1 }, 'tok-1')
    expect(result).toEqual({ appointmentId: 'A-1' })
    expect(server.ops).toEqual([{ name: 'appointments.book', input: { x: 1 }, token: 'tok-1' }])
    expect(await db.knex('calendar_days').where({ date: '2033-03-08' }).first('date')).toBeDefined()
  })

  it('answers a direct operation refused by a business rule with the server’s message', async () => {
    await downloadedFrom(server.serverId)
    server.opResult = () => {
      throw new OfficeLinkError('CONFLICT', 'Это время уже занято: выберите другое.', false)
    }
    await expect(worker.direct('запись на приём', 'appointments.book', {}, 't')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Это время уже занято: выберите другое.',
    })
  })

  it.each([
    [
      'DESK_REVOKED',
      'Администратор сервера отключил это окно. Данные окна сохранены; обратитесь к администратору.',
    ],
    ['PIN_MISMATCH', 'Сертификат сервера изменился: отпечаток AA вместо сохранённого BB. Сверьте отпечаток.'],
  ])(
    'stops with the server’s message and keeps the data when the server refuses the desk (%s)',
    async (code, message) => {
      await downloadedFrom(server.serverId)
      const before = await db.knex('accounts').count({ n: '*' })
      await db.knex.transaction((trx) => insertOutboxChanges(trx, [day(dateOf(700))]))
      server.failure = new OfficeLinkError(code, message, false)
      expect(await worker.syncNow()).toMatchObject({ state: 'refused', lastError: message, pending: 1 })
      expect(await db.knex('accounts').count({ n: '*' })).toEqual(before)
    },
  )

  it('refuses a server of another schema version before any download', async () => {
    server.schemaVersion += 1
    const status = await worker.syncNow()
    expect(status.state).toBe('refused')
    expect(status.lastError).toMatch(/новее/)
    expect(server.downloads).toBe(0)
  })

  it('goes offline with the link’s message when the server cannot be reached, and back online after', async () => {
    await downloadedFrom(server.serverId)
    server.failure = new OfficeLinkError('NETWORK', 'Сервер «Окно» не отвечает: проверьте сеть.', true)
    expect(await worker.syncNow()).toMatchObject({
      state: 'offline',
      lastError: 'Сервер «Окно» не отвечает: проверьте сеть.',
    })
    server.failure = null
    expect(await worker.syncNow()).toMatchObject({ state: 'online', lastError: null })
  })
})
