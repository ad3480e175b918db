import { describe, expect, it, vi } from 'vitest'
import { toPosPrintData } from '../../../../../src/main/printing/pos-data'
import {
  buildReadingSlip,
  READING_SLIP_TITLE,
  type ReadingSlipInput,
} from '../../../../../src/main/services/documents/reading-slip'
import {
  printDocumentSchema,
  type DocumentBlock,
  type PrintDocument,
} from '../../../../../src/shared/print/document'
import { renderDocumentHtml } from '../../../../../src/shared/print/render-html'

const ELECTRICITY = {
  serviceName: 'Электроснабжение',
  unit: 'кВт·ч',
  serial: '0123456',
  fractionDigits: 0,
  zoneNames: ['день', 'ночь'],
  valuesMilli: [12_345_000, 6_789_000],
  consumptionMilli: [150_000, 60_000],
}

const COLD_WATER = {
  serviceName: 'Холодное водоснабжение',
  unit: 'м³',
  serial: 'ХВ-778899',
  fractionDigits: 3,
  zoneNames: ['—'],
  valuesMilli: [1_234_567],
  consumptionMilli: [4_321],
}

const INPUT: ReadingSlipInput = {
  organisation: { name: 'ГУП «ЕИРЦ»', phone: '+7 (8692) 00-00-00' },
  office: { name: 'Отделение «Центр»', address: 'ул. Ленина, 1' },
  clerkName: 'Петрова Анна Сергеевна',
  acceptedAt: '2026-11-22T11:05:00.000Z',
  timeZone: 'Europe/Simferopol',
  accountNumber: '1000123',
  address: 'г. Севастополь, ул. Острякова, д. 61, кв. 3',
  period: '2026-11',
  meters: [ELECTRICITY, COLD_WATER],
}

type Field = Extract<DocumentBlock, { kind: 'field' }>

function fields(doc: PrintDocument): Field[] {
  return doc.blocks.filter((b): b is Field => b.kind === 'field')
}

function field(doc: PrintDocument, label: string): string | undefined {
  return fields(doc).find((f) => f.label === label)?.value
}

/** The blocks of one meter after its bold name and serial, up to the next separator. */
function meterSection(doc: PrintDocument, name: string, serial: string): DocumentBlock[] {
  const start = doc.blocks.findIndex(
    (b, i) =>
      b.kind === 'text' &&
      b.text === name &&
      b.emphasis === 'bold' &&
      JSON.stringify(doc.blocks[i + 1]) ===
        JSON.stringify({ kind: 'field', label: 'Заводской номер', value: serial }),
  )
  expect(start, `нет прибора «${name}» № ${serial}`).toBeGreaterThan(0)
  const end = doc.blocks.findIndex((b, i) => i > start && b.kind === 'separator')
  return doc.blocks.slice(start + 2, end)
}

