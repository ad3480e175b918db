// Cash shifts: open with a float, cash in and out with a reason, X-report at any time, close
// against the counted cash with a numbered Z-report that never changes (DOMAIN.md «Cash desk»).
import { createHash } from 'node:crypto'
import type { Knex } from 'knex'
import { countTotal } from '../../../shared/cash/shift-math'
import type { AuditHead } from '../../../shared/domain/app'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import {
  CASH_IN_REASONS,
  CASH_OUT_REASONS,
  type CashDeskState,
  type ShiftClosed,
  type ShiftView,
} from '../../../shared/domain/cash'
import { businessDate } from '../../../shared/dates'
import type { CashMoveInput, ShiftCloseInput, ShiftOpenInput } from '../../../shared/ipc/schemas/cash'
import { OknoError } from '../../../shared/ipc/envelope'
import { formatMoney } from '../../../shared/money'
import type { PrintDocument } from '../../../shared/print/document'
import { isUniqueViolation } from '../../db/errors'
import { chainHead } from '../../db/repositories/audit-log'
import { clerkNames } from '../../db/repositories/clerks'
import {
  closeShiftRow,
  lastShiftNumber,
  recentShifts,
  type ShiftClosing,
  type ShiftRow,
} from '../../db/repositories/shifts'
import { zReportOfShift } from '../../db/repositories/z-reports'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { buildShiftReport, type ShiftReportInput, type ZReportHead } from '../documents/shift-report'
import { enqueueOutbox, insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { confirmBySupervisor } from '../clerks/supervisor'
import { requireAmount } from './amounts'
import { findOpenShift, requireCounter, type Counter } from './counter'
import { requireVisibleShift } from './scope'
import { shiftFigures, shiftView } from './shift-figures'

const NO_SHIFT = 'Смена не открыта: откройте смену (F2 на экране «Касса»), затем принимайте деньги.'

async function viewOf(
  ctx: ServiceContext,
  shift: ShiftRow,
  officeName: string,
  known?: Map<string, string>,
): Promise<ShiftView> {
  const [figures, names] = await Promise.all([
    shiftFigures(ctx.db.knex, shift),
    known ?? clerkNames(ctx.db.knex, [shift.opened_by, shift.closed_by]),
  ])
  return shiftView(shift, figures, { officeName, clerkNames: names, now: ctx.clock.now() })
}

export async function cashDeskState(ctx: ServiceContext): Promise<CashDeskState> {
  const { cash } = ctx.settings.get()
  const settings = {
    toleranceKopecks: cash.toleranceKopecks,
    blindClose: cash.blindClose,
    openDrawer: cash.openDrawer,
    fiscal: Boolean(ctx.fiscal?.configured),
  }
  const { officeId } = ctx.settings.get()
  if (!officeId) return { shift: null, settings }
  const counter = await requireCounter(ctx)
  const shift = await findOpenShift(ctx.db.knex, counter)
  return { shift: shift ? await viewOf(ctx, shift, counter.office.name) : null, settings }
}

export async function requireOpenShift(ctx: ServiceContext): Promise<{ counter: Counter; shift: ShiftRow }> {
  const counter = await requireCounter(ctx)
  const shift = await findOpenShift(ctx.db.knex, counter)
  if (!shift) throw new OknoError('CONFLICT', NO_SHIFT)
  return { counter, shift }
}

export async function openShift(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: ShiftOpenInput,
): Promise<ShiftView> {
  const floatKopecks = requireAmount(input.float, 'float', {
    label: 'Размен на начало смены',
    allowZero: true,
  })
  const counter = await requireCounter(ctx)
  const org = await requireOrganisation(ctx)
  const now = ctx.clock.now()
  try {
    const shift = await ctx.db.knex.transaction(async (trx) => {
      if (await findOpenShift(trx, counter)) {
        throw new OknoError(
          'CONFLICT',
          'Смена в этом окне уже открыта. Закройте её, прежде чем открывать новую.',
        )
      }
      const last = await lastShiftNumber(trx, counter.office.id, counter.counterNumber)
      const row: ShiftRow = {
        id: ctx.newId(),
        office_id: counter.office.id,
        counter_number: counter.counterNumber,
        number: last + 1,
        workstation_id: ctx.settings.get().workstationId,
        business_date: businessDate(now, org.time_zone),
        opened_at: now.toISOString(),
        opened_by: clerk.id,
        float_kopecks: floatKopecks,
        last_receipt_no: 0,
        closed_at: null,
        closed_by: null,
        counted_kopecks: null,
        expected_kopecks: null,
        confirmed_by: null,
      }
      await insertRecorded(ctx, trx, 'shifts', [{ ...row }])
      await appendAudit(ctx, trx, {
        action: 'shift.open',
        clerkId: clerk.id,
        objectType: 'shift',
        objectId: row.id,
        details: { number: row.number, counter: counter.counterNumber, floatKopecks },
      })
      return row
    })
    return await viewOf(ctx, shift, counter.office.name)
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new OknoError(
        'CONFLICT',
        'Смена в этом окне уже открыта с другого места. Обновите экран «Касса».',
      )
    }
    throw err
  }
}

