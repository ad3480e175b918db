// A refund of a payment taken in error: a supervisor's decision with a reason, paid out of the
// current shift's drawer (the same shift, or a correction in a later one or at another counter
// of the office), linked to the original receipt, printed as «Чек возврата». A payment taken in
// another office is that office's to refund: here only an administrator may confirm it. A
// payment is refunded at most once (the database holds one reversal per payment), and the
// form's idempotency key guards a repeated submit.
import type { Knex } from 'knex'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import type { PaymentPosted } from '../../../shared/domain/cash'
import { businessDate } from '../../../shared/dates'
import type { PaymentReverseInput } from '../../../shared/ipc/schemas/cash'
import { OknoError } from '../../../shared/ipc/envelope'
import { formatMoney } from '../../../shared/money'
import { isUniqueViolation } from '../../db/errors'
import { findOffice } from '../../db/repositories/organisation'
import {
  allocationsOf,
  hasReversal,
  paymentByKey,
  paymentWithOffice,
  type PaymentWithOffice,
} from '../../db/repositories/payments'
import type { ShiftRow } from '../../db/repositories/shifts'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { confirmBySupervisor } from '../clerks/supervisor'
import { requireCounter, type Counter } from './counter'
import { nextReceipt, recordAllocations, replayOf, requestHash, shiftForPosting } from './posting'
import { postedResult, registerFiscal } from './receipts'
import { shiftFigures } from './shift-figures'

const NOT_FOUND = 'Платёж для возврата не найден: выберите его в списке чеков.'

/** The cash payment to refund, with its office; NOT_FOUND for anything else. */
async function findOriginal(db: Knex | Knex.Transaction, paymentId: string): Promise<PaymentWithOffice> {
  const row = await paymentWithOffice(db, paymentId)
  if (!row || row.kind !== 'payment') throw new OknoError('NOT_FOUND', NOT_FOUND)
  return row
}

/** Who confirms: a supervisor for this office's payments, an administrator for another office's. */
async function confirmRefund(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentReverseInput,
  original: PaymentWithOffice,
  officeId: string,
): Promise<ClerkInfo> {
  if (original.office_id === officeId) return confirmBySupervisor(ctx, clerk, input.supervisor)
  const office = await findOffice(ctx.db, original.office_id)
  const why =
    `Чек № ${original.receipt_number} принят в другом отделении (${office?.name ?? 'не найдено'}): ` +
    'возврат делают там, а в этой кассе — только с подтверждением администратора.'
  return confirmBySupervisor(ctx, clerk, input.supervisor, 'administrator', why)
}

/** What the refund needs before anything is written: the request, the counter, the payment, who confirmed. */
interface RefundPlan {
  hash: string
  counter: Counter
  original: PaymentWithOffice
  supervisor: ClerkInfo
  timeZone: string
  now: Date
}

/** Refuses a payment refunded already, or more than the drawer holds by the shift's figures. */
async function requireRefundable(
  trx: Knex.Transaction,
  shift: ShiftRow,
  original: PaymentWithOffice,
): Promise<number> {
  if (await hasReversal(trx, original.id)) {
    throw new OknoError('CONFLICT', `По чеку № ${original.receipt_number} возврат уже сделан.`)
  }
  const amount = Number(original.amount_kopecks)
  const inDrawer = (await shiftFigures(trx, shift)).expectedKopecks
  if (amount > inDrawer) {
    throw new OknoError(
      'CONFLICT',
      `В кассе по расчёту ${formatMoney(inDrawer)}, а вернуть нужно ${formatMoney(amount)}: сначала внесите наличные.`,
    )
  }
  return amount
}

/** The refund transaction: the negative payment linked to the original, its allocations, the audit entry. */
async function writeRefund(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  clerk: ClerkInfo,
  input: PaymentReverseInput,
  plan: RefundPlan,
): Promise<string> {
  const { counter, supervisor, now } = plan
  const shift = await shiftForPosting(ctx, trx, counter)
  const original = await findOriginal(trx, plan.original.id)
  const amount = await requireRefundable(trx, shift, original)
  const allocations = await allocationsOf(trx, original.id)
  const reversalId = ctx.newId()
  await insertRecorded(ctx, trx, 'payments', [
    {
      id: reversalId,
      account_id: original.account_id,
      business_date: businessDate(now, plan.timeZone),
      paid_at: now.toISOString(),
      amount_kopecks: -amount,
      kind: 'reversal',
      source: 'cash',
      reverses_id: original.id,
      created_at: now.toISOString(),
      shift_id: shift.id,
      ...(await nextReceipt(ctx, trx, counter, shift)),
      idempotency_key: input.idempotencyKey,
      request_hash: plan.hash,
      clerk_id: clerk.id,
      payer_name: original.payer_name,
      period: original.period,
      tendered_kopecks: null,
      change_kopecks: null,
      reason: input.reason,
      confirmed_by: supervisor.id,
    },
  ])
  await recordAllocations(
    ctx,
    trx,
    { id: reversalId, accountId: original.account_id },
    allocations.map((a) => ({ serviceId: a.service_id, amountKopecks: -Number(a.amount_kopecks) })),
  )
  await appendAudit(ctx, trx, {
    action: 'payment.reverse',
    clerkId: clerk.id,
    objectType: 'payment',
    objectId: original.id,
    details: {
      reversal: reversalId,
      amountKopecks: amount,
      reason: input.reason,
      confirmedBy: supervisor.id,
      correction: original.shift_id !== shift.id,
      otherOffice: plan.original.office_id !== counter.office.id,
    },
  })
  return reversalId
}

export async function reversePayment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentReverseInput,
): Promise<PaymentPosted> {
  const hash = requestHash({ reverses: input.paymentId, reason: input.reason })
  const seen = await paymentByKey(ctx.db.knex, input.idempotencyKey)
  if (seen) return postedResult(ctx, replayOf(seen, hash), true)
  const counter = await requireCounter(ctx)
  const original = await findOriginal(ctx.db.knex, input.paymentId)
  const supervisor = await confirmRefund(ctx, clerk, input, original, counter.office.id)
  const org = await requireOrganisation(ctx)
  const plan = { hash, counter, original, supervisor, timeZone: org.time_zone, now: ctx.clock.now() }
  let id: string
  try {
    id = await ctx.db.knex.transaction((trx) => writeRefund(ctx, trx, clerk, input, plan))
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    // Two refunds of one payment at once: the database kept one.
    throw new OknoError('CONFLICT', 'По этому чеку возврат уже сделан.')
  }
  await registerFiscal(ctx, id)
  return postedResult(ctx, id, false)
}