describe('buildReadingSlip', () => {
  it('is titled «Приём показаний» and names the organisation, account, address and period', () => {
    const doc = buildReadingSlip(INPUT)
    expect(doc.title).toBe('Приём показаний')
    expect(READING_SLIP_TITLE).toBe('Приём показаний')
    expect(doc.blocks[0]).toEqual({ kind: 'title', text: 'Приём показаний' })
    expect(field(doc, 'Организация')).toBe('ГУП «ЕИРЦ»')
    expect(fields(doc).find((f) => f.label === 'Лицевой счёт')).toEqual({
      kind: 'field',
      label: 'Лицевой счёт',
      value: '1000123',
      emphasis: 'bold',
    })
    expect(field(doc, 'Адрес')).toBe('г. Севастополь, ул. Острякова, д. 61, кв. 3')
    expect(field(doc, 'Показания за')).toBe('ноябрь 2026')
  })

  it('prints a two-zone meter zone by zone, each reading with its consumption', () => {
    const section = meterSection(buildReadingSlip(INPUT), 'Электроснабжение', '0123456')
    expect(section).toEqual([
      { kind: 'field', label: 'День', value: '12\u00a0345 кВт·ч' },
      { kind: 'field', label: 'Расход (день)', value: '150 кВт·ч' },
      { kind: 'field', label: 'Ночь', value: '6\u00a0789 кВт·ч' },
      { kind: 'field', label: 'Расход (ночь)', value: '60 кВт·ч' },
    ])
  })

  it('prints a one-zone meter without a zone name, with the meter’s fraction digits', () => {
    const section = meterSection(
      buildReadingSlip({ ...INPUT, meters: [COLD_WATER, ELECTRICITY] }),
      'Холодное водоснабжение',
      'ХВ-778899',
    )
    expect(section).toEqual([
      { kind: 'field', label: 'Показание', value: '1\u00a0234,567 м³' },
      { kind: 'field', label: 'Расход', value: '4,321 м³' },
    ])
  })

  it('prints three zones by their names', () => {
    const doc = buildReadingSlip({
      ...INPUT,
      meters: [
        {
          ...ELECTRICITY,
          zoneNames: ['пик', 'полупик', 'ночь'],
          valuesMilli: [1_000_000, 2_000_000, 3_000_000],
          consumptionMilli: [10_000, 20_000, 30_000],
        },
      ],
    })
    expect(fields(doc).map((f) => f.label)).toEqual(
      expect.arrayContaining(['Пик', 'Расход (пик)', 'Полупик', 'Расход (полупик)', 'Ночь', 'Расход (ночь)']),
    )
  })

  it('leaves out a consumption that is not known (a first reading, a new meter)', () => {
    const doc = buildReadingSlip({
      ...INPUT,
      meters: [{ ...ELECTRICITY, consumptionMilli: [null, 60_000] }],
    })
    const labels = meterSection(
      { ...doc, blocks: [...doc.blocks, { kind: 'separator' }] },
      'Электроснабжение',
      '0123456',
    ).map((b) => (b.kind === 'field' ? b.label : b.kind))
    expect(labels).toEqual(['День', 'Ночь', 'Расход (ночь)'])
  })

  it('rounds values to the meter’s own digits, half away from zero', () => {
    const doc = buildReadingSlip({
      ...INPUT,
      meters: [{ ...COLD_WATER, fractionDigits: 2, valuesMilli: [99_995], consumptionMilli: [1_005] }],
    })
    expect(field(doc, 'Показание')).toBe('100,00 м³')
    expect(field(doc, 'Расход')).toBe('1,01 м³')
  })

  it('names a zone it was given no name for', () => {
    const doc = buildReadingSlip({ ...INPUT, meters: [{ ...ELECTRICITY, zoneNames: [] }] })
    expect(field(doc, 'Зона 1')).toBe('12\u00a0345 кВт·ч')
    expect(field(doc, 'Расход (зона 2)')).toBe('60 кВт·ч')
  })

  it('ends with the time of acceptance, the clerk, the office and the phone', () => {
    const doc = buildReadingSlip(INPUT)
    const tail = fields(doc).slice(-4)
    expect(tail.map((f) => f.label)).toEqual(['Принято', 'Операционист', 'Отделение', 'Телефон для справок'])
    expect(field(doc, 'Операционист')).toBe('Петрова Анна Сергеевна')
    expect(field(doc, 'Отделение')).toBe('Отделение «Центр», ул. Ленина, 1')
    expect(field(doc, 'Телефон для справок')).toBe('+7 (8692) 00-00-00')
  })

  it.each([
    ['UTC', 11],
    ['America/New_York', 6],
    ['Asia/Tokyo', 20],
  ] as const)('prints the organisation’s time whatever the process TZ (%s)', (tz, localHour) => {
    vi.stubEnv('TZ', tz)
    expect(new Date(INPUT.acceptedAt).getHours()).toBe(localHour)
    expect(field(buildReadingSlip(INPUT), 'Принято')).toBe('22.11.2026 14:05')
    expect(field(buildReadingSlip({ ...INPUT, acceptedAt: '2026-11-30T22:10:00Z' }), 'Принято')).toBe(
      '01.12.2026 01:10',
    )
  })

  it('leaves out what is unknown: no office, no phone', () => {
    const doc = buildReadingSlip({
      ...INPUT,
      office: null,
      organisation: { ...INPUT.organisation, phone: ' ' },
    })
    expect(field(doc, 'Отделение')).toBeUndefined()
    expect(field(doc, 'Телефон для справок')).toBeUndefined()
  })

  it('refuses a slip without meters or a meter without readings', () => {
    expect(() => buildReadingSlip({ ...INPUT, meters: [] })).toThrow()
    expect(() => buildReadingSlip({ ...INPUT, meters: [{ ...COLD_WATER, valuesMilli: [] }] })).toThrow()
    expect(() => buildReadingSlip({ ...INPUT, acceptedAt: 'вчера' })).toThrow(RangeError)
    expect(() => buildReadingSlip({ ...INPUT, period: '2026-13' })).toThrow(RangeError)
  })

  it('is a valid print document, never a copy, even for the most meters a form may send', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      ...ELECTRICITY,
      serial: String(i),
      zoneNames: ['пик', 'полупик', 'ночь'],
      valuesMilli: [1, 2, 3],
      consumptionMilli: [1, 2, 3],
    }))
    for (const input of [INPUT, { ...INPUT, meters: twenty }]) {
      const doc = buildReadingSlip(input)
      expect(printDocumentSchema.parse(doc)).toEqual(doc)
      expect(doc.copy).toBeUndefined()
    }
  })

  it('reaches paper escaped: a hostile serial or address stays text on A4 and on a roll', () => {
    const hostile = '<img src=x onerror=alert(1)>'
    const doc = buildReadingSlip({
      ...INPUT,
      address: hostile,
      meters: [{ ...ELECTRICITY, serial: '<script>alert(2)</script>' }],
    })
    for (const paper of ['a4', 'thermal58', 'thermal80'] as const) {
      const html = renderDocumentHtml(doc, paper)
      expect(html).not.toMatch(/<img|<script/i)
      expect(html).toContain('Расход (день)')
    }
    for (const paper of ['thermal58', 'thermal80'] as const) {
      const values = toPosPrintData(doc, paper)
        .map((l) => l.value)
        .join('\n')
      expect(values).not.toMatch(/<img|<script/i)
    }
  })
})
