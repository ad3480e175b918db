// The payments report: two counters and two clerks take payments, a supervisor refunds one; the
// shift's and the day's totals by service, clerk, counter and office are what was posted, the
// Excel file read back says the same, and each clerk sees only what they may.
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { memorySettings } from '../../../../src/main/config/settings'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { findShift } from '../../../../src/main/db/repositories/shifts'
import {
  paymentsReport,
  paymentsReportDocument,
  paymentsReportXlsx,
} from '../../../../src/main/services/cash/reports'
import { MONEY_FORMAT, SHEETS } from '../../../../src/main/services/cash/report-xlsx'
import { reversePayment } from '../../../../src/main/services/cash/reversal'
import { openShift } from '../../../../src/main/services/cash/shifts'
import { shiftFigures } from '../../../../src/main/services/cash/shift-figures'
import type { ServiceContext } from '../../../../src/main/services/core/context'
import type { PaymentsGroup } from '../../../../src/shared/domain/cash-report'
import type { ClerkInfo } from '../../../../src/shared/domain/clerk'
import type { PaymentPosted } from '../../../../src/shared/domain/cash'
import { printDocumentSchema } from '../../../../src/shared/print/document'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { firstOfficeId, indebtedAccount, payInput } from '../../../helpers/cash'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditActions } from '../../../helpers/rows'

interface Counter {
  ctx: ServiceContext
  clerk: ClerkInfo
  number: number
  shiftId: string
}

/** Payment and refund sums of one group, as the test posted them. */
interface Expected {
  payments: number
  paymentsCount: number
  refunds: number
  refundsCount: number
}

const none = (): Expected => ({ payments: 0, paymentsCount: 0, refunds: 0, refundsCount: 0 })

function tally(map: Map<string, Expected>, key: string, amount: number, count = 1): void {
  const e = map.get(key) ?? none()
  if (amount >= 0) {
    e.payments += amount
    e.paymentsCount += count
  } else {
    e.refunds -= amount
    e.refundsCount += count
  }
  map.set(key, e)
}

/** A group as the test expects it (net = payments − refunds). */
const asGroup = (e: Expected) => ({
  paymentsCount: e.paymentsCount,
  paymentsKopecks: e.payments,
  refundsCount: e.refundsCount,
  refundsKopecks: e.refunds,
  netKopecks: e.payments - e.refunds,
})

const byKey = (groups: PaymentsGroup[]): Record<string, unknown> =>
  Object.fromEntries(
    groups.map((g) => [
      g.key,
      {
        paymentsCount: g.paymentsCount,
        paymentsKopecks: g.paymentsKopecks,
        refundsCount: g.refundsCount,
        refundsKopecks: g.refundsKopecks,
        netKopecks: g.netKopecks,
      },
    ]),
  )

async function openAt(
  env: TestEnv,
  counterNumber: number,
  role: 'operator' | 'supervisor' = 'operator',
): Promise<Counter> {
  const officeId = await firstOfficeId(env.db)
  const ctx: ServiceContext = { ...env.ctx, settings: memorySettings({ officeId, counterNumber }) }
  const { info: clerk } = await clerkOf(env.db, role)
  const shift = await openShift(ctx, clerk, { float: '5000' })
  return { ctx, clerk, number: counterNumber, shiftId: shift.id }
}

/** The kopecks of a money cell read back (a number, or a formula with its stored result). */
function cellKopecks(value: ExcelJS.CellValue): number {
  const n = typeof value === 'object' && value !== null && 'result' in value ? value.result : value
  if (typeof n !== 'number') throw new Error(`Не число: ${JSON.stringify(value)}`)
  return Math.round(n * 100)
}

async function readWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  return workbook
}

/** Rows 2… of a sheet as [first cell text, kopecks of the column named `money`]. */
function sheetRows(ws: ExcelJS.Worksheet, money: string): Array<[string, number]> {
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String)
  const column = header.indexOf(money)
  expect(column, `${ws.name}: нет столбца «${money}»`).toBeGreaterThan(0)
  const rows: Array<[string, number]> = []
  ws.eachRow((row, n) => {
    if (n > 1) rows.push([String(row.getCell(1).value), cellKopecks(row.getCell(column).value)])
  })
  return rows
}

