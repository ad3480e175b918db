// The payments report as an Excel workbook: «Платежи» (one row per receipt) and the totals by
// service, clerk, counter and office, each sheet with a bold frozen header, set column widths,
// sums as numbers in rubles (#,##0.00) and a bold «Итого» row that sums the column.
import ExcelJS from 'exceljs'
import type {
  PaymentsGroup,
  PaymentsReport,
  PaymentsTotal,
  PaymentsXlsx,
} from '../../../shared/domain/cash-report'

export const MONEY_FORMAT = '#,##0.00'
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm:ss'

export const SHEETS = {
  receipts: 'Платежи',
  services: 'По услугам',
  clerks: 'По операционистам',
  counters: 'По окнам',
  offices: 'По отделениям',
} as const

/** Kopecks as rubles for a cell: exact to the kopeck for any sum a report can hold. */
const rubles = (kopecks: number): number => kopecks / 100

/** The organisation's wall-clock date and time as an Excel date (Excel dates have no zone). */
function wallClock(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss))
}

export interface ColumnSpec {
  header: string
  key: string
  width: number
  money?: boolean
  format?: string
}

export function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: ColumnSpec[],
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&C${title.replace(/&/g, '&&')}`, oddFooter: '&Cстр. &P из &N' },
  })
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.money || c.format ? { style: { numFmt: c.money ? MONEY_FORMAT : c.format } } : {}),
  }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }
    cell.border = { bottom: { style: 'thin' } }
  })
  return ws
}

/** A bold «Итого» row: money columns summed by a formula (with its value stored), counts as given. */
export function totalRow(
  ws: ExcelJS.Worksheet,
  columns: ColumnSpec[],
  values: Record<string, number>,
  dataRows: number,
): void {
  const row = ws.addRow({})
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1)
    if (i === 0) cell.value = 'Итого'
    else if (c.key in values) {
      const value = values[c.key] as number
      const letter = ws.getColumn(i + 1).letter
      cell.value =
        c.money && dataRows > 0
          ? { formula: `SUM(${letter}2:${letter}${dataRows + 1})`, result: value }
          : value
    }
  })
  row.font = { bold: true }
  row.eachCell((cell) => {
    cell.border = { top: { style: 'thin' } }
  })
}

const GROUP_COLUMNS = (first: string, width: number): ColumnSpec[] => [
  { header: first, key: 'name', width },
  { header: 'Платежей', key: 'paymentsCount', width: 11 },
  { header: 'Принято, ₽', key: 'payments', width: 15, money: true },
  { header: 'Возвратов', key: 'refundsCount', width: 11 },
  { header: 'Возвращено, ₽', key: 'refunds', width: 15, money: true },
  { header: 'Итого, ₽', key: 'net', width: 15, money: true },
]

function groupValues(t: PaymentsTotal): Record<string, number> {
  return {
    paymentsCount: t.paymentsCount,
    payments: rubles(t.paymentsKopecks),
    refundsCount: t.refundsCount,
    refunds: rubles(t.refundsKopecks),
    net: rubles(t.netKopecks),
  }
}

function groupSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  first: string,
  groups: PaymentsGroup[],
  total: PaymentsTotal,
): void {
  const columns = GROUP_COLUMNS(first, Math.min(60, Math.max(24, ...groups.map((g) => g.name.length + 2))))
  const ws = sheet(workbook, name, title, columns)
  for (const g of groups) ws.addRow({ name: g.name, ...groupValues(g) })
  totalRow(ws, columns, groupValues(total), groups.length)
}

/** A workbook made by «Окно» for a report: its title, the organisation, when it was made. */
export function newWorkbook(report: {
  title: string
  organisationName: string
  generatedAt: string
}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Окно'
  workbook.title = report.title
  workbook.company = report.organisationName
  workbook.created = new Date(report.generatedAt)
  return workbook
}

export async function paymentsWorkbook(report: PaymentsReport): Promise<Buffer> {
  const workbook = newWorkbook(report)

  const receiptColumns: ColumnSpec[] = [
    { header: 'Чек', key: 'receipt', width: 18 },
    { header: 'Вид', key: 'kind', width: 10 },
    { header: 'Дата и время', key: 'at', width: 20, format: DATE_TIME_FORMAT },
    { header: 'Лицевой счёт', key: 'account', width: 15 },
    { header: 'Плательщик', key: 'payer', width: 34 },
    { header: 'Сумма, ₽', key: 'amount', width: 14, money: true },
    { header: 'Операционист', key: 'clerk', width: 30 },
    { header: 'Отделение', key: 'office', width: 28 },
    { header: 'Окно', key: 'counter', width: 7 },
    { header: 'Смена', key: 'shift', width: 7 },
    { header: 'Возврат по чеку', key: 'reverses', width: 18 },
  ]
  const receipts = sheet(workbook, SHEETS.receipts, report.title, receiptColumns)
  for (const r of report.rows) {
    receipts.addRow({
      receipt: r.receiptNumber,
      kind: r.kind === 'reversal' ? 'Возврат' : 'Платёж',
      at: wallClock(r.date, r.time),
      account: r.accountNumber,
      payer: r.payerName,
      amount: rubles(r.amountKopecks),
      clerk: r.clerkName,
      office: r.officeName,
      counter: r.counterNumber,
      shift: r.shiftNumber,
      reverses: r.reverses ?? '',
    })
  }
  totalRow(receipts, receiptColumns, { amount: rubles(report.total.netKopecks) }, report.rows.length)
  if (report.rows.length > 0) {
    receipts.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: report.rows.length + 1, column: receiptColumns.length },
    }
  }

  groupSheet(workbook, SHEETS.services, report.title, 'Услуга', report.byService, report.total)
  groupSheet(workbook, SHEETS.clerks, report.title, 'Операционист', report.byClerk, report.total)
  groupSheet(workbook, SHEETS.counters, report.title, 'Окно', report.byCounter, report.total)
  groupSheet(workbook, SHEETS.offices, report.title, 'Отделение', report.byOffice, report.total)

  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** «Платежи_2026-11-22.xlsx»; a shift's: «Платежи_смена-3_окно-2_2026-11-22.xlsx». */
export function paymentsFileName(report: PaymentsReport): string {
  const shift = report.shift ? `_смена-${report.shift.number}_окно-${report.shift.counterNumber}` : ''
  return `Платежи${shift}_${report.date}.xlsx`
}

export async function paymentsXlsx(report: PaymentsReport): Promise<PaymentsXlsx> {
  return { fileName: paymentsFileName(report), base64: (await paymentsWorkbook(report)).toString('base64') }
}
