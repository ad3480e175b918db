// Taking a cash payment: the form's data (debt per service, default split) and the posting —
// one write transaction with the receipt number, the allocations, the audit entry and the outbox
// rows. Every form carries an idempotency key (posting.ts). An amount above the organisation's
// limits needs a supervisor; the period paid for is a charged month or the next.
import type { Knex } from 'knex'
import { allocationProblem, totalDebt, type ServiceDebt } from '../../../shared/cash/allocation'
import { supervisorAbove } from '../../../shared/cash/payment-limits'
import { changeFor } from '../../../shared/cash/shift-math'
import { addPeriods, formatPeriodRu, periodOf } from '../../../shared/billing/period'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import type { PaymentDraft, PaymentPosted } from '../../../shared/domain/cash'
import { businessDate } from '../../../shared/dates'
import type { PaymentPostInput } from '../../../shared/ipc/schemas/cash'
import { OknoError } from '../../../shared/ipc/envelope'
import { formatMoney } from '../../../shared/money'
import { isUniqueViolation } from '../../db/errors'
import { chargedPeriods } from '../../db/repositories/account-debts'
import type { OrganisationRow } from '../../db/repositories/organisation'
import { paymentByKey } from '../../db/repositories/payments'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { confirmBySupervisor } from '../clerks/supervisor'
import { accountHeader } from './account-header'
import { requireAmount } from './amounts'
import { requireCounter, type Counter } from './counter'
import { serviceDebts } from './debts'
import { recordAllocations, replayOf, requestHash, shiftForPosting, nextReceipt } from './posting'
import { postedResult, registerFiscal } from './receipts'

/** The largest amount an operator takes alone for an account with `debts` (the organisation's limits). */
function operatorLimit(org: OrganisationRow, debts: readonly ServiceDebt[]): number {
  return supervisorAbove(debts, {
    supervisorFactor: Number(org.payment_supervisor_factor),
    advanceLimitKopecks: Number(org.advance_limit_kopecks),
  })
}

export async function paymentDraft(ctx: ServiceContext, accountId: string): Promise<PaymentDraft> {
  const org = await requireOrganisation(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  const header = await accountHeader(ctx, accountId)
  const [debts, periods] = await Promise.all([
    serviceDebts(ctx, accountId, periodOf(today)),
    chargedPeriods(ctx.db.knex, accountId),
  ])
  return {
    accountId,
    accountNumber: header.number,
    address: header.address,
    payerName: header.payerName,
    period: periods.at(-1) ?? null,
    debts,
    totalDebtKopecks: totalDebt(debts),
    supervisorAboveKopecks: operatorLimit(org, debts),
  }
}

/**
 * Refuses a period outside the account's charged months and the one after the last (a payment
 * for a month never billed, or for 1000-01, would sit on the statement where nobody looks).
 */
function requirePeriod(period: string | null, charged: readonly string[], today: string): void {
  if (period === null) return
  const last = charged.at(-1)
  if (!last) {
    const current = periodOf(today)
    if (period === current) return
    const message = `Месяц оплаты: по счёту ещё нет начислений — укажите текущий месяц (${formatPeriodRu(current)}) или не указывайте месяц.`
    throw new OknoError('VALIDATION', message, { period: message })
  }
  const next = addPeriods(last, 1)
  if (period === next || charged.includes(period)) return
  const message =
    `Месяц оплаты: укажите месяц, за который есть начисления (${formatPeriodRu(charged[0] as string)} — ` +
    `${formatPeriodRu(last)}), или следующий — ${formatPeriodRu(next)}.`
  throw new OknoError('VALIDATION', message, { period: message })
}

/** The form's amounts, checked, and the hash that tells a repeated post from another payment. */
interface PaymentRequest {
  amount: number
  tendered: number
  changeKopecks: number
  hash: string
}

function readRequest(input: PaymentPostInput): PaymentRequest {
  const amount = requireAmount(input.amount, 'amount', { label: 'Сумма' })
  const tendered = requireAmount(input.tendered, 'tendered', { label: 'Получено' })
  const change = changeFor(amount, tendered)
  if (!change.ok) throw new OknoError('VALIDATION', change.message, { tendered: change.message })
  const hash = requestHash({
    accountId: input.accountId,
    amount,
    tendered,
    allocations: input.allocations,
    payerName: input.payerName,
    period: input.period,
  })
  return { amount, tendered, changeKopecks: change.changeKopecks, hash }
}

/** Where and when the payment is taken, and who confirmed an amount above the operator's limit. */
interface PaymentPlan {
  counter: Counter
  today: string
  confirmer: ClerkInfo | null
  /** The moment of the payment, once everything before writing was checked. */
  now: string
}

/** Checks the split, the period and the amount against the account's debts before anything is written. */
async function planPayment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentPostInput,
  amount: number,
): Promise<PaymentPlan> {
  const org = await requireOrganisation(ctx)
  const counter = await requireCounter(ctx)
  const today = businessDate(ctx.clock.now(), org.time_zone)
  const debts = await serviceDebts(ctx, input.accountId, periodOf(today))
  if (debts.length === 0) await accountHeader(ctx, input.accountId) // an unknown account says so
  const problem = allocationProblem(debts, input.allocations, amount)
  if (problem) throw new OknoError('VALIDATION', problem, { allocations: problem })
  requirePeriod(input.period, await chargedPeriods(ctx.db.knex, input.accountId), today)
  const limit = operatorLimit(org, debts)
  const confirmer =
    amount > limit
      ? await confirmBySupervisor(
          ctx,
          clerk,
          input.supervisor,
          'supervisor',
          `Сумма ${formatMoney(amount)} больше обычной для этого счёта (без подтверждения — до ${formatMoney(limit)}): проверьте сумму.`,
        )
      : null
  return { counter, today, confirmer, now: ctx.clock.now().toISOString() }
}

