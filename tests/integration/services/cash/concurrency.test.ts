// Races the database must settle: one idempotency key posted 200 times at once, and two counters
// posting at the same moment.
import { expect, it } from 'vitest'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { openShift } from '../../../../src/main/services/cash/shifts'
import { memorySettings } from '../../../../src/main/config/settings'
import type { ServiceContext } from '../../../../src/main/services/core/context'
import { clerkOf } from '../../../helpers/cabinet'
import { firstOfficeId, indebtedAccount, openCounter, payInput } from '../../../helpers/cash'
import { describeEachDatabase } from '../../../helpers/database'

describeEachDatabase('cash races', (getCtx) => {
  it('posts one payment for 200 concurrent submits of the same key; all of them answer with it', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const input = payInput(draft, 7_700, 10_000)
    const results = await Promise.all(Array.from({ length: 200 }, () => postPayment(env.ctx, clerk, input)))
    const ids = new Set(results.map((r) => r.receipt.paymentId))
    expect(ids.size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    const rows = (await env.db.knex('payments').where({ idempotency_key: input.idempotencyKey })) as unknown[]
    expect(rows).toHaveLength(1)
    const allocations = (await env.db
      .knex('payment_allocations')
      .whereIn('payment_id', [...ids])
      .sum({ s: 'amount_kopecks' })
      .first()) as { s: number | string }
    expect(Number(allocations.s)).toBe(7_700)
  }, 60_000)

  it('gives two counters posting at once distinct receipt numbers', async () => {
    const env = getCtx()
    const officeId = await firstOfficeId(env.db)
    const counters = await Promise.all(
      [0, 1].map(async (i) => {
        const ctx: ServiceContext = {
          ...env.ctx,
          settings: memorySettings({ officeId, counterNumber: 90 + i }),
        }
        const { info: clerk } = await clerkOf(env.db)
        await openShift(ctx, clerk, { float: '0' })
        return { ctx, clerk }
      }),
    )
    const drafts = [await indebtedAccount(env), await indebtedAccount(env)]
    const posts = counters.flatMap(({ ctx, clerk }) =>
      Array.from({ length: 15 }, (_, n) => postPayment(ctx, clerk, payInput(drafts[n % 2]!, 100 + n))),
    )
    const numbers = (await Promise.all(posts)).map((p) => p.receipt.receiptNumber)
    expect(new Set(numbers).size).toBe(30)
    expect(numbers.filter((n) => n.includes('-90-'))).toHaveLength(15)
    expect(numbers.filter((n) => n.includes('-91-'))).toHaveLength(15)
  }, 60_000)

  it('keeps one open shift per counter when two workstations open it at once', async () => {
    const env = getCtx()
    const officeId = await firstOfficeId(env.db)
    const { info: clerk } = await clerkOf(env.db)
    const ctxs = [0, 1].map((): ServiceContext => ({
      ...env.ctx,
      settings: memorySettings({ officeId, counterNumber: 95 }),
    }))
    const outcomes = await Promise.allSettled(ctxs.map((ctx) => openShift(ctx, clerk, { float: '100' })))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const open = (await env.db
      .knex('shifts')
      .where({ office_id: officeId, counter_number: 95 })
      .whereNull('closed_at')) as unknown[]
    expect(open).toHaveLength(1)
  })
})
