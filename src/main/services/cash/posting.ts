// What a payment and a refund share when posted: the idempotency key (one key posts one payment,
// the same key with other data is refused), the open shift they go into, its next receipt number,
// and the allocations per service.
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { OknoError } from '../../../shared/ipc/envelope'
import type { KeyedPayment } from '../../db/repositories/payments'
import { setLastReceiptNo, type ShiftRow } from '../../db/repositories/shifts'
import type { ServiceContext } from '../core/context'
import { enqueueOutbox, insertRecorded } from '../core/outbox'
import { findOpenShift, receiptNumber, type Counter } from './counter'

const DAY_MS = 24 * 3600 * 1000

/** What makes two posts "the same payment": everything but the key itself. */
export function requestHash(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex')
}

/** A key seen before: the same request gets the payment it already made; other data is refused. */
export function replayOf(row: KeyedPayment, hash: string): string {
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
  await setLastReceiptNo(trx, shift.id, receiptNo)
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

/** The payment's split per service (negative for a refund), recorded for the office server. */
export async function recordAllocations(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  payment: { id: string; accountId: string },
  lines: ReadonlyArray<{ serviceId: string; amountKopecks: number }>,
): Promise<void> {
  await insertRecorded(
    ctx,
    trx,
    'payment_allocations',
    lines.map((a) => ({
      id: ctx.newId(),
      payment_id: payment.id,
      account_id: payment.accountId,
      service_id: a.serviceId,
      amount_kopecks: a.amountKopecks,
    })),
  )
}
