import { describe, expect, it } from 'vitest'
import { thermalPageOptions, toPosPrintData } from '../../../../src/main/printing/pos-data'
import type { PrintDocument } from '../../../../src/shared/print/document'
import { escapeHtml } from '../../../../src/shared/print/escape'

const SCRIPT = '<script>alert(1)</script>'
const IMG = `<img src=x onerror="require('child_process').exec('calc')">`
const PAPERS = ['thermal58', 'thermal80'] as const

const DOC: PrintDocument = {
  title: 'Слип',
  blocks: [
    { kind: 'title', text: `Заголовок ${SCRIPT}` },
    { kind: 'field', label: `Метка "в кавычках" '${IMG}'`, value: `Значение ${SCRIPT}` },
    { kind: 'field', label: 'Логин', value: '1000123', emphasis: 'bold' },
    { kind: 'field', label: 'Одноразовый пароль', value: `Ab3${IMG}`, emphasis: 'large' },
    { kind: 'separator' },
    { kind: 'text', text: `Текст ${IMG}`, emphasis: 'small', align: 'right' },
  ],
}

// Everything between < and > in a value: the only markup allowed is our own span.
function tags(value: string): string[] {
  return value.match(/<[^>]*>/g) ?? []
}

describe('toPosPrintData', () => {
  it.each(PAPERS)('escapes every value before electron-pos-printer puts it into innerHTML (%s)', (paper) => {
    const data = toPosPrintData(DOC, paper)
    const values = data.map((l) => l.value ?? '')
    const all = values.join('\n')
    expect(all).not.toMatch(/<script|<img|<[^>]*onerror/i)
    expect(all).toContain(escapeHtml(SCRIPT))
    expect(all).toContain(escapeHtml(IMG))
    expect(all).toContain(escapeHtml(`Метка "в кавычках" '${IMG}'`))
    for (const value of values) {
      for (const tag of tags(value)) expect(tag).toMatch(/^<span style="[a-z0-9:;.\- ]+">$|^<\/span>$/)
    }
  })

  it.each(PAPERS)('gives only text lines with style objects, as the library requires (%s)', (paper) => {
    for (const l of toPosPrintData(DOC, paper)) {
      expect(l.type).toBe('text')
      expect(typeof l.style).toBe('object')
      expect(l.style).not.toBeNull()
    }
  })

  it('prints a field as two columns in one line: label left, value right', () => {
    const data = toPosPrintData(DOC, 'thermal58')
    const login = data.find((l) => l.value?.includes('Логин'))
    expect(login?.value).toBe(
      '<span style="flex:0 1 auto">Логин</span>' +
        '<span style="flex:1 1 auto;min-width:0;text-align:right;overflow-wrap:anywhere;font-weight:700">1000123</span>',
    )
    expect(login?.style).toMatchObject({ display: 'flex', justifyContent: 'space-between' })
  })

  it('prints a large field as its label, then the value big and centred on a line of its own', () => {
    const data = toPosPrintData(DOC, 'thermal80')
    const i = data.findIndex((l) => l.value === 'Одноразовый пароль')
    expect(i).toBeGreaterThan(-1)
    expect(data[i + 1]?.value).toBe(escapeHtml(`Ab3${IMG}`))
    expect(data[i + 1]?.style).toMatchObject({ fontWeight: '700', textAlign: 'center', fontSize: '14pt' })
  })

  it('keeps the order of the blocks; title bold and centred, separator dashed, text aligned', () => {
    const data = toPosPrintData(DOC, 'thermal58')
    expect(data).toHaveLength(7)
    expect(data[0]).toMatchObject({ style: { fontWeight: '700', textAlign: 'center' } })
    expect(data[0]?.value).toContain('Заголовок')
    expect(data[5]).toEqual({
      type: 'text',
      value: '',
      style: expect.objectContaining({ borderTop: '1px dashed #000' }),
    })
    expect(data[6]?.style).toMatchObject({ textAlign: 'right', fontSize: '7pt' })
  })

  it('sizes the font for the roll: 8 pt on 58 mm, 9 pt on 80 mm', () => {
    expect(toPosPrintData(DOC, 'thermal58')[1]?.style?.fontSize).toBe('8pt')
    expect(toPosPrintData(DOC, 'thermal80')[1]?.style?.fontSize).toBe('9pt')
  })

  it.each(PAPERS)('opens a copy with «КОПИЯ», and only a copy (%s)', (paper) => {
    const copy = toPosPrintData({ ...DOC, copy: true }, paper)
    expect(copy[0]).toMatchObject({
      type: 'text',
      value: 'КОПИЯ',
      style: { fontWeight: '700', textAlign: 'center' },
    })
    expect(copy).toHaveLength(toPosPrintData(DOC, paper).length + 1)
    expect(JSON.stringify(toPosPrintData(DOC, paper))).not.toContain('КОПИЯ')
    expect(JSON.stringify(toPosPrintData({ ...DOC, copy: false }, paper))).not.toContain('КОПИЯ')
  })
})

