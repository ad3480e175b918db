// Shifts: one open per counter, cash in and out, X-report figures, closing against the counted
// cash (a supervisor above the tolerance), the numbered Z-report that never changes.
import { expect, it } from 'vitest'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { reversePayment } from '../../../../src/main/services/cash/reversal'
import {
  cashDeskState,
  closeShift,
  listShifts,
  moveCash,
  openShift,
  xReport,
  zReport,
} from '../../../../src/main/services/cash/shifts'
import { expectedCash } from '../../../../src/shared/cash/shift-math'
import type { PrintDocument } from '../../../../src/shared/print/document'
import { randomUUID } from 'node:crypto'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { indebtedAccount, openCounter, payInput } from '../../../helpers/cash'
import { describeEachDatabase } from '../../../helpers/database'
import { countAll } from '../../../helpers/rows'

const field = (doc: PrintDocument, label: string): string | undefined => {
  const block = doc.blocks.find((b) => b.kind === 'field' && b.label === label)
  return block && block.kind === 'field' ? block.value : undefined
}

describeEachDatabase('cash shifts', (getCtx) => {
  it('opens one shift per counter and refuses a second', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1 500,50')
    const state = await cashDeskState(env.ctx)
    expect(state.shift?.figures.floatKopecks).toBe(150_050)
    expect(state.shift?.number).toBe(1)
    const err = await refusal(openShift(env.ctx, clerk, { float: '0' }))
    expect(err.message).toContain('уже открыта')
  })

  it('adds up float, payments, refunds, cash in and cash out on the X-report', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1000')
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const a = await indebtedAccount(env)
    const b = await indebtedAccount(env)
    const p1 = await postPayment(env.ctx, clerk, payInput(a, 30_000, 50_000))
    await postPayment(env.ctx, clerk, payInput(b, 12_345))
    await moveCash(env.ctx, clerk, { kind: 'cash_in', amount: '200', reason: 'change_fund', comment: '' })
    await moveCash(env.ctx, clerk, { kind: 'cash_out', amount: '500', reason: 'collection', comment: '' })
    await reversePayment(env.ctx, supervisor, {
      idempotencyKey: randomUUID(),
      paymentId: p1.receipt.paymentId,
      reason: 'Ошиблись счётом',
    })
    const figures = (await cashDeskState(env.ctx)).shift!.figures
    expect(figures).toMatchObject({
      floatKopecks: 100_000,
      paymentsKopecks: 42_345,
      paymentsCount: 2,
      refundsKopecks: 30_000,
      refundsCount: 1,
      cashInKopecks: 20_000,
      cashOutKopecks: 50_000,
    })
    expect(figures.expectedKopecks).toBe(100_000 + 42_345 - 30_000 + 20_000 - 50_000)
    expect(figures.expectedKopecks).toBe(expectedCash(figures))
    const x = await xReport(env.ctx, clerk)
    expect(field(x, 'Должно быть в кассе')).toContain('823,45')
  })

  it('refuses a cash-out larger than the drawer, and «Прочее» without a comment', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '100')
    const before = await countAll(env.db, ['cash_movements'])
    const big = await refusal(
      moveCash(env.ctx, clerk, { kind: 'cash_out', amount: '100,01', reason: 'collection', comment: '' }),
    )
    expect(big.fields?.amount).toContain('изъять больше нельзя')
    const other = await refusal(
      moveCash(env.ctx, clerk, { kind: 'cash_in', amount: '5', reason: 'other', comment: '' }),
    )
    expect(other.fields?.comment).toBeDefined()
    const wrongList = await refusal(
      moveCash(env.ctx, clerk, { kind: 'cash_in', amount: '5', reason: 'collection', comment: '' }),
    )
    expect(wrongList.fields?.reason).toBeDefined()
    expect(await countAll(env.db, ['cash_movements'])).toEqual(before)
  })

  it('closes within the tolerance without a supervisor; above it only with one', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1000')
    env.settings.update({ cash: { ...env.settings.get().cash, toleranceKopecks: 1_000 } })
    const refused = await refusal(closeShift(env.ctx, clerk, { counted: '989,99' }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.fields?.supervisor).toBeDefined()
    expect((await cashDeskState(env.ctx)).shift?.status).toBe('open')
    const { credentials } = await clerkOf(env.db, 'supervisor')
    const closed = await closeShift(env.ctx, clerk, { counted: '989,99', supervisor: credentials })
    expect(closed.shift.differenceKopecks).toBe(-1_001)
    expect(closed.zReportNumber).toBe(1)
    expect(field(closed.document, 'Недостача')).toContain('10,01')
    expect((await cashDeskState(env.ctx)).shift).toBeNull()
  })

  it('checks a count by denominations against the typed total, and refuses letters', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '0')
    const letters = await refusal(closeShift(env.ctx, clerk, { counted: 'сто' }))
    expect(letters.fields?.counted).toContain('только цифры')
    const mismatch = await refusal(closeShift(env.ctx, clerk, { counted: '100', pieces: { '5000': 1 } }))
    expect(mismatch.fields?.counted).toContain('пересчитайте')
    const ok = await closeShift(env.ctx, clerk, { counted: '0', pieces: { '5000': 0 } })
    expect(ok.shift.status).toBe('closed')
  })

  it('keeps the Z-report unchanged after closing: refused payments, a later correction, the database', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1000')
    const draft = await indebtedAccount(env)
    const paid = await postPayment(env.ctx, clerk, payInput(draft, 25_000))
    const closed = await closeShift(env.ctx, clerk, { counted: '1250' })
    const original = await zReport(env.ctx, clerk, closed.shift.id)
    expect(original.copy).toBe(true)
    expect(original.blocks).toEqual(closed.document.blocks)

    const late = await refusal(postPayment(env.ctx, clerk, payInput(draft, 1_000)))
    expect(late.message).toContain('Смена не открыта')
    // A refund of that payment in the next shift is a correction there, not a change here.
    await openShift(env.ctx, clerk, { float: '1000' })
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const refund = await reversePayment(env.ctx, supervisor, {
      idempotencyKey: randomUUID(),
      paymentId: paid.receipt.paymentId,
      reason: 'Платёж не по тому счёту',
    })
    expect(refund.receipt.receiptNumber).toMatch(/-2-1$/)
    expect(await zReport(env.ctx, clerk, closed.shift.id)).toEqual(original)

    const zRow = env.db.knex('z_reports').where({ shift_id: closed.shift.id })
    await expect(zRow.clone().update({ content: '{}' })).rejects.toThrow(/не изменяется/)
    await expect(zRow.clone().delete()).rejects.toThrow(/не изменяется/)
    const shifts = await listShifts(env.ctx)
    expect(shifts.map((s) => [s.number, s.status])).toEqual([
      [2, 'open'],
      [1, 'closed'],
    ])
  })

  it('refunds only with a supervisor, once, with a linked refund receipt', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1000')
    const draft = await indebtedAccount(env)
    const paid = await postPayment(env.ctx, clerk, payInput(draft, 9_900))
    const input = {
      idempotencyKey: randomUUID(),
      paymentId: paid.receipt.paymentId,
      reason: 'Клиент передумал',
    }
    const denied = await refusal(reversePayment(env.ctx, clerk, input))
    expect(denied.code).toBe('FORBIDDEN')
    const { credentials } = await clerkOf(env.db, 'supervisor')
    const refund = await reversePayment(env.ctx, clerk, { ...input, supervisor: credentials })
    expect(refund.receipt.kind).toBe('reversal')
    expect(refund.receipt.amountKopecks).toBe(-9_900)
    expect(refund.receipt.reverses).toBe(paid.receipt.receiptNumber)
    expect(refund.document.title).toBe('Чек возврата')
    expect(field(refund.document, 'Возврат по чеку')).toBe(`№ ${paid.receipt.receiptNumber}`)
    const replay = await reversePayment(env.ctx, clerk, { ...input, supervisor: credentials })
    expect(replay.replayed).toBe(true)
    const twice = await refusal(
      reversePayment(env.ctx, clerk, { ...input, idempotencyKey: randomUUID(), supervisor: credentials }),
    )
    expect(twice.message).toContain('возврат уже сделан')
  })
})