export async function moveCash(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: CashMoveInput,
): Promise<ShiftView> {
  const amount = requireAmount(input.amount, 'amount', { label: 'Сумма' })
  const reasons: Record<string, string> = input.kind === 'cash_in' ? CASH_IN_REASONS : CASH_OUT_REASONS
  if (!(input.reason in reasons)) {
    throw new OknoError('VALIDATION', 'Выберите основание из списка', { reason: 'Основание не подходит' })
  }
  if (input.reason === 'other' && !input.comment) {
    throw new OknoError('VALIDATION', 'Для основания «Прочее» напишите комментарий', {
      comment: 'Напишите, за что',
    })
  }
  const counter = await requireCounter(ctx)
  const shift = await ctx.db.knex.transaction(async (trx) => {
    const open = await findOpenShift(trx, counter, true)
    if (!open) throw new OknoError('CONFLICT', NO_SHIFT)
    if (input.kind === 'cash_out') {
      const figures = await shiftFigures(trx, open)
      if (amount > figures.expectedKopecks) {
        const message = `В кассе по расчёту ${formatMoney(figures.expectedKopecks)}: изъять больше нельзя`
        throw new OknoError('VALIDATION', message, { amount: message })
      }
    }
    const row = {
      id: ctx.newId(),
      shift_id: open.id,
      kind: input.kind,
      amount_kopecks: amount,
      reason: input.reason,
      comment: input.comment,
      clerk_id: clerk.id,
      at: ctx.clock.now().toISOString(),
    }
    await insertRecorded(ctx, trx, 'cash_movements', [row])
    await appendAudit(ctx, trx, {
      action: `shift.${input.kind}`,
      clerkId: clerk.id,
      objectType: 'shift',
      objectId: open.id,
      details: { amountKopecks: amount, reason: input.reason, comment: input.comment },
    })
    return open
  })
  return viewOf(ctx, shift, counter.office.name)
}

/** The report's fixed parts; `figures` are read by the caller (inside its transaction for a Z). */
async function reportHeader(
  ctx: ServiceContext,
  shift: ShiftRow,
  officeName: string,
  by: ClerkInfo,
): Promise<Omit<ShiftReportInput, 'figures'>> {
  const [org, names] = await Promise.all([
    requireOrganisation(ctx),
    clerkNames(ctx.db.knex, [shift.opened_by]),
  ])
  return {
    kind: 'x',
    organisationName: org.short_name,
    officeName,
    counterNumber: shift.counter_number,
    shiftNumber: shift.number,
    openedAt: shift.opened_at,
    openedByName: names.get(shift.opened_by) ?? '',
    at: ctx.clock.now().toISOString(),
    byName: by.fullName,
    timeZone: org.time_zone,
  }
}

export async function xReport(ctx: ServiceContext, clerk: ClerkInfo): Promise<PrintDocument> {
  const { counter, shift } = await requireOpenShift(ctx)
  const [header, figures] = await Promise.all([
    reportHeader(ctx, shift, counter.office.name, clerk),
    shiftFigures(ctx.db.knex, shift),
  ])
  return buildShiftReport({ ...header, figures })
}

/**
 * The chain heads the Z-report keeps: the chain the closing was written to (the server's in
 * office mode) and, when the shift was opened on another chain, that one's head as seen here.
 */
async function closingHeads(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  shift: ShiftRow,
  closing: AuditHead,
): Promise<ZReportHead[]> {
  const heads: ZReportHead[] = [{ ...closing, chain: ctx.changeLog ? 'server' : 'desk' }]
  if (closing.workstationId === shift.workstation_id) return heads
  const desk = await chainHead(trx, shift.workstation_id)
  return desk ? [{ ...desk, chain: 'desk' }, ...heads] : heads
}

