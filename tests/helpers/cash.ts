// The cash desk in tests: each test its own counter (window number) in the first office, a clerk
// with an open shift, and a payment form filled the way the desk fills it.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/main/db/connection'
import { paymentDraft, postPayment } from '../../src/main/services/cash/payments'
import { openShift } from '../../src/main/services/cash/shifts'
import type { ServiceContext } from '../../src/main/services/core/context'
import { allocatePayment } from '../../src/shared/cash/allocation'
import type { PaymentDraft, PaymentPosted } from '../../src/shared/domain/cash'
import type { ClerkInfo } from '../../src/shared/domain/clerk'
import type { PaymentPostInput } from '../../src/shared/ipc/schemas/cash'
import { plainAmount } from '../../src/shared/money'
import { clerkOf } from './cabinet'
import type { TestEnv } from './database'

let lastCounter = 0
const usedAccounts = new Set<string>()

export async function firstOfficeId(db: Db): Promise<string> {
  const row = (await db.knex('offices').orderBy('code').first('id')) as { id: string }
  return row.id
}

/** Points this test's workstation at a counter no other test of the file uses. */
export async function useNewCounter(env: TestEnv): Promise<number> {
  lastCounter += 1
  env.settings.update({ officeId: await firstOfficeId(env.db), counterNumber: lastCounter })
  return lastCounter
}

/** A fresh counter with a shift opened by a new operator (float 1 000 ₽). */
export async function openCounter(
  env: TestEnv,
  float = '1000',
): Promise<{ clerk: ClerkInfo; counterNumber: number; shiftId: string }> {
  const counterNumber = await useNewCounter(env)
  const { info: clerk } = await clerkOf(env.db)
  const shift = await openShift(env.ctx, clerk, { float })
  return { clerk, counterNumber, shiftId: shift.id }
}

/** An open account with debt that no other test of this file has paid. */
export async function indebtedAccount(env: TestEnv): Promise<PaymentDraft> {
  const rows = (await env.db
    .knex('accounts')
    .where({ status: 'open' })
    .whereNotIn('id', [...usedAccounts])
    .orderBy('number')
    .limit(50)
    .select('id')) as Array<{ id: string }>
  for (const r of rows) {
    usedAccounts.add(r.id)
    const draft = await paymentDraft(env.ctx, r.id)
    if (draft.totalDebtKopecks > 0) return draft
  }
  throw new Error('No indebted account left in the demo data')
}

/** The form as the desk sends it for `amountKopecks`, split by default, with a new key. */
export function payInput(
  draft: PaymentDraft,
  amountKopecks: number,
  tenderedKopecks = amountKopecks,
): PaymentPostInput {
  return {
    idempotencyKey: randomUUID(),
    accountId: draft.accountId,
    amount: plainAmount(amountKopecks),
    tendered: plainAmount(tenderedKopecks),
    allocations: allocatePayment(draft.debts, amountKopecks),
    payerName: draft.payerName,
    period: draft.period,
  }
}

export async function payFullDebt(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  draft: PaymentDraft,
): Promise<PaymentPosted> {
  return postPayment(ctx, clerk, payInput(draft, draft.totalDebtKopecks))
}
