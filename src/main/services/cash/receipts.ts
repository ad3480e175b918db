// Receipts of posted payments: the receipt document (first print or «КОПИЯ»), the shift's list
// with what is still unprinted, printing through the workstation's printer (a failed print never
// undoes the payment), the cash drawer, and the fiscal register when one is configured.
import type { PaymentPosted, ReceiptSummary } from '../../../shared/domain/cash'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import type { PrintDocument, PrintResult } from '../../../shared/print/document'
import { accountNumbers } from '../../db/repositories/accounts'
import { clerkNames } from '../../db/repositories/clerks'
import { findOffice } from '../../db/repositories/organisation'
import {
  findPayment,
  markPaymentPrinted,
  paymentsOfShift,
  receiptLines,
  receiptNumberOf,
  receiptNumbersOf,
  reversalsOf,
  setPaymentFiscal,
  type PaymentRow,
} from '../../db/repositories/payments'
import { findShift } from '../../db/repositories/shifts'
import { fiscalReceiptData } from '../../fiscal/fiscal-register'
import { kickDrawer } from '../../printing/drawer'
import type { Printer } from '../../printing/printer'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { buildReceipt, type FiscalMark, type ReceiptInput } from '../documents/receipt'
import { requireOrganisation } from '../core/organisation'
import { accountHeader } from './account-header'
import { requireVisibleShift } from './scope'
import { enqueueOutbox } from '../core/outbox'

async function requirePayment(ctx: ServiceContext, id: string): Promise<PaymentRow> {
  const row = await findPayment(ctx.db.knex, id)
  if (!row || !row.shift_id) throw new OknoError('NOT_FOUND', 'Платёж не найден или принят не в кассе.')
  return row
}

/** Payment `id` when `viewer` may read its shift (see scope.ts). */
async function requireVisiblePayment(
  ctx: ServiceContext,
  viewer: ClerkInfo,
  id: string,
): Promise<PaymentRow> {
  const row = await requirePayment(ctx, id)
  await requireVisibleShift(ctx, viewer, row.shift_id as string)
  return row
}

/** Everything the receipt of payment `id` prints. */
export async function receiptInput(ctx: ServiceContext, row: PaymentRow): Promise<ReceiptInput> {
  const knex = ctx.db.knex
  const [org, shift, header, lines, original, names] = await Promise.all([
    requireOrganisation(ctx),
    findShift(knex, row.shift_id as string),
    accountHeader(ctx, row.account_id),
    receiptLines(knex, row.id),
    row.reverses_id ? receiptNumberOf(knex, row.reverses_id) : Promise.resolve(undefined),
    clerkNames(knex, [row.clerk_id, row.confirmed_by]),
  ])
  if (!shift) throw new OknoError('INTERNAL', 'Смена платежа не найдена.')
  const office = await findOffice(ctx.db, shift.office_id)
  const sign = row.kind === 'reversal' ? -1 : 1
  const total = sign * Number(row.amount_kopecks)
  return {
    kind: row.kind,
    organisation: { name: org.name, inn: org.inn, kpp: org.kpp, address: org.address, phone: org.phone },
    office: { name: office?.name ?? '', address: office?.address ?? '' },
    counterNumber: shift.counter_number,
    shiftNumber: shift.number,
    receiptNo: Number(row.receipt_no),
    receiptNumber: row.receipt_number ?? '',
    at: row.paid_at,
    timeZone: org.time_zone,
    account: { number: header.number, address: header.address },
    payerName: row.payer_name,
    period: row.period,
    lines: lines.map((l) => ({ serviceName: l.name, amountKopecks: sign * Number(l.amount_kopecks) })),
    totalKopecks: total,
    cashKopecks: row.kind === 'reversal' ? total : Number(row.tendered_kopecks ?? total),
    changeKopecks: Number(row.change_kopecks ?? 0),
    clerkName: names.get(row.clerk_id ?? '') ?? '',
    ...(row.kind === 'reversal'
      ? {
          reverses: {
            receiptNumber: original ?? '',
            reason: row.reason,
            confirmedByName: names.get(row.confirmed_by ?? '') ?? '',
          },
        }
      : {}),
    fiscal: row.fiscal ? (JSON.parse(row.fiscal) as FiscalMark) : null,
  }
}

async function summaries(ctx: ServiceContext, rows: PaymentRow[]): Promise<ReceiptSummary[]> {
  if (rows.length === 0) return []
  const knex = ctx.db.knex
  const ids = rows.map((r) => r.id)
  const [accounts, names, reversals, originals] = await Promise.all([
    accountNumbers(
      knex,
      rows.map((r) => r.account_id),
    ),
    clerkNames(
      knex,
      rows.map((r) => r.clerk_id),
    ),
    reversalsOf(knex, ids),
    receiptNumbersOf(
      knex,
      rows.map((r) => r.reverses_id).filter((x): x is string => Boolean(x)),
    ),
  ])
  const numberOf = new Map(accounts.map((a) => [a.id, a.number]))
  const reversedBy = new Map(reversals.map((r) => [r.reverses_id, r.receipt_number]))
  const originalOf = new Map(originals.map((r) => [r.id, r.receipt_number]))
  return rows.map((r) => ({
    paymentId: r.id,
    receiptNumber: r.receipt_number ?? '',
    kind: r.kind,
    accountId: r.account_id,
    accountNumber: numberOf.get(r.account_id) ?? '',
    payerName: r.payer_name,
    amountKopecks: Number(r.amount_kopecks),
    paidAt: r.paid_at,
    clerkName: names.get(r.clerk_id ?? '') ?? '',
    printed: r.printed_at !== null,
    reversedBy: reversedBy.get(r.id) ?? null,
    reverses: r.reverses_id ? (originalOf.get(r.reverses_id) ?? null) : null,
  }))
}

