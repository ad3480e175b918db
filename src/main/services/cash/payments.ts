// Taking a cash payment: the form's data (debt per service, default split) and the posting —
// one write transaction with the receipt number, the allocations, the audit entry and the outbox
// rows. Every form carries an idempotency key: whatever the clerk, the network or a crash does,
// one key posts one payment; the same key with other data is refused. An amount above the
// organisation's limits needs a supervisor; the period paid for is a charged month or the next.
import { createHash } from 'node:crypto'
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
import type { OrganisationRow } from '../../db/repositories/organisation'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { enqueueOutbox, insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { confirmBySupervisor } from '../clerks/supervisor'
import { accountHeader } from './account-header'
import { requireAmount } from './amounts'
import { findOpenShift, receiptNumber, requireCounter, type Counter, type ShiftRow } from './counter'
import { chargedPeriods, serviceDebts } from './debts'
import { postedResult, registerFiscal } from './receipts'

const DAY_MS = 24 * 3600 * 1000

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

/** What makes two posts "the same payment": everything but the key itself. */
export function requestHash(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

interface KeyedRow {
  id: string
  request_hash: string | null
}

/** The payment (or refund) an idempotency key already made, if any. */
export async function findByKey(db: Knex | Knex.Transaction, key: string): Promise<KeyedRow | undefined> {
  return (await db('payments').where({ idempotency_key: key }).select('id', 'request_hash').first()) as
    KeyedRow | undefined
}

/** A key seen before: the same request gets the payment it already made; other data is refused. */
export function replayOf(row: KeyedRow, hash: string): string {
  if (row.request_hash !== hash) {
    throw new OknoError(
      'CONFLICT',
      'Эта форма уже провела другой платёж. Закройте её и откройте оплату заново.',
    )
  }
  return row.id
}

/** The counter's open shift inside a write transaction, refused when missing or older than 24 hours. */
export async function shiftForPosting(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  counter: Counter,
): Promise<ShiftRow> {
  const shift = await findOpenShift(trx, counter, true)
  if (!shift) {
    throw new OknoError(
      'CONFLICT',
      'Смена не открыта: откройте смену на экране «Касса», затем принимайте деньги.',
    )
  }
  if (ctx.clock.now().getTime() - Date.parse(shift.opened_at) > DAY_MS) {
    throw new OknoError(
      'CONFLICT',
      'Смена открыта больше 24 часов: закройте её (Z-отчёт) и откройте новую, затем принимайте деньги.',
    )
  }
  return shift
}

/**
 * Takes the shift's next receipt number and returns the payment's number fields. The shift's
 * counter goes to the office server too: a desk that downloads the office again (or the server
 * closing the shift) must not start the numbering over.
 */
export async function nextReceipt(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  counter: Counter,
  shift: ShiftRow,
): Promise<{ receipt_no: number; receipt_number: string }> {
  const receiptNo = shift.last_receipt_no + 1
  await trx('shifts').where({ id: shift.id }).update({ last_receipt_no: receiptNo })
  await enqueueOutbox(ctx, trx, {
    entity: 'shifts',
    entityId: shift.id,
    op: 'update',
    payload: { last_receipt_no: receiptNo },
  })
  return {
    receipt_no: receiptNo,
    receipt_number: receiptNumber(counter.office.code, counter.counterNumber, shift.number, receiptNo),
  }
}

export async function postPayment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentPostInput,
): Promise<PaymentPosted> {
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
  const seen = await findByKey(ctx.db.knex, input.idempotencyKey)
  if (seen) return postedResult(ctx, replayOf(seen, hash), true)

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

  const now = ctx.clock.now().toISOString()
  let posted: { id: string; replayed: boolean }
  try {
    posted = await ctx.db.knex.transaction(async (trx) => {
      const shift = await shiftForPosting(ctx, trx, counter)
      // A concurrent post of the same key waited for the shift's lock: it finds the payment here.
      const again = await findByKey(trx, input.idempotencyKey)
      if (again) return { id: replayOf(again, hash), replayed: true }
      const id = ctx.newId()
      await insertRecorded(ctx, trx, 'payments', [
        {
          id,
          account_id: input.accountId,
          business_date: today,
          paid_at: now,
          amount_kopecks: amount,
          kind: 'payment',
          source: 'cash',
          reverses_id: null,
          created_at: now,
          shift_id: shift.id,
          ...(await nextReceipt(ctx, trx, counter, shift)),
          idempotency_key: input.idempotencyKey,
          request_hash: hash,
          clerk_id: clerk.id,
          payer_name: input.payerName,
          period: input.period,
          tendered_kopecks: tendered,
          change_kopecks: change.changeKopecks,
          confirmed_by: confirmer?.id ?? null,
        },
      ])
      await insertRecorded(
        ctx,
        trx,
        'payment_allocations',
        input.allocations
          .filter((a) => a.amountKopecks > 0)
          .map((a) => ({
            id: ctx.newId(),
            payment_id: id,
            account_id: input.accountId,
            service_id: a.serviceId,
            amount_kopecks: a.amountKopecks,
          })),
      )
      await appendAudit(ctx, trx, {
        action: 'payment.post',
        clerkId: clerk.id,
        objectType: 'payment',
        objectId: id,
        details: {
          account: input.accountId,
          amountKopecks: amount,
          tenderedKopecks: tendered,
          shift: shift.id,
          ...(confirmer ? { confirmedBy: confirmer.id } : {}),
        },
      })
      return { id, replayed: false }
    })
  } catch (err) {
    // The same key posted at once from another counter: the database kept one, this is its replay.
    if (!isUniqueViolation(err)) throw err
    const winner = await findByKey(ctx.db.knex, input.idempotencyKey)
    if (!winner) throw err
    return postedResult(ctx, replayOf(winner, hash), true)
  }
  if (!posted.replayed) await registerFiscal(ctx, posted.id)
  return postedResult(ctx, posted.id, posted.replayed)
}
