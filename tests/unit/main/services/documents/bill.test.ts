import { describe, expect, it } from 'vitest'
import { toPosPrintData } from '../../../../../src/main/printing/pos-data'
import {
  BILL_QR_SIZE_MM,
  BILL_TEXTS,
  buildBill,
  type BillInput,
} from '../../../../../src/main/services/documents/bill'
import { paymentQrForAccount } from '../../../../../src/shared/payment-qr'
import {
  printDocumentSchema,
  type DocumentBlock,
  type PrintDocument,
} from '../../../../../src/shared/print/document'
import { escapeHtml } from '../../../../../src/shared/print/escape'
import { renderDocumentHtml } from '../../../../../src/shared/print/render-html'

const NBSP = '\u00a0'

const ORG = {
  name: 'ГУП «Единый информационно-расчётный центр»',
  short_name: 'ЕИРЦ',
  inn: '9204000005',
  kpp: '920401001',
  bank_name: 'АО «ДЕМО-БАНК»',
  bic: '046799999',
  settlement_account: '40602810000000000001',
  correspondent_account: '30101810000000000999',
  address: 'г. Севастополь, ул. Демонстрационная, д. 1',
  phone: '+7 (8692) 00-00-00',
}

const INPUT: BillInput = {
  organisation: ORG,
  accountNumber: '1000000012',
  payer: { surname: 'Иванова', firstName: 'Анна', patronymic: 'Петровна' },
  address: 'г. Севастополь, ул. Нахимова, д. 5, кв. 12',
  apartment: '12',
  areaCentiSqm: 5430,
  registeredCount: 2,
  period: '2026-11',
  issuedOn: '2026-12-02',
  services: [
    {
      serviceName: 'Электроснабжение',
      unit: 'кВт·ч',
      volumeMilli: 210_000,
      tariffsKopecks: [612, 345],
      debtAtStartKopecks: 50_000,
      chargedKopecks: 112_860,
      recalculationKopecks: -1_520,
      paidKopecks: 50_000,
      toPayKopecks: 111_340,
    },
    {
      serviceName: 'Холодное водоснабжение',
      unit: 'м³',
      volumeMilli: 4_321,
      tariffsKopecks: [5_123],
      debtAtStartKopecks: 0,
      chargedKopecks: 22_136,
      recalculationKopecks: 0,
      paidKopecks: 0,
      toPayKopecks: 22_136,
    },
  ],
  hasMeters: true,
  readings: [
    {
      serviceName: 'Электроснабжение',
      unit: 'кВт·ч',
      serial: '0123456',
      zoneName: 'день',
      fractionDigits: 0,
      previousMilli: 12_195_000,
      currentMilli: 12_345_000,
      consumptionMilli: 150_000,
    },
    {
      serviceName: 'Холодное водоснабжение',
      unit: 'м³',
      serial: 'ХВ-778899',
      zoneName: null,
      fractionDigits: 3,
      previousMilli: null,
      currentMilli: 1_234_567,
      consumptionMilli: null,
    },
  ],
}

type Table = Extract<DocumentBlock, { kind: 'table' }>
type Qr = Extract<DocumentBlock, { kind: 'qr' }>

const tables = (doc: PrintDocument): Table[] => doc.blocks.filter((b): b is Table => b.kind === 'table')
const qrOf = (doc: PrintDocument): Qr | undefined => doc.blocks.find((b): b is Qr => b.kind === 'qr')
function fieldValue(doc: PrintDocument, label: string): string | undefined {
  const block = doc.blocks.find((b) => b.kind === 'field' && b.label === label)
  return block?.kind === 'field' ? block.value : undefined
}

