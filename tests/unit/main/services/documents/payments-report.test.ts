// The payments report on paper: every column on A4, what fits on a roll, long lists split into
// tables the print channel accepts, a refund marked with the receipt it refunds.
import { describe, expect, it } from 'vitest'
import { buildPaymentsReport } from '../../../../../src/main/services/documents/payments-report'
import type { PaymentsReport, PaymentsReportRow } from '../../../../../src/shared/domain/cash-report'
import { printDocumentSchema, type DocumentBlock } from '../../../../../src/shared/print/document'

type Table = Extract<DocumentBlock, { kind: 'table' }>

function row(n: number, over: Partial<PaymentsReportRow> = {}): PaymentsReportRow {
  return {
    paymentId: `p${n}`,
    receiptNumber: `BAL-01-1-${n}`,
    kind: 'payment',
    paidAt: '2026-11-22T07:00:00.000Z',
    date: '2026-11-22',
    time: '10:00:00',
    accountNumber: '1000000001',
    payerName: 'Левченко Яна Эдуардовна',
    amountKopecks: 10_000,
    clerkName: 'Иванова Мария Сергеевна',
    officeName: 'Балаклавское районное отделение',
    counterNumber: 1,
    shiftNumber: 1,
    reverses: null,
    ...over,
  }
}

function report(rows: PaymentsReportRow[], over: Partial<PaymentsReport> = {}): PaymentsReport {
  const net = rows.reduce((s, r) => s + r.amountKopecks, 0)
  const total = {
    paymentsCount: rows.length,
    paymentsKopecks: net,
    refundsCount: 0,
    refundsKopecks: 0,
    netKopecks: net,
  }
  const group = (key: string, name: string) => ({ key, name, ...total })
  return {
    scope: 'day',
    title: 'Платежи за 22.11.2026, все отделения',
    date: '2026-11-22',
    shift: null,
    officeName: null,
    onlyClerkName: null,
    organisationName: 'ЕИРЦ',
    timeZone: 'Europe/Simferopol',
    generatedAt: '2026-11-22T12:00:00.000Z',
    generatedByName: 'Петров Пётр Петрович',
    rows,
    byService: [group('heating', 'Отопление')],
    byClerk: [group('c1', 'Иванова Мария Сергеевна')],
    byCounter: [group('o1:1', 'Балаклавское районное отделение, окно 1')],
    byOffice: [group('o1', 'Балаклавское районное отделение')],
    total,
    ...over,
  }
}

const tables = (blocks: DocumentBlock[]): Table[] => blocks.filter((b): b is Table => b.kind === 'table')

describe('payments report document', () => {
  it('prints every column on A4 and the receipt, time and sum on a roll', () => {
    const refund = row(2, { kind: 'reversal', amountKopecks: -10_000, reverses: 'BAL-01-1-1' })
    const wide = tables(buildPaymentsReport(report([row(1), refund]), 'a4').blocks).at(-1) as Table
    expect(wide.columns.map((c) => c.title)).toEqual([
      'Чек',
      'Время',
      'Лицевой счёт',
      'Плательщик',
      'Сумма',
      'Операционист',
      'Окно',
      'Отделение',
    ])
    expect(wide.rows[1]?.[0]).toBe('BAL-01-1-2 возврат по BAL-01-1-1')
    expect(wide.rows[1]?.[4]).toBe('\u2212100,00')
    expect(wide.footer).toEqual(['Итого', '', '', '', '0,00', '', '', ''])
    const narrow = tables(buildPaymentsReport(report([row(1)]), 'thermal58').blocks)
    expect(narrow.at(-1)?.columns.map((c) => c.title)).toEqual(['Чек', 'Время', 'Сумма'])
    expect(narrow.at(-1)?.rows[0]).toEqual(['BAL-01-1-1', '10:00', '100,00'])
    expect(narrow.every((t) => t.columns.length <= 3)).toBe(true)
  })

  it('leaves out the counter and office columns and breakdowns where they say nothing', () => {
    const shift = report([row(1)], {
      scope: 'shift',
      officeName: 'Балаклавское районное отделение',
      shift: {
        id: 's',
        number: 1,
        officeName: 'Балаклавское районное отделение',
        counterNumber: 1,
        openedAt: '2026-11-22T06:00:00.000Z',
        openedByName: 'Иванова Мария Сергеевна',
        closedAt: null,
      },
    })
    const doc = buildPaymentsReport(shift, 'a4')
    const texts = doc.blocks.map((b) => ('text' in b ? b.text : ''))
    expect(texts).toContain('По услугам')
    expect(texts).not.toContain('По окнам')
    expect(texts).not.toContain('По отделениям')
    expect(
      tables(doc.blocks)
        .at(-1)
        ?.columns.map((c) => c.title),
    ).not.toContain('Окно')
  })

  it('splits a long day into tables of at most 500 rows, each accepted by the print channel', () => {
    const rows = Array.from({ length: 1234 }, (_, i) => row(i + 1))
    const doc = buildPaymentsReport(report(rows), 'a4')
    const receipts = tables(doc.blocks).filter((t) => t.columns[0]?.title === 'Чек')
    expect(receipts.map((t) => t.rows.length)).toEqual([500, 500, 234])
    expect(receipts.map((t) => Boolean(t.footer))).toEqual([false, false, true])
    expect(() => printDocumentSchema.parse(doc)).not.toThrow()
  })

  it('says there were no payments', () => {
    const doc = buildPaymentsReport(report([]), 'a4')
    expect(doc.blocks).toContainEqual({ kind: 'text', text: 'Платежей нет.' })
    expect(() => printDocumentSchema.parse(doc)).not.toThrow()
  })
})