export async function postedResult(
  ctx: ServiceContext,
  paymentId: string,
  replayed: boolean,
): Promise<PaymentPosted> {
  const row = await requirePayment(ctx, paymentId)
  const [receipt] = await summaries(ctx, [row])
  return {
    receipt: receipt as ReceiptSummary,
    document: await documentOf(ctx, row),
    changeKopecks: Number(row.change_kopecks ?? 0),
    replayed,
  }
}

async function documentOf(ctx: ServiceContext, row: PaymentRow): Promise<PrintDocument> {
  return buildReceipt(await receiptInput(ctx, row), { copy: row.printed_at !== null })
}

/** The receipt to preview or print: «КОПИЯ» once it has been printed. */
export async function receiptDocument(
  ctx: ServiceContext,
  viewer: ClerkInfo,
  paymentId: string,
): Promise<PrintDocument> {
  return documentOf(ctx, await requireVisiblePayment(ctx, viewer, paymentId))
}

export async function shiftReceipts(
  ctx: ServiceContext,
  viewer: ClerkInfo,
  shiftId: string,
): Promise<ReceiptSummary[]> {
  const shift = await requireVisibleShift(ctx, viewer, shiftId)
  return summaries(ctx, await paymentsOfShift(ctx.db.knex, shift.id))
}

export async function markPrinted(ctx: ServiceContext, viewer: ClerkInfo, paymentId: string): Promise<null> {
  return markRowPrinted(ctx, viewer.id, await requireVisiblePayment(ctx, viewer, paymentId))
}

async function markRowPrinted(ctx: ServiceContext, clerkId: string, row: PaymentRow): Promise<null> {
  const paymentId = row.id
  if (row.printed_at) return null
  await ctx.db.knex.transaction(async (trx) => {
    const printedAt = ctx.clock.now().toISOString()
    await markPaymentPrinted(trx, paymentId, printedAt)
    await enqueueOutbox(ctx, trx, {
      entity: 'payments',
      entityId: paymentId,
      op: 'update',
      payload: { printed_at: printedAt },
    })
    await appendAudit(ctx, trx, {
      action: 'receipt.print',
      clerkId,
      objectType: 'payment',
      objectId: paymentId,
    })
  })
  return null
}

/**
 * Prints the receipt on the workstation's printer. Success marks it printed (later prints say
 * «КОПИЯ») and, after the first print of a cash payment, opens the drawer when the settings say so.
 */
export async function printReceipt(
  ctx: ServiceContext,
  printer: Printer,
  viewer: ClerkInfo,
  paymentId: string,
): Promise<PrintResult> {
  const row = await requireVisiblePayment(ctx, viewer, paymentId)
  const settings = ctx.settings.get()
  const outcome = await printer.print(await documentOf(ctx, row), settings.printer)
  if (!outcome.ok) return outcome
  await markRowPrinted(ctx, viewer.id, row)
  if (!row.printed_at && settings.cash.openDrawer && settings.cash.drawerDevice) {
    const drawer = await kickDrawer(settings.cash.drawerDevice)
    if (!drawer.ok) return { ok: false, message: `Чек напечатан. ${drawer.message}` }
  }
  return outcome
}

/** Registers the fiscal receipt after the payment is committed; a failure leaves it to a retry. */
export async function registerFiscal(ctx: ServiceContext, paymentId: string): Promise<void> {
  if (!ctx.fiscal?.configured) return
  const row = await requirePayment(ctx, paymentId)
  const input = await receiptInput(ctx, row)
  try {
    const mark = await ctx.fiscal.register(
      fiscalReceiptData({
        kind: row.kind,
        lines: input.lines.map((l) => ({ ...l, amountKopecks: Math.abs(l.amountKopecks) })),
        cashKopecks: Math.abs(input.totalKopecks),
        clerkName: input.clerkName,
        receiptNumber: input.receiptNumber,
      }),
    )
    await ctx.db.knex.transaction(async (trx) => {
      const fiscal = JSON.stringify(mark)
      await setPaymentFiscal(trx, paymentId, fiscal)
      await enqueueOutbox(ctx, trx, {
        entity: 'payments',
        entityId: paymentId,
        op: 'update',
        payload: { fiscal },
      })
    })
  } catch (err) {
    await ctx.db.knex.transaction((trx) =>
      appendAudit(ctx, trx, {
        action: 'fiscal.failed',
        clerkId: row.clerk_id,
        objectType: 'payment',
        objectId: paymentId,
        details: { message: (err as Error).message },
      }),
    )
  }
}
