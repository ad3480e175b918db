// The monthly bill read from the demo database: its sums agree with the statement, its QR with
// the balance, and a month with nothing charged or an unknown account is refused.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { accountStatement } from '../../../../src/main/services/billing/balances'
import { billDocument } from '../../../../src/main/services/billing/bill-data'
import { formatAmount } from '../../../../src/shared/money'
import { parseGostPayload } from '../../../../src/shared/payment-qr'
import type { DocumentBlock, PrintDocument } from '../../../../src/shared/print/document'
import { refusal } from '../../../helpers/cabinet'
import { signedInCall } from '../../../helpers/calls'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'

type Table = Extract<DocumentBlock, { kind: 'table' }>

const cell = (kopecks: number): string => (kopecks === 0 ? '—' : formatAmount(kopecks))

/** An account charged and paid in October 2026, with a reading that month. */
async function paidAccount(env: TestEnv): Promise<{ id: string; number: string }> {
  const knex = env.db.knex
  const row = (await knex('accounts as a')
    .whereExists(knex('charges as c').whereRaw('c.account_id = a.id').where('c.period', '2026-10'))
    .whereExists(
      knex('payments as p')
        .whereRaw('p.account_id = a.id')
        .whereBetween('p.business_date', ['2026-10-01', '2026-10-31']),
    )
    .whereExists(knex('readings as r').whereRaw('r.account_id = a.id').where('r.period', '2026-10'))
    .orderBy('a.number')
    .select('a.id', 'a.number')
    .first()) as { id: string; number: string } | undefined
  if (!row) throw new Error('Нет счёта с начислениями и оплатой за октябрь 2026')
  return row
}

const services = (doc: PrintDocument): Table =>
  doc.blocks.find(
    (b): b is Table => b.kind === 'table' && b.columns[0]?.title === 'Услуга' && b.columns.length === 8,
  )!

describeEachDatabase('the bill', (getCtx) => {
  it('adds up like the statement: opening debt, charged, paid and the debt at the month’s end', async () => {
    const env = getCtx()
    const account = await paidAccount(env)
    const doc = await billDocument(env.ctx, account.id, '2026-10')
    const statement = await accountStatement(env.ctx, account.id, '2026-10', '2026-10')
    const month = statement.months[0]!
    const footer = services(doc).footer!
    expect(footer[0]).toBe('Итого')
    expect(footer[3]).toBe(cell(statement.openingDebtKopecks))
    expect(footer[6]).toBe(cell(month.paidKopecks))
    expect(footer[7]).toBe(formatAmount(month.debtKopecks))
    expect(month.paidKopecks).toBeGreaterThan(0)
    expect(doc.title).toBe(`Квитанция за октябрь 2026, л/с ${account.number}`)
  })

  it('carries the ГОСТ payment QR for the debt at the month’s end, for this account and month', async () => {
    const env = getCtx()
    const account = await paidAccount(env)
    const doc = await billDocument(env.ctx, account.id, '2026-10')
    const statement = await accountStatement(env.ctx, account.id, '2026-10', '2026-10')
    const qr = doc.blocks.find((b): b is Extract<DocumentBlock, { kind: 'qr' }> => b.kind === 'qr')
    const parsed = parseGostPayload(qr?.payload ?? '')
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const org = (await env.db.knex('organisation').first()) as Record<string, string>
    const debt = statement.months[0]!.debtKopecks
    expect(parsed.fields).toMatchObject({
      Name: org.name,
      PersonalAcc: org.settlement_account,
      BIC: org.bic,
      CorrespAcc: org.correspondent_account,
      PayeeINN: org.inn,
      KPP: org.kpp,
      PersAcc: account.number,
      PaymPeriod: '102026',
      Purpose: `Оплата ЖКУ за 10.2026, л/с ${account.number}`,
      TechCode: '02',
    })
    expect(parsed.fields.Sum).toBe(debt > 0 ? String(debt) : undefined)
  })

  it('shows the readings taken for the month', async () => {
    const env = getCtx()
    const account = await paidAccount(env)
    const doc = await billDocument(env.ctx, account.id, '2026-10')
    const readings = doc.blocks.find(
      (b): b is Table => b.kind === 'table' && b.columns.some((c) => c.title === 'Прибор №'),
    )
    const serials = (await env.db
      .knex('readings as r')
      .join('meters as m', 'm.id', 'r.meter_id')
      .where({ 'r.account_id': account.id, 'r.period': '2026-10', 'r.status': 'active' })
      .distinct('m.serial')) as Array<{ serial: string }>
    expect(new Set(readings?.rows.map((r) => r[1]))).toEqual(new Set(serials.map((s) => s.serial)))
  })

  it('refuses an unknown account and a month with nothing charged', async () => {
    const env = getCtx()
    expect(await refusal(billDocument(env.ctx, randomUUID(), '2026-10'))).toMatchObject({ code: 'NOT_FOUND' })
    const account = await paidAccount(env)
    const none = await refusal(billDocument(env.ctx, account.id, '2027-03'))
    expect(none).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^За март 2027 начислений нет/),
    })
  })

  it('is served on charges:bill, and printing:pdf sends browser mode to the print dialog', async () => {
    const env = getCtx()
    const account = await paidAccount(env)
    const call = await signedInCall(env)
    const result = await dispatch('charges:bill', { accountId: account.id, period: '2026-10' }, call)
    expect(result).toMatchObject({ ok: true, data: { title: expect.stringContaining(account.number) } })
    const bad = await dispatch('charges:bill', { accountId: account.id, period: '2026-13' }, call)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!result.ok) return
    expect(await dispatch('printing:pdf', { document: result.data }, call)).toEqual({
      ok: true,
      data: { ok: false, message: expect.stringMatching(/Сохранить как PDF/), browserDialog: true },
    })
  })
})
