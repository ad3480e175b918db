// Where a refund comes from (issue 12 item 14): always the drawer of this desk's open shift; a
// payment taken in this office — at any counter, in a shift closed long ago — with a supervisor,
// one taken in another office only with an administrator's confirmation.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { memorySettings } from '../../../../src/main/config/settings'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { reversePayment } from '../../../../src/main/services/cash/reversal'
import { closeShift, openShift } from '../../../../src/main/services/cash/shifts'
import type { ServiceContext } from '../../../../src/main/services/core/context'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { indebtedAccount, payInput } from '../../../helpers/cash'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditTrail, countAll } from '../../../helpers/rows'

const LEDGER = ['payments', 'payment_allocations', 'audit_log', 'outbox']

/** A payment of 30 ₽ taken at `officeId`, window `counterNumber`, in a shift closed after it. */
async function paidAt(env: TestEnv, officeId: string, counterNumber: number): Promise<string> {
  const ctx: ServiceContext = { ...env.ctx, settings: memorySettings({ officeId, counterNumber }) }
  const { info: clerk } = await clerkOf(env.db, 'operator')
  await openShift(ctx, clerk, { float: '0' })
  const paid = await postPayment(ctx, clerk, payInput(await indebtedAccount(env), 3_000))
  await closeShift(ctx, clerk, { counted: '30' })
  return paid.receipt.paymentId
}

const refundOf = (paymentId: string, supervisor?: { login: string; password: string }) => ({
  idempotencyKey: randomUUID(),
  paymentId,
  reason: 'Платёж не по тому счёту',
  ...(supervisor ? { supervisor } : {}),
})

describeEachDatabase('cash: refunds by office', (getCtx) => {
  let officeA: string
  let officeB: string
  let desk: ServiceContext
  let deskShiftId: string

  beforeAll(async () => {
    const env = getCtx()
    const offices = (await env.db.knex('offices').orderBy('code').limit(2).select('id')) as Array<{
      id: string
    }>
    officeA = offices[0]!.id
    officeB = offices[1]!.id
    // The desk: office A, window 51, its shift open with 1 000 ₽ in the drawer.
    desk = { ...env.ctx, settings: memorySettings({ officeId: officeA, counterNumber: 51 }) }
    const { info: opener } = await clerkOf(env.db, 'operator')
    deskShiftId = (await openShift(desk, opener, { float: '1000' })).id
  })

  it('refunds a payment of another counter of this office, closed shift and all, from this drawer', async () => {
    const env = getCtx()
    const paymentId = await paidAt(env, officeA, 52)
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const refund = await reversePayment(desk, supervisor, refundOf(paymentId))
    const row = (await env.db.knex('payments').where({ id: refund.receipt.paymentId }).first()) as {
      shift_id: string
    }
    expect(row.shift_id).toBe(deskShiftId)
    expect(refund.receipt.amountKopecks).toBe(-3_000)
  })

  it('refuses a payment of another office to a supervisor, signed in or typed in, writing nothing', async () => {
    const env = getCtx()
    const paymentId = await paidAt(env, officeB, 51)
    const { info: supervisor, credentials } = await clerkOf(env.db, 'supervisor')
    const { info: operator } = await clerkOf(env.db, 'operator')
    const before = await countAll(env.db, LEDGER)
    for (const attempt of [
      () => reversePayment(desk, supervisor, refundOf(paymentId)),
      () => reversePayment(desk, operator, refundOf(paymentId, credentials)),
      () => reversePayment(desk, supervisor, refundOf(paymentId, credentials)),
    ]) {
      const err = await refusal(attempt())
      expect(err.code).toBe('FORBIDDEN')
      expect(err.message).toContain('другом отделении')
      expect(err.message).toContain('администратор')
    }
    expect(await countAll(env.db, LEDGER)).toEqual(before)
  })

  it('refunds a payment of another office when an administrator confirms, and records who did', async () => {
    const env = getCtx()
    const { info: operator } = await clerkOf(env.db, 'operator')
    const { info: admin, credentials } = await clerkOf(env.db, 'administrator')
    const typed = await reversePayment(desk, operator, refundOf(await paidAt(env, officeB, 52), credentials))
    const signedIn = await reversePayment(desk, admin, refundOf(await paidAt(env, officeB, 53)))
    for (const refund of [typed, signedIn]) {
      const row = (await env.db.knex('payments').where({ id: refund.receipt.paymentId }).first()) as {
        shift_id: string
        confirmed_by: string
      }
      expect(row).toMatchObject({ shift_id: deskShiftId, confirmed_by: admin.id })
    }
    const trail = await auditTrail(env.db, desk.settings.get().workstationId)
    expect(trail.filter((e) => e.action === 'payment.reverse').slice(-2)).toEqual([
      expect.objectContaining({
        clerkId: operator.id,
        details: expect.objectContaining({ confirmedBy: admin.id, otherOffice: true }),
      }),
      expect.objectContaining({
        clerkId: admin.id,
        details: expect.objectContaining({ confirmedBy: admin.id, otherOffice: true }),
      }),
    ])
  })
})
