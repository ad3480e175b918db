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
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { confirmBySupervisor } from '../clerks/supervisor'
import { findOffice } from '../../db/repositories/organisation'
import { requireCounter } from './counter'
import { findByKey, nextReceipt, replayOf, requestHash, shiftForPosting } from './payments'
import { postedResult, registerFiscal } from './receipts'
import { shiftFigures } from './shift-figures'

interface OriginalRow {
  id: string
  account_id: string
  kind: string
  amount_kopecks: number
  shift_id: string | null
  receipt_number: string | null
  period: string | null
  payer_name: string
  /** The office of the shift it was taken in. */
  office_id: string
}

const NOT_FOUND = 'Платёж для возврата не найден: выберите его в списке чеков.'

/** The cash payment to refund, with its office; NOT_FOUND for anything else. */
async function findOriginal(db: Knex | Knex.Transaction, paymentId: string): Promise<OriginalRow> {
  const row = (await db('payments as p')
    .join('shifts as sh', 'sh.id', 'p.shift_id')
    .where('p.id', paymentId)
    .select('p.*', 'sh.office_id')
    .first()) as OriginalRow | undefined
  if (!row || row.kind !== 'payment') throw new OknoError('NOT_FOUND', NOT_FOUND)
  return row
}

/** Who confirms: a supervisor for this office's payments, an administrator for another office's. */
async function confirmRefund(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentReverseInput,
  original: OriginalRow,
  officeId: string,
): Promise<ClerkInfo> {
  if (original.office_id === officeId) return confirmBySupervisor(ctx, clerk, input.supervisor)
  const office = await findOffice(ctx.db, original.office_id)
  const why =
    `Чек № ${original.receipt_number} принят в другом отделении (${office?.name ?? 'не найдено'}): ` +
    'возврат делают там, а в этой кассе — только с подтверждением администратора.'
  return confirmBySupervisor(ctx, clerk, input.supervisor, 'administrator', why)
}

export async function reversePayment(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: PaymentReverseInput,
): Promise<PaymentPosted> {
  const hash = requestHash({ reverses: input.paymentId, reason: input.reason })
  const seen = await findByKey(ctx.db.knex, input.idempotencyKey)
  if (seen) return postedResult(ctx, replayOf(seen, hash), true)
  const counter = await requireCounter(ctx)
  const found = await findOriginal(ctx.db.knex, input.paymentId)
  const otherOffice = found.office_id !== counter.office.id
  const supervisor = await confirmRefund(ctx, clerk, input, found, counter.office.id)
  const org = await requireOrganisation(ctx)
  const now = ctx.clock.now()
  let id: string
  try {
    id = await ctx.db.knex.transaction(async (trx) => {
      const shift = await shiftForPosting(ctx, trx, counter)
      const original = await findOriginal(trx, found.id)
      const already = await trx('payments').where({ reverses_id: original.id }).first()
      if (already) throw new OknoError('CONFLICT', `По чеку № ${original.receipt_number} возврат уже сделан.`)
      const amount = Number(original.amount_kopecks)
      const inDrawer = (await shiftFigures(trx, shift)).expectedKopecks
      if (amount > inDrawer) {
        throw new OknoError(
          'CONFLICT',
          `В кассе по расчёту ${formatMoney(inDrawer)}, а вернуть нужно ${formatMoney(amount)}: сначала внесите наличные.`,
        )
      }
      const allocations = (await trx('payment_allocations').where({ payment_id: original.id })) as Array<{
        service_id: string
        amount_kopecks: number
      }>
      const reversalId = ctx.newId()
      await insertRecorded(ctx, trx, 'payments', [
        {
          id: reversalId,
          account_id: original.account_id,
          business_date: businessDate(now, org.time_zone),
          paid_at: now.toISOString(),
          amount_kopecks: -amount,
          kind: 'reversal',
          source: 'cash',
          reverses_id: original.id,
          created_at: now.toISOString(),
          shift_id: shift.id,
          ...(await nextReceipt(ctx, trx, counter, shift)),
          idempotency_key: input.idempotencyKey,
          request_hash: hash,
          clerk_id: clerk.id,
          payer_name: original.payer_name,
          period: original.period,
          tendered_kopecks: null,
          change_kopecks: null,
          reason: input.reason,
          confirmed_by: supervisor.id,
        },
      ])
      await insertRecorded(
        ctx,
        trx,
        'payment_allocations',
        allocations.map((a) => ({
          id: ctx.newId(),
          payment_id: reversalId,
          account_id: original.account_id,
          service_id: a.service_id,
          amount_kopecks: -Number(a.amount_kopecks),
        })),
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
          otherOffice,
        },
      })
      return reversalId
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    // Two refunds of one payment at once: the database kept one.
    throw new OknoError('CONFLICT', 'По этому чеку возврат уже сделан.')
  }
  await registerFiscal(ctx, id)
  return postedResult(ctx, id, false)
}