/** The posting transaction: the payment, its allocations and the audit entry, or the key's replay. */
async function writePayment(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  clerk: ClerkInfo,
  input: PaymentPostInput,
  request: PaymentRequest,
  plan: PaymentPlan,
): Promise<{ id: string; replayed: boolean }> {
  const shift = await shiftForPosting(ctx, trx, plan.counter)
  // A concurrent post of the same key waited for the shift's lock: it finds the payment here.
  const again = await paymentByKey(trx, input.idempotencyKey)
  if (again) return { id: replayOf(again, request.hash), replayed: true }
  const id = ctx.newId()
  const { now } = plan
  await insertRecorded(ctx, trx, 'payments', [
    {
      id,
      account_id: input.accountId,
      business_date: plan.today,
      paid_at: now,
      amount_kopecks: request.amount,
      kind: 'payment',
      source: 'cash',
      reverses_id: null,
      created_at: now,
      shift_id: shift.id,
      ...(await nextReceipt(ctx, trx, plan.counter, shift)),
      idempotency_key: input.idempotencyKey,
      request_hash: request.hash,
      clerk_id: clerk.id,
      payer_name: input.payerName,
      period: input.period,
      tendered_kopecks: request.tendered,
      change_kopecks: request.changeKopecks,
      confirmed_by: plan.confirmer?.id ?? null,
    },
  ])
  await recordAllocations(
    ctx,
    trx,
    { id, accountId: input.accountId },
    input.allocations.filter((a) => a.amountKopecks > 0),
  )
  await appendAudit(ctx, trx, {
    action: 'payment.post',
    clerkId: clerk.id,
    objectType: 'payment',
    objectId: id,
    details: {
      account: input.accountId,
      amountKopecks: request.amount,
      tenderedKopecks: request.tendered,
      shift: shift.id,
      ...(plan.confirmer ? { confirmedBy: plan.confirmer.id } : {}),
    },
  })
  return { id, replayed: false }
}

export async function postPayment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentPostInput,
): Promise<PaymentPosted> {
  const request = readRequest(input)
  const seen = await paymentByKey(ctx.db.knex, input.idempotencyKey)
  if (seen) return postedResult(ctx, replayOf(seen, request.hash), true)
  const plan = await planPayment(ctx, clerk, input, request.amount)
  let posted: { id: string; replayed: boolean }
  try {
    posted = await ctx.db.knex.transaction((trx) => writePayment(ctx, trx, clerk, input, request, plan))
  } catch (err) {
    // The same key posted at once from another counter: the database kept one, this is its replay.
    if (!isUniqueViolation(err)) throw err
    const winner = await paymentByKey(ctx.db.knex, input.idempotencyKey)
    if (!winner) throw err
    return postedResult(ctx, replayOf(winner, request.hash), true)
  }
  if (!posted.replayed) await registerFiscal(ctx, posted.id)
  return postedResult(ctx, posted.id, posted.replayed)
}