export async function closeShift(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: ShiftCloseInput,
): Promise<ShiftClosed> {
  const counted = requireAmount(input.counted, 'counted', { label: 'Пересчитано', allowZero: true })
  if (input.pieces && countTotal(input.pieces) !== counted) {
    const message = `По купюрам и монетам выходит ${formatMoney(countTotal(input.pieces))}, а введено ${formatMoney(counted)}: пересчитайте`
    throw new OknoError('VALIDATION', message, { counted: message })
  }
  const { counter, shift } = await requireOpenShift(ctx)
  const tolerance = ctx.settings.get().cash.toleranceKopecks
  const before = await shiftFigures(ctx.db.knex, shift)
  const confirmer =
    Math.abs(counted - before.expectedKopecks) > tolerance
      ? await confirmBySupervisor(ctx, clerk, input.supervisor)
      : null
  const now = ctx.clock.now().toISOString()
  const header = await reportHeader(ctx, shift, counter.office.name, clerk)
  // Inside the transaction only `trx` may be used: SQLite has one connection, which it holds.
  const closed = await ctx.db.knex.transaction(async (trx) => {
    const open = await findOpenShift(trx, counter, true)
    if (!open || open.id !== shift.id)
      throw new OknoError('CONFLICT', 'Смена уже закрыта. Обновите экран «Касса».')
    const report = { ...header, figures: await shiftFigures(trx, open) }
    if (Math.abs(counted - report.figures.expectedKopecks) > tolerance && !confirmer) {
      throw new OknoError(
        'CONFLICT',
        'Пока закрывали смену, в ней прошёл платёж. Пересчитайте кассу ещё раз.',
      )
    }
    const update: ShiftClosing = {
      closed_at: now,
      closed_by: clerk.id,
      counted_kopecks: counted,
      expected_kopecks: report.figures.expectedKopecks,
      confirmed_by: confirmer?.id ?? null,
    }
    await closeShiftRow(trx, open.id, update)
    await enqueueOutbox(ctx, trx, { entity: 'shifts', entityId: open.id, op: 'update', payload: update })
    const closing = await appendAudit(ctx, trx, {
      action: 'shift.close',
      clerkId: clerk.id,
      objectType: 'shift',
      objectId: open.id,
      details: {
        number: open.number,
        expectedKopecks: report.figures.expectedKopecks,
        countedKopecks: counted,
        pieces: input.pieces ?? null,
        confirmedBy: confirmer?.id ?? null,
      },
    })
    const content: ShiftReportInput = {
      ...report,
      kind: 'z',
      at: now,
      countedKopecks: counted,
      confirmedByName: confirmer?.fullName ?? null,
      auditHeads: await closingHeads(ctx, trx, open, closing),
    }
    // Logged after the entries it names, so a desk that pulls the report has them already.
    const json = JSON.stringify(content)
    await insertRecorded(ctx, trx, 'z_reports', [
      {
        id: ctx.newId(),
        shift_id: open.id,
        number: open.number,
        closed_at: now,
        content: json,
        content_hash: createHash('sha256').update(json).digest('hex'),
      },
    ])
    return { ...open, ...update, content }
  })
  return {
    shift: await viewOf(ctx, closed, counter.office.name),
    zReportNumber: closed.number,
    document: buildShiftReport(closed.content),
  }
}

/** A Z-report reprinted from what was stored at closing, marked «КОПИЯ». */
export async function zReport(
  ctx: ServiceContext,
  viewer: ClerkInfo,
  shiftId: string,
): Promise<PrintDocument> {
  const shift = await requireVisibleShift(ctx, viewer, shiftId)
  const row = await zReportOfShift(ctx.db.knex, shift.id)
  if (!row) throw new OknoError('NOT_FOUND', 'У этой смены нет Z-отчёта: она ещё не закрыта.')
  if (createHash('sha256').update(row.content).digest('hex') !== row.content_hash) {
    throw new OknoError(
      'INTERNAL',
      'Z-отчёт повреждён: его содержимое не совпадает с подписью. Сообщите администратору.',
    )
  }
  return buildShiftReport(JSON.parse(row.content) as ShiftReportInput, { copy: true })
}

/** The counter's last shifts, newest first (for the Z-report reprint). */
export async function listShifts(ctx: ServiceContext): Promise<ShiftView[]> {
  const counter = await requireCounter(ctx)
  const rows = await recentShifts(ctx.db.knex, counter.office.id, counter.counterNumber, 30)
  const names = await clerkNames(
    ctx.db.knex,
    rows.flatMap((r) => [r.opened_by, r.closed_by]),
  )
  return Promise.all(rows.map((s) => viewOf(ctx, s, counter.office.name, names)))
}
