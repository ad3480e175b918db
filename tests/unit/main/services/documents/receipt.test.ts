// The receipt as a document model (not pixels), and every field escaped on its way to a printer.
import { describe, expect, it } from 'vitest'
import { toPosPrintData } from '../../../../../src/main/printing/pos-data'
import {
  buildReceipt,
  NOT_FISCAL,
  type ReceiptInput,
} from '../../../../../src/main/services/documents/receipt'
import { renderDocumentHtml } from '../../../../../src/shared/print/render-html'

const PAYMENT: ReceiptInput = {
  kind: 'payment',
  organisation: {
    name: 'ГУП «ЕИРЦ Севастополь»',
    inn: '9204002115',
    kpp: '920401001',
    address: 'г. Севастополь, ул. Ленина, д. 1',
    phone: '+7 (8692) 00-00-00',
  },
  office: { name: 'Гагаринское отделение', address: 'пр. Октябрьской Революции, 20' },
  counterNumber: 3,
  shiftNumber: 12,
  receiptNo: 5,
  receiptNumber: '02-03-12-5',
  at: '2026-11-22T07:05:00.000Z',
  timeZone: 'Europe/Simferopol',
  account: { number: '2100012345', address: 'Севастополь, ул. Ленина, д. 5, кв. 7' },
  payerName: 'Иванова Мария Петровна',
  period: '2026-10',
  lines: [
    { serviceName: 'Электроснабжение', amountKopecks: 150_000 },
    { serviceName: 'Холодное водоснабжение', amountKopecks: 34_567 },
    { serviceName: 'Газоснабжение', amountKopecks: 0 },
  ],
  totalKopecks: 184_567,
  cashKopecks: 200_000,
  changeKopecks: 15_433,
  clerkName: 'Петрова Анна Сергеевна',
  fiscal: null,
}

describe('buildReceipt', () => {
  it('lays out a payment receipt', () => {
    expect(buildReceipt(PAYMENT)).toMatchSnapshot()
  })

  it('marks a reprint as a copy and a refund with its original receipt', () => {
    expect(buildReceipt(PAYMENT, { copy: true }).copy).toBe(true)
    const refund = buildReceipt({
      ...PAYMENT,
      kind: 'reversal',
      changeKopecks: 0,
      cashKopecks: 184_567,
      reverses: {
        receiptNumber: '02-03-11-9',
        reason: 'Оплачен чужой счёт',
        confirmedByName: 'Сидоров С. С.',
      },
    })
    expect(refund).toMatchSnapshot()
  })

  it('prints the fiscal requisites and QR instead of the «not fiscal» line when registered', () => {
    const doc = buildReceipt({
      ...PAYMENT,
      fiscal: {
        registrationNumber: '0000000001012345',
        fnNumber: '9999078900001234',
        fdNumber: '321',
        fiscalSign: '1234567890',
        qr: 't=20261122T1005&s=1845.67&fn=9999078900001234&i=321&fp=1234567890&n=1',
      },
    })
    const texts = JSON.stringify(doc.blocks)
    expect(texts).not.toContain(NOT_FISCAL)
    expect(doc.blocks.find((b) => b.kind === 'qr')).toMatchObject({
      payload: expect.stringContaining('fn=9999078900001234'),
    })
  })
})

describe('escaping', () => {
  const HOSTILE = '<img src=x onerror=alert(1)>'
  const hostile: ReceiptInput = {
    ...PAYMENT,
    payerName: HOSTILE,
    account: { number: '2100012345', address: `<script>alert(2)</script>` },
    lines: [{ serviceName: `<b onmouseover=alert(3)>Газ</b>`, amountKopecks: 100 }],
    clerkName: '"><svg onload=alert(4)>',
  }
  const doc = buildReceipt(hostile)

  it('prints a hostile payer literally in the HTML for A4 and previews', () => {
    const html = renderDocumentHtml(doc, 'a4')
    expect(html).not.toMatch(/<img src=x/i)
    expect(html).not.toMatch(/<script>alert/i)
    expect(html).not.toMatch(/<svg onload/i)
    expect(html).not.toMatch(/<b onmouseover/i)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('prints it literally on the thermal roll (electron-pos-printer puts values into innerHTML)', () => {
    for (const paper of ['thermal58', 'thermal80'] as const) {
      const values = toPosPrintData(doc, paper)
        .map((line) => ('value' in line && typeof line.value === 'string' ? line.value : ''))
        .join('\n')
      expect(values).not.toMatch(/<img src=x/i)
      expect(values).not.toMatch(/<script>/i)
      expect(values).not.toMatch(/<svg onload/i)
      expect(values).toContain('&lt;img src=x onerror=alert(1)&gt;')
    }
  })
})
