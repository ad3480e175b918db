// Operations that run on the okno-server, each carried to the end through desks enrolled at a real
// server: a shift's close (the Z-report comes back by pull), a cabinet's registration (the cabinet
// reaches the desks with its password hash blank) and the charge run (the month's charges reach a
// second desk through GET /v1/charges, never through the whole download).
import { expect, it } from 'vitest'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { clerkOf, freshHolder, registerInput } from '../../helpers/cabinet'
import type { Desk, Office } from '../../helpers/sync'
import {
  countedAsExpected,
  describeOffice,
  onServer,
  openDeskShift,
  serverClerk,
  signInAt,
  tableSnapshot,
  useOffice,
} from '../sync/support'

const PERIOD = '2026-11'

describeOffice('okno-server operations reach the desks', () => {
  let office: Office
  let a: Desk
  let b: Desk
  let clerk: ClerkInfo
  let admin: { info: ClerkInfo; password: string }

  useOffice([31, 32], {
    setUp: async (server) => {
      clerk = await serverClerk(server)
      const made = await clerkOf(server.server, 'administrator')
      admin = { info: made.info, password: made.credentials.password }
      // The office has not charged the month yet.
      await server.server.knex('charge_lines').where({ period: PERIOD }).delete()
      await server.server.knex('charges').where({ period: PERIOD }).delete()
      await server.server.knex('charge_runs').where({ period: PERIOD }).delete()
    },
    ready: async (suite) => {
      office = suite.office
      ;[a, b] = suite.desks as [Desk, Desk]
      for (const desk of [a, b]) await signInAt(desk, clerk)
    },
  })

  it('shifts.close: the Z-report made on the server comes back to the desk (and the other) by pull', async () => {
    const shiftId = await openDeskShift(a, clerk)
    expect((await a.worker.syncNow()).state).toBe('online')
    const closed = await onServer(a, clerk, 'shifts.close', await countedAsExpected(a))
    expect(closed.shift).toMatchObject({ id: shiftId, status: 'closed' })
    const columns = ['shift_id', 'number', 'content']
    const server = await tableSnapshot(office.server, 'z_reports', ['id'], columns, (q) =>
      q.where({ shift_id: shiftId }),
    )
    expect(server.size).toBe(1)
    for (const desk of [a, b]) {
      expect((await desk.worker.syncNow()).state).toBe('online')
      expect(
        await tableSnapshot(desk.db, 'z_reports', ['id'], columns, (q) => q.where({ shift_id: shiftId })),
      ).toEqual(server)
      const shift = (await desk.db.knex('shifts').where({ id: shiftId }).first('closed_at')) as {
        closed_at: string | null
      }
      expect(shift.closed_at).not.toBeNull()
    }
  }, 120_000)

  it('cabinets.register: the cabinet reaches the desks, its password hash blank there', async () => {
    const holder = await freshHolder(office.server)
    const issued = await onServer(a, clerk, 'cabinets.register', registerInput(holder))
    expect(issued.login).toBeTruthy()
    const onTheServer = (await office.server.knex('cabinets').where({ login: issued.login }).first()) as {
      id: string
      password_hash: string
    }
    expect(onTheServer.password_hash.length).toBeGreaterThan(20)
    for (const desk of [a, b]) {
      expect((await desk.worker.syncNow()).state).toBe('online')
      const row = (await desk.db.knex('cabinets').where({ id: onTheServer.id }).first()) as
        { login: string; password_hash: string } | undefined
      expect(row).toMatchObject({ login: issued.login, password_hash: '' })
      expect(
        await desk.db.knex('cabinet_accounts').where({ cabinet_id: onTheServer.id }).pluck('account_id'),
      ).toEqual([holder.accountId])
    }
  }, 120_000)

  it('charges.run: the month’s charges reach the second desk through one month’s route', async () => {
    for (const desk of [a, b]) await desk.signIn(admin.info, admin.password)
    // The second desk must not read the whole office to refresh one month.
    b.link.download = () => Promise.reject(new Error('the whole download was read for one month'))
    const result = await onServer(a, admin.info, 'charges.run', { period: PERIOD })
    const columns = ['account_id', 'service_id', 'amount_kopecks']
    const server = await tableSnapshot(office.server, 'charges', ['id'], columns, (q) =>
      q.where({ period: PERIOD }),
    )
    expect(server.size).toBeGreaterThan(0)
    expect(result.changed).toBe(server.size)
    expect(await tableSnapshot(b.db, 'charges', ['id'], columns, (q) => q.where({ period: PERIOD }))).toEqual(
      new Map(),
    )
    expect((await b.worker.syncNow()).state).toBe('online')
    expect(await tableSnapshot(b.db, 'charges', ['id'], columns, (q) => q.where({ period: PERIOD }))).toEqual(
      server,
    )
    const lines = (db: Office['server']): Promise<number> =>
      db
        .knex('charge_lines')
        .join('charges', 'charges.id', 'charge_lines.charge_id')
        .where('charges.period', PERIOD)
        .count({ n: '*' })
        .first()
        .then((r) => Number((r as { n: number | string }).n))
    expect(await lines(b.db)).toBe(await lines(office.server))
    expect(await lines(b.db)).toBeGreaterThan(server.size)
  }, 180_000)
})
