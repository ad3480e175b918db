// A batch sent again (its acknowledgement lost) and a pull applied again (the cursor lost) leave
// the server and the desk exactly as they were: the change log keys changes by their outbox id,
// and applying a change the store already has changes nothing.
import { expect, it } from 'vitest'
import { postPayment } from '../../../src/main/services/cash/payments'
import { pullAll } from '../../../src/main/sync/pull'
import { readCursor, writeState } from '../../../src/main/db/repositories/sync-state'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { indebtedAccount, payInput } from '../../helpers/cash'
import { countRows } from '../../helpers/rows'
import { type Desk, type Office } from '../../helpers/sync'
import {
  countedAsExpected,
  describeOffice,
  envOf,
  fullSnapshot,
  ids,
  loggedChanges,
  openDeskShift,
  serverClerk,
  useOffice,
  onServer,
  signInAt,
} from './support'

const TABLES: ReadonlyArray<[string, string[]]> = [
  ['payments', ['id']],
  ['payment_allocations', ['id']],
  ['audit_log', ['id']],
  ['shifts', ['id']],
  ['z_reports', ['id']],
]

async function snapshot(desk: Desk | Office): Promise<Record<string, Map<string, string>>> {
  const db = 'worker' in desk ? desk.db : desk.server
  const out: Record<string, Map<string, string>> = {}
  for (const [table, key] of TABLES) out[table] = await fullSnapshot(db, table, key)
  return out
}

describeOffice('office sync: the same changes twice', () => {
  let office: Office
  let a: Desk
  let b: Desk
  let clerk: ClerkInfo

  useOffice([1, 2], {
    setUp: async (server) => void (clerk = await serverClerk(server)),
    ready: async (suite) => {
      ;({
        office,
        desks: [a, b],
      } = suite as unknown as { office: Office; desks: [Desk, Desk] })
      await signInAt(a, clerk)
    },
  })

  it('records and applies a batch pushed again after a lost acknowledgement once', async () => {
    await openDeskShift(a, clerk)
    for (const kopecks of [150_00, 20_00, 5_55]) {
      const draft = await indebtedAccount(envOf(a))
      await postPayment(a.ctx, clerk, payInput(draft, Math.min(kopecks, draft.totalDebtKopecks)))
    }
    const outbox = await ids(a.db, 'outbox')
    expect((await a.worker.syncNow()).pending).toBe(0)
    const server = await snapshot(office)
    const logged = await countRows(office.server, 'sync_changes')
    expect(await loggedChanges(office.server, a.settings.get().workstationId)).toEqual(outbox)

    // The server applied the batch, but the desk never heard: every row is unsent again.
    await a.db.knex('outbox').update({ sent_at: null })
    expect((await a.worker.status()).pending).toBe(outbox.length)
    const again = await a.worker.syncNow()
    expect(again).toMatchObject({ state: 'online', pending: 0, failed: 0 })
    expect(await countRows(a.db, 'outbox')).toBe(outbox.length)
    expect(await a.db.knex('outbox').whereNull('sent_at')).toEqual([])

    expect(await countRows(office.server, 'sync_changes')).toBe(logged)
    expect(await loggedChanges(office.server, a.settings.get().workstationId)).toEqual(outbox)
    expect(await snapshot(office)).toEqual(server)
  })

  it('leaves the desk unchanged when a pull is applied again from an older cursor', async () => {
    // A's shift is closed on the server (an update B must apply), then B pulls everything.
    const closed = await onServer(a, clerk, 'shifts.close', await countedAsExpected(a))
    expect(closed.shift.status).toBe('closed')
    const cursorBefore = await readCursor(b.db.knex)
    expect((await b.worker.syncNow()).state).toBe('online')
    const cursorAfter = await readCursor(b.db.knex)
    expect(cursorAfter).toBeGreaterThan(cursorBefore)
    const desk = await snapshot(b)
    expect(desk).toEqual(await snapshot(office))
    expect(await b.db.knex('shifts').where({ id: closed.shift.id }).first()).toMatchObject({
      closed_by: clerk.id,
    })

    await writeState(b.db.knex, 'cursor', String(cursorBefore))
    const applied = await pullAll(b.db, b.link)
    expect(applied).toBeGreaterThan(0)
    expect(await readCursor(b.db.knex)).toBe(cursorAfter)
    expect(await snapshot(b)).toEqual(desk)
    expect(await pullAll(b.db, b.link)).toBe(0)
  })
})