describe('thermalPageOptions', () => {
  it('names the roll for PosPrinter and centres the printable column on it', () => {
    expect(thermalPageOptions('thermal58')).toEqual({ pageSize: '58mm', width: '48mm', margin: '0 auto' })
    expect(thermalPageOptions('thermal80')).toEqual({ pageSize: '80mm', width: '72mm', margin: '0 auto' })
  })
})

describe('toPosPrintData: QR and table blocks', () => {
  const PAYER = '<img src=x onerror=alert(1)>'
  const BLOCKS_DOC: PrintDocument = {
    title: 'Чек',
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: `Услуга ${PAYER}`, width: 3 },
          { title: 'Сумма', align: 'right' },
        ],
        rows: [[PAYER, '1 234,56'], ['Одна ячейка']],
        footer: ['Итого', PAYER],
      },
      { kind: 'qr', payload: `ST00012|Name=${PAYER}|Sum=100`, caption: `Оплата ${PAYER}`, sizeMm: 40 },
    ],
  }

  it.each(PAPERS)('escapes every cell and the caption; only our spans are markup (%s)', (paper) => {
    const data = toPosPrintData(BLOCKS_DOC, paper)
    const texts = data.filter((l) => l.type === 'text').map((l) => l.value ?? '')
    const all = texts.join('\n')
    expect(all).not.toMatch(/<img|<[^>]*onerror/i)
    expect(all).toContain(escapeHtml(PAYER))
    expect(all).toContain(`Оплата ${escapeHtml(PAYER)}`)
    for (const value of texts) {
      for (const tag of tags(value)) expect(tag).toMatch(/^<span style="[a-z0-9:;.\- ]+">$|^<\/span>$/)
    }
    expect(JSON.stringify(data)).not.toContain('ST00012')
  })

  it('prints a table as a bold header line, one flex line per row, and a footer line', () => {
    const data = toPosPrintData(BLOCKS_DOC, 'thermal80')
    expect(data).toHaveLength(4 + 2)
    expect(data[0]?.style).toMatchObject({
      display: 'flex',
      fontWeight: '700',
      borderBottom: '1px solid #000',
    })
    expect(data[1]?.value).toBe(
      `<span style="flex:75 1 0;min-width:0;overflow-wrap:anywhere">${escapeHtml(PAYER)}</span>` +
        '<span style="flex:25 1 0;min-width:0;overflow-wrap:anywhere;text-align:right">1 234,56</span>',
    )
    expect(data[2]?.value).toContain(
      '>Одна ячейка</span><span style="flex:25 1 0;min-width:0;overflow-wrap:anywhere;text-align:right"></span>',
    )
    expect(data[3]?.style).toMatchObject({ fontWeight: '700', borderTop: '1px solid #000' })
  })

  it.each([
    ['thermal58', '40mm'],
    ['thermal80', '40mm'],
  ] as const)(
    'prints the QR as an SVG image line from a data: URL, centred, caption below (%s)',
    (paper, size) => {
      const data = toPosPrintData(BLOCKS_DOC, paper)
      const image = data.find((l) => l.type === 'image')
      expect(image).toMatchObject({ type: 'image', position: 'center', width: size, height: size })
      expect(image?.value).toBeUndefined()
      const url = image?.url ?? ''
      expect(url).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/)
      const svg = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="40mm" height="40mm" viewBox="0 0 \d+ \d+"/,
      )
      expect(svg).not.toMatch(/<script|<text|<foreignObject|onerror|href/i)
      const i = data.indexOf(image!)
      expect(data[i + 1]).toMatchObject({ type: 'text', style: { textAlign: 'center' } })
    },
  )

  it('shrinks a QR wider than the printable column of the roll', () => {
    const doc: PrintDocument = {
      title: 'Чек',
      blocks: [{ kind: 'qr', payload: 'ST00012|Sum=1', sizeMm: 60 }],
    }
    expect(toPosPrintData(doc, 'thermal58')[0]).toMatchObject({ width: '48mm', height: '48mm' })
    expect(toPosPrintData(doc, 'thermal80')[0]).toMatchObject({ width: '60mm', height: '60mm' })
    expect(toPosPrintData(doc, 'thermal80')).toHaveLength(1)
  })

  it('prints a line of text instead of an image when the QR text cannot be encoded', () => {
    const doc: PrintDocument = { title: 'Чек', blocks: [{ kind: 'qr', payload: 'Ж'.repeat(2000) }] }
    expect(toPosPrintData(doc, 'thermal58')).toEqual([
      expect.objectContaining({ type: 'text', value: 'QR-код не сформирован: в нём слишком много данных.' }),
    ])
  })
})