describeEachDatabase('payments report', (getCtx) => {
  it('totals a shift and a day by service, clerk, counter and office as posted, and exports them to Excel', async () => {
    const env = getCtx()
    // A day of its own: the other tests of the file post on the clock's default day.
    env.clock.set('2026-11-25T06:30:00.000Z')
    const date = '2026-11-25'
    const officeId = await firstOfficeId(env.db)
    const a = await openAt(env, 71)
    const b = await openAt(env, 72)
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')

    const services = new Map<string, Expected>()
    const clerks = new Map<string, Expected>()
    const counters = new Map<string, Expected>()
    const posted: Array<{ counter: Counter; result: PaymentPosted; allocations: Map<string, number> }> = []
    const plan: Array<[Counter, number]> = [
      [a, 150_000],
      [b, 20_050],
      [a, 7_777],
      [b, 99_999],
      [a, 42_000],
    ]
    for (const [counter, wanted] of plan) {
      env.clock.advance({ minutes: 7 })
      const draft = await indebtedAccount(env)
      const input = payInput(
        draft,
        Math.min(wanted, draft.totalDebtKopecks),
        draft.totalDebtKopecks + 100_000,
      )
      const result = await postPayment(counter.ctx, counter.clerk, input)
      const allocations = new Map<string, number>()
      for (const al of input.allocations.filter((x) => x.amountKopecks > 0)) {
        allocations.set(al.serviceId, al.amountKopecks)
        tally(services, al.serviceId, al.amountKopecks)
      }
      tally(clerks, counter.clerk.id, result.receipt.amountKopecks)
      tally(counters, String(counter.number), result.receipt.amountKopecks)
      posted.push({ counter, result, allocations })
    }
    // The supervisor refunds counter A's first payment at counter A.
    env.clock.advance({ minutes: 3 })
    const original = posted[0]!
    const refund = await reversePayment(a.ctx, supervisor, {
      idempotencyKey: randomUUID(),
      paymentId: original.result.receipt.paymentId,
      reason: 'Ошиблись лицевым счётом',
    })
    const refunded = original.result.receipt.amountKopecks
    expect(refund.receipt.amountKopecks).toBe(-refunded)
    for (const [serviceId, amount] of original.allocations) tally(services, serviceId, -amount)
    tally(clerks, supervisor.id, -refunded)
    tally(counters, String(a.number), -refunded)

    const serviceCodes = new Map(
      ((await env.db.knex('services').select('id', 'code')) as Array<{ id: string; code: string }>).map(
        (s) => [s.id, s.code],
      ),
    )
    const expectedServices = new Map<string, Expected>()
    for (const [id, e] of services) {
      const code = serviceCodes.get(id) as string
      expectedServices.set(code, e)
    }
    const paid = posted.reduce((s, p) => s + p.result.receipt.amountKopecks, 0)

    // The day of the office, for the supervisor.
    const day = await paymentsReport(a.ctx, { scope: 'day', date, officeId }, supervisor)
    expect(day.total).toEqual({
      paymentsCount: 5,
      paymentsKopecks: paid,
      refundsCount: 1,
      refundsKopecks: refunded,
      netKopecks: paid - refunded,
    })
    expect(day.rows.map((r) => r.receiptNumber)).toEqual([
      ...posted.map((p) => p.result.receipt.receiptNumber),
      refund.receipt.receiptNumber,
    ])
    expect(day.rows.at(-1)).toMatchObject({
      kind: 'reversal',
      reverses: original.result.receipt.receiptNumber,
      clerkName: supervisor.fullName,
    })
    expect(day.rows[0]).toMatchObject({ date, time: '09:37:00', counterNumber: 71, shiftNumber: 1 })
    expect(day.onlyClerkName).toBeNull()

    // Services: per service code, in the services' order, summing to the total.
    const serviceExpect = Object.fromEntries([...expectedServices].map(([code, e]) => [code, asGroup(e)]))
    const serviceGot = byKey(day.byService) as Record<string, ReturnType<typeof asGroup>>
    expect(Object.keys(serviceGot).sort()).toEqual(Object.keys(serviceExpect).sort())
    for (const [code, e] of Object.entries(serviceExpect)) {
      // A service's count is the receipts that paid it; its sums are the allocations.
      expect(serviceGot[code]?.paymentsKopecks, code).toBe(e.paymentsKopecks)
      expect(serviceGot[code]?.refundsKopecks, code).toBe(e.refundsKopecks)
      expect(serviceGot[code]?.netKopecks, code).toBe(e.netKopecks)
    }
    expect(day.byService.reduce((s, g) => s + g.netKopecks, 0)).toBe(paid - refunded)

    expect(byKey(day.byClerk)).toEqual(Object.fromEntries([...clerks].map(([k, e]) => [k, asGroup(e)])))
    expect(day.byClerk.find((g) => g.key === supervisor.id)?.name).toBe(supervisor.fullName)
    expect(byKey(day.byCounter)).toEqual(
      Object.fromEntries([...counters].map(([n, e]) => [`${officeId}:${n}`, asGroup(e)])),
    )
    expect(day.byCounter.map((g) => g.name.split(', ').at(-1))).toEqual(['окно 71', 'окно 72'])
    expect(day.byOffice).toEqual([expect.objectContaining({ key: officeId, ...day.total })])

    // The shift of counter A: its own receipts only, and the same per-service sums as the X-report's.
    const shift = await paymentsReport(a.ctx, { scope: 'shift', shiftId: a.shiftId }, a.clerk)
    expect(shift.rows).toHaveLength(4)
    expect(shift.total.netKopecks).toBe((counters.get('71') as Expected).payments - refunded)
    expect(shift.title).toContain('окно 71')
    const figures = await shiftFigures(env.db.knex, (await findShift(env.db.knex, a.shiftId))!)
    expect(
      Object.fromEntries(shift.byService.filter((g) => g.netKopecks !== 0).map((g) => [g.key, g.netKopecks])),
    ).toEqual(Object.fromEntries(figures.byService.map((s) => [s.serviceCode, s.amountKopecks])))

    // Excel: the same rows and totals, read back with exceljs.
    const before = await auditActions(env.db, a.ctx.settings.get().workstationId)
    const file = await paymentsReportXlsx(a.ctx, { scope: 'day', date, officeId }, supervisor)
    expect(file.fileName).toBe('Платежи_2026-11-25.xlsx')
    expect(await auditActions(env.db, a.ctx.settings.get().workstationId)).toEqual([
      ...before,
      'report.export',
    ])
    const workbook = await readWorkbook(file.base64)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(SHEETS))
    const receipts = workbook.getWorksheet(SHEETS.receipts)!
    expect(receipts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(receipts.getRow(1).font?.bold).toBe(true)
    expect(receipts.getColumn(6).numFmt).toBe(MONEY_FORMAT)
    expect(receipts.getColumn(5).width).toBeGreaterThan(20)
    expect(sheetRows(receipts, 'Сумма, ₽')).toEqual([
      ...day.rows.map((r): [string, number] => [r.receiptNumber, r.amountKopecks]),
      ['Итого', paid - refunded],
    ])
    const at = receipts.getRow(2).getCell(3).value
    expect(at).toBeInstanceOf(Date)
    expect((at as Date).toISOString()).toBe('2026-11-25T09:37:00.000Z') // the wall clock in Simferopol
    expect(receipts.getRow(2).getCell(4).value).toBe(day.rows[0]?.accountNumber)

    const groupRows = (sheet: string, groups: PaymentsGroup[]): void => {
      const ws = workbook.getWorksheet(sheet)!
      expect(ws.getRow(1).font?.bold, sheet).toBe(true)
      expect(ws.views[0], sheet).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheetRows(ws, 'Итого, ₽'), sheet).toEqual([
        ...groups.map((g): [string, number] => [g.name, g.netKopecks]),
        ['Итого', paid - refunded],
      ])
      expect(sheetRows(ws, 'Возвращено, ₽').at(-1), sheet).toEqual(['Итого', refunded])
    }
    groupRows(SHEETS.services, day.byService)
    groupRows(SHEETS.clerks, day.byClerk)
    groupRows(SHEETS.counters, day.byCounter)
    groupRows(SHEETS.offices, day.byOffice)

    // Print: a valid document (it goes back to main to print) with the receipts and the total.
    const document = await paymentsReportDocument(a.ctx, { scope: 'day', date, officeId }, supervisor)
    expect(() => printDocumentSchema.parse(document)).not.toThrow()
    const tables = document.blocks.filter((x) => x.kind === 'table')
    const receiptTable = tables.at(-1)!
    expect(receiptTable.rows.map((r) => r[0])).toEqual([
      ...posted.map((p) => p.result.receipt.receiptNumber),
      `${refund.receipt.receiptNumber} возврат по ${original.result.receipt.receiptNumber}`,
    ])
    expect(receiptTable.footer?.join(' ')).toContain(formatKopecks(paid - refunded))
  })

  it('shows an operator only their own payments of the day, and only their counter’s shifts', async () => {
    const env = getCtx()
    env.clock.set('2026-11-26T07:00:00.000Z')
    const officeId = await firstOfficeId(env.db)
    const a = await openAt(env, 81)
    const b = await openAt(env, 82)
    for (const counter of [a, b, b]) {
      const draft = await indebtedAccount(env)
      await postPayment(counter.ctx, counter.clerk, payInput(draft, 5_000))
    }
    const own = await paymentsReport(b.ctx, { scope: 'day', date: '2026-11-26', officeId }, b.clerk)
    expect(own.onlyClerkName).toBe(b.clerk.fullName)
    expect(own.rows).toHaveLength(2)
    expect(own.total.netKopecks).toBe(10_000)
    expect(own.byClerk.map((g) => g.key)).toEqual([b.clerk.id])
    const everyone = await paymentsReport(
      b.ctx,
      { scope: 'day', date: '2026-11-26' },
      (await clerkOf(env.db, 'supervisor')).info,
    )
    expect(everyone.total.netKopecks).toBe(15_000)
    expect(everyone.officeName).toBeNull()

    const foreign = await refusal(paymentsReport(b.ctx, { scope: 'shift', shiftId: a.shiftId }, b.clerk))
    expect(foreign.code).toBe('FORBIDDEN')
    expect(foreign.message).toContain('старшему операционисту')
    // At counter A's workstation the same clerk may see counter A's shift.
    const there = await paymentsReport(a.ctx, { scope: 'shift', shiftId: a.shiftId }, b.clerk)
    expect(there.total.netKopecks).toBe(5_000)
  })

  it('reports an empty day, and refuses a shift or an office that does not exist', async () => {
    const env = getCtx()
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const empty = await paymentsReport(env.ctx, { scope: 'day', date: '2020-01-01' }, supervisor)
    expect(empty.rows).toEqual([])
    expect(empty.total).toEqual({
      paymentsCount: 0,
      paymentsKopecks: 0,
      refundsCount: 0,
      refundsKopecks: 0,
      netKopecks: 0,
    })
    const file = await paymentsReportXlsx(env.ctx, { scope: 'day', date: '2020-01-01' }, supervisor)
    const workbook = await readWorkbook(file.base64)
    expect(sheetRows(workbook.getWorksheet(SHEETS.receipts)!, 'Сумма, ₽')).toEqual([['Итого', 0]])
    const document = await paymentsReportDocument(env.ctx, { scope: 'day', date: '2020-01-01' }, supervisor)
    expect(document.blocks).toContainEqual({ kind: 'text', text: 'Платежей нет.' })

    const shift = await refusal(
      paymentsReport(env.ctx, { scope: 'shift', shiftId: randomUUID() }, supervisor),
    )
    expect(shift.code).toBe('NOT_FOUND')
    const office = await refusal(
      paymentsReport(env.ctx, { scope: 'day', date: '2026-11-22', officeId: randomUUID() }, supervisor),
    )
    expect(office.code).toBe('NOT_FOUND')
  })
})

function formatKopecks(kopecks: number): string {
  const rubles = Math.trunc(kopecks / 100)
  return `${String(rubles).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${String(kopecks % 100).padStart(2, '0')}`
}
