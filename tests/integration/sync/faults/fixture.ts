// What the sync fault tests share: a desk's shift with many payments posted through the real
// service, conditions awaited by polling, and the exactly-once check of a desk's outbox against
// the office server after the faults.
import { expect } from 'vitest'
import type { Db } from '../../../../src/main/db/connection'
import { findClerkByLogin, toClerkInfo } from '../../../../src/main/db/repositories/clerks'
import { paymentDraft, postPayment } from '../../../../src/main/services/cash/payments'
import { openShift } from '../../../../src/main/services/cash/shifts'
import { firstOfficeId, payInput } from '../../../helpers/cash'
import { demoClerk } from '../../../helpers/clerks'
import type { Desk } from '../../../helpers/sync'

/** Polls `check` every few milliseconds until it holds; fails with `what` after `limitMs`. */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  limitMs = 60_000,
  everyMs = 5,
): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Не дождались за ${limitMs / 1000} с: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/**
 * Signs the demo operator in at the server from the desk, opens a shift at `counterNumber` of the
 * first office (the desk's window) and posts `count` cash payments there.
 */
export async function postPayments(
  desk: Desk,
  counterNumber: number,
  count: number,
): Promise<{ shiftId: string; ms: number }> {
  const db = desk.db.knex
  desk.settings.update({ officeId: await firstOfficeId(desk.db), counterNumber })
  const row = await findClerkByLogin(desk.db, 'operator')
  if (!row) throw new Error('No demo operator on the desk')
  const clerk = toClerkInfo(row)
  await desk.signIn(clerk, demoClerk('operator').password)
  const shift = await openShift(desk.ctx, clerk, { float: '1000' })
  const accounts = (await db('accounts as a')
    .where('a.status', 'open')
    .whereExists((q) => q.select('*').from('charges as c').whereRaw('c.account_id = a.id'))
    .orderBy('a.number')
    .limit(25)
    .select('a.id')) as Array<{ id: string }>
  const drafts = await Promise.all(accounts.map((a) => paymentDraft(desk.ctx, a.id)))
  const started = performance.now()
  for (let i = 0; i < count; i++) {
    const draft = drafts[i % drafts.length]
    if (!draft) throw new Error('No open account with charges in the demo')
    await postPayment(desk.ctx, clerk, payInput(draft, 100_00 + i))
  }
  return { shiftId: shift.id, ms: performance.now() - started }
}

export async function outboxCount(db: Db): Promise<number> {
  const row = (await db.knex('outbox').count({ n: '*' }).first()) as { n: number | string }
  return Number(row.n)
}

/** How many of `origin`'s changes the server's change log holds (-1 while it cannot be read). */
export async function loggedCount(server: Db, origin: string): Promise<number> {
  try {
    const row = (await server.knex('sync_changes').where({ origin }).count({ n: '*' }).first()) as {
      n: number | string
    }
    return Number(row.n)
  } catch {
    return -1
  }
}

const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id.localeCompare(b.id))

async function shiftRows(db: Db, shiftId: string): Promise<{ payments: unknown[]; allocations: unknown[] }> {
  const payments = (await db
    .knex('payments')
    .where({ shift_id: shiftId })
    .select('id', 'account_id', 'amount_kopecks', 'receipt_no', 'idempotency_key')) as Array<{ id: string }>
  const allocations = (await db
    .knex('payment_allocations as a')
    .join('payments as p', 'p.id', 'a.payment_id')
    .where('p.shift_id', shiftId)
    .select('a.id', 'a.payment_id', 'a.service_id', 'a.amount_kopecks')) as Array<{ id: string }>
  return { payments: byId(payments), allocations: byId(allocations) }
}

/**
 * After the faults: every outbox row of the desk is marked sent (none parked as failed) and in
 * the server's change log exactly once, the log holds no other change of this desk, and the
 * shift's payments and their allocations on the server are exactly the desk's.
 */
export async function expectExactlyOnce(
  desk: Db,
  server: Db,
  origin: string,
  shiftId: string,
  payments: number,
): Promise<void> {
  const outbox = (await desk.knex('outbox').select('id', 'sent_at', 'failed_at', 'last_error')) as Array<{
    id: string
    sent_at: string | null
    failed_at: string | null
  }>
  expect(outbox.filter((r) => r.sent_at === null || r.failed_at !== null)).toEqual([])
  const logged = (await server
    .knex('sync_changes')
    .where({ origin })
    .select('change_id')
    .orderBy('change_id')) as Array<{ change_id: string }>
  expect(logged.map((r) => r.change_id)).toEqual(outbox.map((r) => r.id).sort())
  const twice = (await server.knex.raw(
    'SELECT change_id FROM sync_changes GROUP BY change_id HAVING count(*) > 1',
  )) as { rows: unknown[] }
  expect(twice.rows).toEqual([])

  const here = await shiftRows(desk, shiftId)
  const there = await shiftRows(server, shiftId)
  expect(here.payments).toHaveLength(payments)
  expect(there.payments).toEqual(here.payments)
  expect(there.allocations.length).toBeGreaterThanOrEqual(payments)
  expect(there.allocations).toEqual(here.allocations)
  const audit = (await server
    .knex('audit_log as l')
    .join('payments as p', 'p.id', 'l.object_id')
    .where({ 'p.shift_id': shiftId, 'l.action': 'payment.post' })
    .count({ n: '*' })
    .first()) as { n: number | string }
  expect(Number(audit.n)).toBe(payments)
}
