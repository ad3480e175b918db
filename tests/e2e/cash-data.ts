// Facts for the cash-desk scripts, read from a test desk's database: an account that owes money
// (with its debt as the payment form will show it) and what the shift has recorded.
import { randomUUID } from 'node:crypto'
import { memorySettings } from '../../src/main/config/settings'
import { openDb } from '../../src/main/db/connection'
import { unavailableVault } from '../../src/main/security/passport-vault'
import { paymentDraft } from '../../src/main/services/cash/payments'
import type { PaymentDraft } from '../../src/shared/domain/cash'
import { E2E_CLOCK_START } from './template'

/** The offset-th open account (by number) that owes more than 10 ₽, as the payment form sees it. */
export async function indebtedAccount(dbPath: string, offset = 0): Promise<PaymentDraft> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const ctx = {
      db,
      clock: { now: () => new Date(E2E_CLOCK_START) },
      newId: randomUUID,
      settings: memorySettings(),
      vault: unavailableVault('не нужен для оплаты'),
    }
    const rows = (await db
      .knex('accounts')
      .where({ status: 'open' })
      .orderBy('number')
      .limit(400)
      .select('id')) as Array<{
      id: string
    }>
    let skip = offset
    for (const r of rows) {
      const draft = await paymentDraft(ctx, r.id)
      if (draft.totalDebtKopecks <= 1000 || draft.debts.length < 2) continue
      if (skip-- === 0) return draft
    }
    throw new Error('В тестовой базе нет счёта с долгом по нескольким услугам')
  } finally {
    await db.close()
  }
}

/** Payments stored for the account (payments and refunds), oldest first. */
export async function storedPayments(dbPath: string, accountId: string) {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    return (await db
      .knex('payments')
      .where({ account_id: accountId })
      .orderBy('paid_at')
      .select('id', 'amount_kopecks', 'kind', 'receipt_number')) as Array<{
      id: string
      amount_kopecks: number
      kind: string
      receipt_number: string | null
    }>
  } finally {
    await db.close()
  }
}
