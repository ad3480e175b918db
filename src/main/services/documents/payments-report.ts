// The payments report on paper: the receipts, then the totals by service, clerk, counter and
// office. Pure: built from the report. On A4 every column; on a thermal roll only what fits
// (receipt, time, sum; a group and its total).
import { formatDateRu } from '../../../shared/dates'
import type { PaymentsGroup, PaymentsReport, PaymentsTotal } from '../../../shared/domain/cash-report'
import { formatAmount, formatMoney } from '../../../shared/money'
import type { DocumentBlock, PaperKind, PrintDocument } from '../../../shared/print/document'
import { formatDateTimeRu } from '../../../shared/zoned-format'

/** A table block holds at most this many rows; longer lists go on in the next table. */
const TABLE_ROWS = 500
/** Receipts printed at most (a city's day can be longer: the Excel file has them all). */
export const PRINTED_RECEIPTS_LIMIT = 10_000

type Column = Extract<DocumentBlock, { kind: 'table' }>['columns'][number]

function tables(columns: Column[], rows: string[][], footer?: string[]): DocumentBlock[] {
  const blocks: DocumentBlock[] = []
  for (let i = 0; i < rows.length || i === 0; i += TABLE_ROWS) {
    const last = i + TABLE_ROWS >= rows.length
    blocks.push({
      kind: 'table',
      columns,
      rows: rows.slice(i, i + TABLE_ROWS),
      ...(last && footer ? { footer } : {}),
    })
  }
  return blocks
}

function groupTable(
  title: string,
  groups: PaymentsGroup[],
  total: PaymentsTotal,
  wide: boolean,
): DocumentBlock[] {
  if (groups.length === 0) return []
  const heading: DocumentBlock = { kind: 'text', text: title, emphasis: 'bold' }
  if (!wide) {
    return [
      heading,
      ...tables(
        [
          { title: '', width: 3 },
          { title: 'Итого', align: 'right', width: 2 },
        ],
        groups.map((g) => [g.name, formatAmount(g.netKopecks)]),
        ['Всего', formatAmount(total.netKopecks)],
      ),
    ]
  }
  const cells = (t: PaymentsTotal): string[] => [
    String(t.paymentsCount),
    formatAmount(t.paymentsKopecks),
    String(t.refundsCount),
    formatAmount(t.refundsKopecks),
    formatAmount(t.netKopecks),
  ]
  return [
    heading,
    ...tables(
      [
        { title: '', width: 6 },
        { title: 'Платежей', align: 'right', width: 2 },
        { title: 'Принято', align: 'right', width: 3 },
        { title: 'Возвратов', align: 'right', width: 2 },
        { title: 'Возвращено', align: 'right', width: 3 },
        { title: 'Итого', align: 'right', width: 3 },
      ],
      groups.map((g) => [g.name, ...cells(g)]),
      ['Всего', ...cells(total)],
    ),
  ]
}

export function buildPaymentsReport(report: PaymentsReport, paper: PaperKind = 'a4'): PrintDocument {
  const wide = paper === 'a4'
  const t = report.total
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: 'Отчёт о платежах' },
    { kind: 'text', text: report.organisationName, align: 'center' },
    { kind: 'text', text: report.title, align: 'center' },
    { kind: 'separator' },
  ]
  if (report.shift) {
    const s = report.shift
    blocks.push(
      { kind: 'field', label: 'Смена', value: `№ ${s.number}, окно ${s.counterNumber}` },
      {
        kind: 'field',
        label: 'Открыта',
        value: `${formatDateTimeRu(s.openedAt, report.timeZone)}, ${s.openedByName}`,
      },
      {
        kind: 'field',
        label: 'Закрыта',
        value: s.closedAt ? formatDateTimeRu(s.closedAt, report.timeZone) : 'смена открыта',
      },
    )
  } else {
    blocks.push({ kind: 'field', label: 'День', value: formatDateRu(report.date) })
    if (report.officeName || !report.onlyClerkName) {
      blocks.push({ kind: 'field', label: 'Отделение', value: report.officeName ?? 'все отделения' })
    }
    if (report.onlyClerkName)
      blocks.push({ kind: 'field', label: 'Операционист', value: report.onlyClerkName })
  }
  blocks.push({
    kind: 'field',
    label: 'Сформирован',
    value: `${formatDateTimeRu(report.generatedAt, report.timeZone)}, ${report.generatedByName}`,
  })
  blocks.push(
    { kind: 'separator' },
    { kind: 'field', label: `Платежи (${t.paymentsCount})`, value: formatMoney(t.paymentsKopecks) },
    { kind: 'field', label: `Возвраты (${t.refundsCount})`, value: formatMoney(t.refundsKopecks) },
    { kind: 'field', label: 'Итого принято', value: formatMoney(t.netKopecks), emphasis: 'bold' },
  )

  blocks.push(...groupTable('По услугам', report.byService, t, wide))
  blocks.push(...groupTable('По операционистам', report.byClerk, t, wide))
  if (report.scope === 'day') blocks.push(...groupTable('По окнам', report.byCounter, t, wide))
  if (report.scope === 'day' && report.officeName === null) {
    blocks.push(...groupTable('По отделениям', report.byOffice, t, wide))
  }

  blocks.push({ kind: 'separator' }, { kind: 'text', text: 'Чеки', emphasis: 'bold' })
  if (report.rows.length === 0) {
    blocks.push({ kind: 'text', text: 'Платежей нет.' })
  } else {
    const printed = report.rows.slice(0, PRINTED_RECEIPTS_LIMIT)
    const receipt = (r: (typeof printed)[number]): string =>
      r.kind === 'reversal'
        ? `${r.receiptNumber} возврат${r.reverses ? ` по ${r.reverses}` : ''}`
        : r.receiptNumber
    const allOffices = report.scope === 'day' && report.officeName === null
    const columns: Column[] = wide
      ? [
          { title: 'Чек', width: 3 },
          { title: 'Время', width: 2 },
          { title: 'Лицевой счёт', width: 3 },
          { title: 'Плательщик', width: 5 },
          { title: 'Сумма', align: 'right', width: 3 },
          { title: 'Операционист', width: 4 },
          ...(report.scope === 'day' ? [{ title: 'Окно', align: 'right' as const, width: 1.5 }] : []),
          ...(allOffices ? [{ title: 'Отделение', width: 4 }] : []),
        ]
      : [
          { title: 'Чек', width: 3 },
          { title: 'Время', width: 2 },
          { title: 'Сумма', align: 'right', width: 2 },
        ]
    const rows = printed.map((r) =>
      wide
        ? [
            receipt(r),
            r.time.slice(0, 5),
            r.accountNumber,
            r.payerName,
            formatAmount(r.amountKopecks),
            r.clerkName,
            ...(report.scope === 'day' ? [String(r.counterNumber)] : []),
            ...(allOffices ? [r.officeName] : []),
          ]
        : [receipt(r), r.time.slice(0, 5), formatAmount(r.amountKopecks)],
    )
    const footer = columns.map((_, i) =>
      i === 0 ? 'Итого' : columns[i]?.title === 'Сумма' ? formatAmount(t.netKopecks) : '',
    )
    blocks.push(...tables(columns, rows, footer))
    if (report.rows.length > printed.length) {
      blocks.push({
        kind: 'text',
        text: `Напечатаны первые ${printed.length} чеков из ${report.rows.length}; полный список — в выгрузке Excel.`,
        emphasis: 'small',
      })
    }
  }
  return { title: report.title, blocks }
}