describe('buildBill', () => {
  it('is a valid A4 document titled with the month and the account', () => {
    const doc = buildBill(INPUT)
    expect(printDocumentSchema.parse(doc)).toEqual(doc)
    expect(doc.title).toBe('Квитанция за ноябрь 2026, л/с 1000000012')
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Единый платёжный документ за ноябрь 2026' })
  })

  it('names the payer, the address, the account, the period, the area and the registered', () => {
    const doc = buildBill(INPUT)
    expect(fieldValue(doc, 'Плательщик')).toBe('Иванова Анна Петровна')
    expect(fieldValue(doc, 'Адрес')).toBe(INPUT.address)
    expect(doc.blocks).toContainEqual({
      kind: 'field',
      label: 'Лицевой счёт',
      value: '1000000012',
      emphasis: 'bold',
    })
    expect(fieldValue(doc, 'Расчётный период')).toBe('ноябрь 2026')
    expect(fieldValue(doc, 'Площадь')).toBe('54,3 м²')
    expect(fieldValue(doc, 'Зарегистрировано')).toBe('2 чел.')
  })

  it('lists each service: volume, tariff, debt, charged, recalculation, paid, to pay, with totals', () => {
    const [services] = tables(buildBill(INPUT))
    expect(services?.columns.map((c) => c.title)).toEqual([
      'Услуга',
      'Объём',
      'Тариф',
      'Долг на начало',
      'Начислено',
      'Перерасчёт',
      'Оплачено',
      'К оплате',
    ])
    expect(services?.rows).toEqual([
      [
        'Электроснабжение',
        '210 кВт·ч',
        '6,12 / 3,45',
        '500,00',
        '1' + NBSP + '128,60',
        '\u221215,20',
        '500,00',
        '1' + NBSP + '113,40',
      ],
      ['Холодное водоснабжение', '4,321 м³', '51,23', '—', '221,36', '—', '—', '221,36'],
    ])
    expect(services?.footer).toEqual([
      'Итого',
      '',
      '',
      '500,00',
      '1' + NBSP + '349,96',
      '\u221215,20',
      '500,00',
      '1' + NBSP + '334,76',
    ])
  })

  it('states the total to pay, and an overpayment as such', () => {
    expect(fieldValue(buildBill(INPUT), 'Итого к оплате')).toBe(`1${NBSP}334,76${NBSP}₽`)
    const overpaid = buildBill({
      ...INPUT,
      services: [{ ...INPUT.services[1]!, paidKopecks: 30_000, toPayKopecks: -7_864 }],
    })
    expect(fieldValue(overpaid, 'Переплата')).toBe(`78,64${NBSP}₽`)
    expect(fieldValue(overpaid, 'Итого к оплате')).toBeUndefined()
    expect(qrOf(overpaid)?.payload).not.toMatch(/\|Sum=/)
  })

  it('shows the month’s readings zone by zone, and says so when none were given', () => {
    const doc = buildBill(INPUT)
    const readings = tables(doc)[1]
    expect(readings?.columns.map((c) => c.title)).toEqual([
      'Услуга',
      'Прибор №',
      'Зона',
      'Предыдущее',
      'Текущее',
      'Расход',
    ])
    expect(readings?.rows).toEqual([
      ['Электроснабжение', '0123456', 'день', '12' + NBSP + '195', '12' + NBSP + '345', '150 кВт·ч'],
      ['Холодное водоснабжение', 'ХВ-778899', '—', '—', '1' + NBSP + '234,567', '—'],
    ])
    const none = buildBill({ ...INPUT, readings: [] })
    expect(tables(none)).toHaveLength(1)
    expect(none.blocks).toContainEqual({ kind: 'text', text: BILL_TEXTS.noReadings, emphasis: 'small' })
    const unmetered = buildBill({ ...INPUT, readings: [], hasMeters: false })
    expect(JSON.stringify(unmetered)).not.toContain('Показания')
  })

  it('gives the recipient’s bank details, and the ГОСТ payment QR for the sum to pay beside the payer', () => {
    const doc = buildBill(INPUT)
    const texts = doc.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []))
    expect(texts).toContain(`Получатель: ${ORG.name}, ИНН 9204000005, КПП 920401001`)
    expect(texts).toContain(
      'Расчётный счёт 40602810000000000001 в АО «ДЕМО-БАНК», БИК 046799999, корр. счёт 30101810000000000999',
    )
    expect(texts).toContain(
      `Назначение платежа: Оплата ЖКУ за 11.2026, л/с 1000000012. Сумма: 1${NBSP}334,76${NBSP}₽`,
    )
    const qr = qrOf(doc)
    expect(qr).toEqual({
      kind: 'qr',
      payload: paymentQrForAccount(ORG, {
        accountNumber: '1000000012',
        period: '2026-11',
        sumKopecks: 133_476,
        surname: 'Иванова',
        firstName: 'Анна',
        patronymic: 'Петровна',
        address: INPUT.address,
        flat: '12',
      }),
      caption: BILL_TEXTS.qrCaption,
      sizeMm: BILL_QR_SIZE_MM,
    })
    expect(qr?.payload).toContain('|Sum=133476|')
    expect(qr?.payload).toContain('|PaymPeriod=112026|')
    // The QR comes right before the payer's lines, so A4 puts it at their side.
    const i = doc.blocks.indexOf(qr!)
    expect(doc.blocks[i + 1]).toMatchObject({ kind: 'field', label: 'Плательщик' })
    expect(renderDocumentHtml(doc, 'a4')).toMatch(
      /<div class="beside"><div class="main"><table class="fields">[\s\S]*?<\/table><\/div><figure class="qr"><svg/,
    )
  })

  it('prints a payer named like markup literally, on A4 and on a roll', () => {
    const evil = '<img src=x onerror=alert(1)>'
    const doc = buildBill({
      ...INPUT,
      payer: { surname: evil, firstName: 'Анна', patronymic: null },
      address: `ул. ${evil}`,
      services: [{ ...INPUT.services[0]!, serviceName: evil }],
    })
    for (const html of [renderDocumentHtml(doc, 'a4'), renderDocumentHtml(doc, 'thermal80')]) {
      expect(html).not.toMatch(/<img/i)
      expect(html).toContain(escapeHtml(evil))
    }
    const pos = JSON.stringify(toPosPrintData(doc, 'thermal58'))
    expect(pos).not.toMatch(/<img/i)
  })

  it('refuses a bill with no services', () => {
    expect(() => buildBill({ ...INPUT, services: [] })).toThrow(/без услуг/)
  })

  it('passes on a QR requisites error (a bad account of the organisation)', () => {
    expect(() => buildBill({ ...INPUT, organisation: { ...ORG, settlement_account: '123' } })).toThrow(
      /расчётный счёт — 20 цифр/,
    )
  })
})
