// Taking cash at the counter: posting with its receipt number, allocations, audit and outbox
// rows; the idempotency key; refusals that change nothing.
import { expect, it } from 'vitest'
import { paymentDraft, postPayment } from '../../../../src/main/services/cash/payments'
import { accountBalance } from '../../../../src/main/services/billing/balances'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { indebtedAccount, openCounter, payInput, useNewCounter } from '../../../helpers/cash'
import { describeEachDatabase } from '../../../helpers/database'
import { auditActions, countAll } from '../../../helpers/rows'

const LEDGER = ['payments', 'payment_allocations', 'outbox', 'audit_log']

describeEachDatabase('cash payments', (getCtx) => {
  it('posts the full debt with change: numbered receipt, split oldest first, balance settled, audited', async () => {
    const env = getCtx()
    const { clerk, counterNumber } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const before = await countAll(env.db, ['payments', 'payment_allocations'])
    const posted = await postPayment(
      env.ctx,
      clerk,
      payInput(draft, draft.totalDebtKopecks, draft.totalDebtKopecks + 12_345),
    )
    expect(posted.replayed).toBe(false)
    expect(posted.changeKopecks).toBe(12_345)
    expect(posted.receipt.receiptNumber).toMatch(
      new RegExp(`^\\w+-${String(counterNumber).padStart(2, '0')}-1-1$`),
    )
    expect(posted.receipt.amountKopecks).toBe(draft.totalDebtKopecks)
    expect(posted.receipt.printed).toBe(false)
    const after = await countAll(env.db, ['payments', 'payment_allocations'])
    expect(after.payments).toBe((before.payments ?? 0) + 1)
    expect(after.payment_allocations).toBeGreaterThan(before.payment_allocations ?? 0)
    const balance = await accountBalance(env.ctx, draft.accountId)
    expect(balance.services.filter((s) => s.amountKopecks > 0)).toEqual([])
    expect(await auditActions(env.db, env.settings.get().workstationId)).toContain('payment.post')
    const outbox = (await env.db.knex('outbox').where({ entity_id: posted.receipt.paymentId })) as unknown[]
    expect(outbox).toHaveLength(1)
    const texts = posted.document.blocks.map((b) => ('text' in b ? b.text : 'value' in b ? b.value : ''))
    expect(texts).toContain('Не является фискальным документом')
    expect(texts).toContain(draft.accountNumber)
  })

  it('numbers receipts 1, 2, 3 within the shift', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const numbers: string[] = []
    for (let i = 0; i < 3; i++) {
      const draft = await indebtedAccount(env)
      numbers.push((await postPayment(env.ctx, clerk, payInput(draft, 1_000))).receipt.receiptNumber)
    }
    expect(numbers.map((n) => n.split('-').at(-1))).toEqual(['1', '2', '3'])
  })

  it('replays a repeated key as the same payment, and refuses the key with other data', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const input = payInput(draft, 5_000)
    const first = await postPayment(env.ctx, clerk, input)
    const before = await countAll(env.db, LEDGER)
    const again = await postPayment(env.ctx, clerk, input)
    expect(again.replayed).toBe(true)
    expect(again.receipt.paymentId).toBe(first.receipt.paymentId)
    const err = await refusal(
      postPayment(env.ctx, clerk, {
        ...input,
        amount: '51',
        tendered: '51',
        allocations: payInput(draft, 5_100).allocations,
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('другой платёж')
    expect(await countAll(env.db, LEDGER)).toEqual(before)
  })

  it('refuses a payment without an open shift, and in a shift open for more than 24 hours', async () => {
    const env = getCtx()
    await useNewCounter(env)
    const { info: clerk } = await clerkOf(env.db)
    const draft = await indebtedAccount(env)
    const before = await countAll(env.db, LEDGER)
    const none = await refusal(postPayment(env.ctx, clerk, payInput(draft, 1_000)))
    expect(none.message).toContain('Смена не открыта')
    const { clerk: other } = await openCounter(env)
    env.clock.advance({ hours: 24, minutes: 1 })
    const stale = await refusal(postPayment(env.ctx, other, payInput(draft, 1_000)))
    expect(stale.message).toContain('больше 24 часов')
    expect((await countAll(env.db, LEDGER)).payments).toBe(before.payments)
  })

  it.each([
    ['0', 'amount', 'больше нуля'],
    ['-5', 'amount', 'отрицательной'],
    ['1,234.567', 'amount', 'разделитель'],
    ['1e9', 'amount', 'только цифры'],
    ['сто рублей', 'amount', 'только цифры'],
    ['10000000', 'amount', 'не больше'],
  ])('refuses the amount %s with a message on its field, posting nothing', async (amount, field, message) => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const before = await countAll(env.db, LEDGER)
    const err = await refusal(postPayment(env.ctx, clerk, { ...payInput(draft, 1_000), amount }))
    expect(err.code).toBe('VALIDATION')
    expect(err.fields?.[field]).toContain(message)
    expect(await countAll(env.db, LEDGER)).toEqual(before)
  })

  it('refuses cash below the amount and a split that does not add up', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const before = await countAll(env.db, LEDGER)
    const short = await refusal(postPayment(env.ctx, clerk, payInput(draft, 10_000, 9_999)))
    expect(short.fields?.tendered).toContain('меньше суммы')
    const split = payInput(draft, 10_000)
    split.allocations = split.allocations.map((a, i) =>
      i === 0 ? { ...a, amountKopecks: a.amountKopecks + 1 } : a,
    )
    const bad = await refusal(postPayment(env.ctx, clerk, split))
    expect(bad.fields?.allocations).toContain('сумму платежа')
    expect(await countAll(env.db, LEDGER)).toEqual(before)
  })

  it('takes an advance beyond the debt, spread like the last month', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env)
    const draft = await indebtedAccount(env)
    const amount = draft.totalDebtKopecks + 100_000
    await postPayment(env.ctx, clerk, payInput(draft, amount))
    const after = await paymentDraft(env.ctx, draft.accountId)
    expect(after.totalDebtKopecks).toBe(0)
    const sum = (debts: typeof draft.debts): number => debts.reduce((a, d) => a + d.debtKopecks, 0)
    expect(sum(after.debts)).toBe(sum(draft.debts) - amount)
  })
})
