// Limits on what an operator takes alone (issue 12 item 15): above the organisation's factor ×
// the debt (or × the month's bill, when that is larger), or above its advance limit, a supervisor
// confirms; the period paid for is one of the account's charged months or the next one.
import { expect, it } from 'vitest'
import { paymentDraft, postPayment } from '../../../../src/main/services/cash/payments'
import { totalDebt } from '../../../../src/shared/cash/allocation'
import type { PaymentDraft } from '../../../../src/shared/domain/cash'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { indebtedAccount, openCounter, payInput } from '../../../helpers/cash'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditTrail, countAll } from '../../../helpers/rows'

const LEDGER = ['payments', 'payment_allocations', 'outbox', 'audit_log']

/** What the organisation's defaults allow an operator alone: 3 × the larger of debt and bill, and 100 000 ₽ of advance. */
function expectedLimit(draft: PaymentDraft, factor = 3, advanceKopecks = 10_000_000): number {
  const debt = totalDebt(draft.debts)
  const bill = draft.debts.reduce((s, d) => s + Math.max(0, d.lastChargeKopecks), 0)
  return Math.min(factor * Math.max(debt, bill), debt + advanceKopecks)
}

async function setLimits(env: TestEnv, factor: number, advanceKopecks: number): Promise<void> {
  await env.db.knex('organisation').update({
    payment_supervisor_factor: factor,
    advance_limit_kopecks: advanceKopecks,
  })
}

describeEachDatabase('cash: payment limits', (getCtx) => {
  it('refuses an operator 1 000 × the debt, writing nothing; takes it with a supervisor’s login, and records who confirmed', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    expect(draft.supervisorAboveKopecks).toBe(expectedLimit(draft))
    const amount = Math.min(1_000 * draft.totalDebtKopecks, 99_999_999)
    expect(amount).toBeGreaterThan(draft.supervisorAboveKopecks)
    const before = await countAll(env.db, LEDGER)
    const alone = await refusal(postPayment(env.ctx, clerk, payInput(draft, amount)))
    expect(alone.code).toBe('FORBIDDEN')
    expect(alone.message).toContain('проверьте сумму')
    expect(alone.message).toContain('старшего операциониста')
    expect(alone.fields?.supervisor).toBeTruthy()
    expect(await countAll(env.db, LEDGER)).toEqual(before)

    const { info: supervisor, credentials } = await clerkOf(env.db, 'supervisor')
    const posted = await postPayment(env.ctx, clerk, { ...payInput(draft, amount), supervisor: credentials })
    const row = (await env.db.knex('payments').where({ id: posted.receipt.paymentId }).first()) as {
      confirmed_by: string | null
      amount_kopecks: number | string
    }
    expect(row.confirmed_by).toBe(supervisor.id)
    expect(Number(row.amount_kopecks)).toBe(amount)
    const entry = (await auditTrail(env.db, env.settings.get().workstationId)).at(-1)
    expect(entry).toMatchObject({ action: 'payment.post', details: { confirmedBy: supervisor.id } })
  })

  it('takes up to the limit from an operator alone, and any amount from a signed-in supervisor', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const atLimit = await postPayment(env.ctx, clerk, payInput(draft, draft.supervisorAboveKopecks))
    expect(atLimit.receipt.amountKopecks).toBe(draft.supervisorAboveKopecks)

    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const other = await indebtedAccount(env)
    const big = await postPayment(env.ctx, supervisor, payInput(other, other.supervisorAboveKopecks + 1))
    expect(big.receipt.amountKopecks).toBe(other.supervisorAboveKopecks + 1)
  })

  it('asks a supervisor for an advance above the organisation’s limit, whatever the factor', async () => {
    const env = getCtx()
    await setLimits(env, 1_000_000, 5_000_00)
    try {
      const { clerk } = await openCounter(env)
      const draft = await indebtedAccount(env)
      expect(draft.supervisorAboveKopecks).toBe(draft.totalDebtKopecks + 5_000_00)
      const over = await refusal(
        postPayment(env.ctx, clerk, payInput(draft, draft.totalDebtKopecks + 5_000_01)),
      )
      expect(over.code).toBe('FORBIDDEN')
      const ok = await postPayment(env.ctx, clerk, payInput(draft, draft.totalDebtKopecks + 5_000_00))
      expect(ok.replayed).toBe(false)
    } finally {
      await setLimits(env, 3, 10_000_000)
    }
  })

  it('takes a period among the account’s charged months or the next one, and refuses any other', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const periods = (
      (await env.db
        .knex('charges')
        .where({ account_id: draft.accountId })
        .distinct('period')
        .orderBy('period')) as Array<{ period: string }>
    ).map((r) => r.period)
    const last = periods.at(-1)!
    expect(draft.period).toBe(last)
    const [year, month] = last.split('-').map(Number) as [number, number]
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
    const afterNext =
      month >= 11
        ? `${year + 1}-${String(month - 10).padStart(2, '0')}`
        : `${year}-${String(month + 2).padStart(2, '0')}`
    const before = await countAll(env.db, LEDGER)
    for (const period of ['1000-01', '9999-12', afterNext]) {
      const err = await refusal(postPayment(env.ctx, clerk, { ...payInput(draft, 1_000), period }))
      expect(err.code, period).toBe('VALIDATION')
      expect(err.fields?.period, period).toMatch(/^Месяц оплаты/)
    }
    expect(await countAll(env.db, LEDGER)).toEqual(before)
    for (const period of [periods[0]!, last, next, null]) {
      const draftNow = await paymentDraft(env.ctx, draft.accountId)
      const posted = await postPayment(env.ctx, clerk, { ...payInput(draftNow, 1_000), period })
      expect(posted.replayed, String(period)).toBe(false)
    }
  })
})
