// Money of the account on screen: the debt at a glance, the statement for a range of months
// and one month's charges by service. Answers for another account or an older request are
// dropped, so quick changes of range never show stale rows.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AccountBalance, AccountStatement, MonthDetail } from '../../../shared/domain/billing'
import type { PrintDocument } from '../../../shared/print/document'
import { call, errorMessage } from '../api/client'

export const useBillingStore = defineStore('billing', () => {
  const balance = ref<AccountBalance | null>(null)
  const balanceError = ref<string | null>(null)
  const statement = ref<AccountStatement | null>(null)
  const statementError = ref<string | null>(null)
  const month = ref<MonthDetail | null>(null)
  const monthError = ref<string | null>(null)
  const sequence = { balance: 0, statement: 0, month: 0 }

  async function loadBalance(accountId: string): Promise<void> {
    const mine = ++sequence.balance
    balanceError.value = null
    if (balance.value?.accountId !== accountId) balance.value = null
    try {
      const found = await call('charges:balance', { accountId })
      if (mine === sequence.balance) balance.value = found
    } catch (err) {
      if (mine === sequence.balance) balanceError.value = errorMessage(err)
    }
  }

  async function loadStatement(accountId: string, from: string, to: string): Promise<void> {
    const mine = ++sequence.statement
    statementError.value = null
    if (statement.value?.accountId !== accountId) statement.value = null
    try {
      const found = await call('charges:statement', { accountId, from, to })
      if (mine === sequence.statement) statement.value = found
    } catch (err) {
      if (mine === sequence.statement) statementError.value = errorMessage(err)
    }
  }

  async function loadMonth(accountId: string, period: string): Promise<void> {
    const mine = ++sequence.month
    monthError.value = null
    try {
      const found = await call('charges:month', { accountId, period })
      if (mine === sequence.month) month.value = found
    } catch (err) {
      if (mine === sequence.month) {
        month.value = null
        monthError.value = errorMessage(err)
      }
    }
  }

  /** A statement for the caller alone (the bill's months), leaving the one on screen as it is. */
  function statementOf(accountId: string, from: string, to: string): Promise<AccountStatement> {
    return call('charges:statement', { accountId, from, to })
  }

  /** The bill of one month as a document to preview, print or save. */
  function bill(accountId: string, period: string): Promise<PrintDocument> {
    return call('charges:bill', { accountId, period })
  }

  function clearMonth(): void {
    sequence.month++
    month.value = null
    monthError.value = null
  }

  return {
    balance,
    balanceError,
    statement,
    statementError,
    month,
    monthError,
    loadBalance,
    loadStatement,
    loadMonth,
    clearMonth,
    statementOf,
    bill,
  }
})
