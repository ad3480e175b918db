// Payments and refunds taken at a counter, with their allocations per service: one by id or by
// its form's idempotency key, a shift's receipts, what a receipt prints, and the updates a
// payment takes after posting (printed, fiscal mark).
import type { Knex } from 'knex'

type Source = Knex | Knex.Transaction

export interface PaymentRow {
  id: string
  account_id: string
  kind: 'payment' | 'reversal'
  amount_kopecks: number
  paid_at: string
  shift_id: string | null
  receipt_no: number | null
  receipt_number: string | null
  clerk_id: string | null
  payer_name: string
  period: string | null
  tendered_kopecks: number | null
  change_kopecks: number | null
  reverses_id: string | null
  reason: string
  confirmed_by: string | null
  printed_at: string | null
  fiscal: string | null
}

/** A payment with the office of the shift it was taken in. */
export interface PaymentWithOffice extends PaymentRow {
  office_id: string
}

/** The payment an idempotency key made, and what was asked for. */
export interface KeyedPayment {
  id: string
  request_hash: string | null
}

export interface AllocationRow {
  service_id: string
  amount_kopecks: number
}

export async function findPayment(db: Knex, id: string): Promise<PaymentRow | undefined> {
  return (await db('payments').where({ id }).first()) as PaymentRow | undefined
}

/** The payment (or refund) an idempotency key already made, if any. */
export async function paymentByKey(db: Source, key: string): Promise<KeyedPayment | undefined> {
  return (await db('payments').where({ idempotency_key: key }).select('id', 'request_hash').first()) as
    KeyedPayment | undefined
}

/** Payment `id` taken in a shift, with that shift's office. */
export async function paymentWithOffice(db: Source, id: string): Promise<PaymentWithOffice | undefined> {
  return (await db('payments as p')
    .join('shifts as sh', 'sh.id', 'p.shift_id')
    .where('p.id', id)
    .select('p.*', 'sh.office_id')
    .first()) as PaymentWithOffice | undefined
}

/** Whether payment `id` has been refunded. */
export async function hasReversal(trx: Knex.Transaction, id: string): Promise<boolean> {
  return (await trx('payments').where({ reverses_id: id }).first()) !== undefined
}

export async function allocationsOf(trx: Knex.Transaction, paymentId: string): Promise<AllocationRow[]> {
  return (await trx('payment_allocations').where({ payment_id: paymentId })) as AllocationRow[]
}

/** The receipt's lines: the payment's services in their usual order. */
export async function receiptLines(
  db: Knex,
  paymentId: string,
): Promise<Array<{ name: string; amount_kopecks: number }>> {
  return (await db('payment_allocations as a')
    .join('services as s', 's.id', 'a.service_id')
    .where('a.payment_id', paymentId)
    .orderBy('s.sort')
    .select('s.name', 'a.amount_kopecks')) as Array<{ name: string; amount_kopecks: number }>
}

export async function receiptNumberOf(db: Knex, id: string): Promise<string | undefined> {
  const row = (await db('payments').where({ id }).select('receipt_number').first()) as
    { receipt_number: string } | undefined
  return row?.receipt_number
}

/** The receipt numbers of payments `ids`. */
export async function receiptNumbersOf(
  db: Knex,
  ids: readonly string[],
): Promise<Array<{ id: string; receipt_number: string }>> {
  return (await db('payments').whereIn('id', ids).select('id', 'receipt_number')) as Array<{
    id: string
    receipt_number: string
  }>
}

/** The refunds of payments `ids`, each with its receipt number. */
export async function reversalsOf(
  db: Knex,
  ids: readonly string[],
): Promise<Array<{ reverses_id: string; receipt_number: string }>> {
  return (await db('payments').whereIn('reverses_id', ids).select('reverses_id', 'receipt_number')) as Array<{
    reverses_id: string
    receipt_number: string
  }>
}

/** A shift's payments and refunds, the last receipt first. */
export async function paymentsOfShift(db: Knex, shiftId: string): Promise<PaymentRow[]> {
  return (await db('payments').where({ shift_id: shiftId }).orderBy('receipt_no', 'desc')) as PaymentRow[]
}

/** Marks the receipt printed unless it already was. */
export async function markPaymentPrinted(
  trx: Knex.Transaction,
  id: string,
  printedAt: string,
): Promise<void> {
  await trx('payments').where({ id }).whereNull('printed_at').update({ printed_at: printedAt })
}

export async function setPaymentFiscal(trx: Knex.Transaction, id: string, fiscal: string): Promise<void> {
  await trx('payments').where({ id }).update({ fiscal })
}

/** A shift's payments and refunds: how many and how much of each kind. */
export async function shiftPaymentTotals(
  db: Source,
  shiftId: string,
): Promise<Array<{ kind: string; n: number | string; s: number | string }>> {
  return (await db('payments')
    .where({ shift_id: shiftId })
    .groupBy('kind')
    .select('kind')
    .count({ n: '*' })
    .sum({ s: 'amount_kopecks' })) as Array<{ kind: string; n: number | string; s: number | string }>
}

/** A shift's takings per service, in the services' order. */
export async function shiftServiceTotals(
  db: Source,
  shiftId: string,
): Promise<Array<{ code: string; name: string; total: number | string }>> {
  return (await db('payment_allocations as a')
    .join('payments as p', 'p.id', 'a.payment_id')
    .join('services as s', 's.id', 'a.service_id')
    .where('p.shift_id', shiftId)
    .groupBy('s.code', 's.name', 's.sort')
    .orderBy('s.sort')
    .select('s.code', 's.name')
    .sum({ total: 'a.amount_kopecks' })) as Array<{ code: string; name: string; total: number | string }>
}
