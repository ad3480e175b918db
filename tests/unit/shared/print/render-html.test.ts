import { describe, expect, it } from 'vitest'
import { PAPER_KINDS, printDocumentSchema, type PrintDocument } from '../../../../src/shared/print/document'
import { escapeHtml } from '../../../../src/shared/print/escape'
import { renderDocumentHtml } from '../../../../src/shared/print/render-html'

const SCRIPT = '<script>alert(1)</script>'
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;'

function hostile(tag: string): string {
  return `${tag}<img src=x onerror="alert('${tag}')">&amp;`
}

const HOSTILE_DOC: PrintDocument = {
  title: hostile('doc-title'),
  blocks: [
    { kind: 'title', text: hostile('title') },
    { kind: 'field', label: hostile('label'), value: hostile('value') },
    { kind: 'field', label: 'Пароль', value: hostile('large'), emphasis: 'large' },
    { kind: 'separator' },
    { kind: 'text', text: hostile('text'), emphasis: 'bold', align: 'center' },
  ],
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`& < > " '`)).toBe('&amp; &lt; &gt; &quot; &#39;')
  })

  it('escapes the ampersand of an entity, so text is shown literally', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;')
  })

  it('leaves ordinary Russian text alone', () => {
    expect(escapeHtml('Иванова Ёлка, кв. 12 — №5')).toBe('Иванова Ёлка, кв. 12 — №5')
  })
})

describe('renderDocumentHtml', () => {
  it.each(PAPER_KINDS)('escapes every text of the document (%s)', (paper) => {
    const html = renderDocumentHtml(HOSTILE_DOC, paper)
    for (const tag of ['doc-title', 'title', 'label', 'value', 'large', 'text']) {
      expect(html).not.toContain(hostile(tag))
      expect(html).toContain(escapeHtml(hostile(tag)))
    }
    // The words survive as text; what must not survive is a tag carrying them.
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<[^>]*onerror/i)
  })

  it.each(PAPER_KINDS)(
    'turns a script in a value into text and has no script element at all (%s)',
    (paper) => {
      const doc: PrintDocument = {
        title: SCRIPT,
        blocks: [
          { kind: 'title', text: SCRIPT },
          { kind: 'field', label: SCRIPT, value: SCRIPT },
          { kind: 'text', text: SCRIPT },
        ],
      }
      const html = renderDocumentHtml(doc, paper)
      expect(html).toContain(SCRIPT_ESCAPED)
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<\/script/i)
    },
  )

  it('escapes quotes in labels', () => {
    const doc: PrintDocument = {
      title: 'Слип',
      blocks: [{ kind: 'field', label: `Ф. И. О. "абонента" и 'соседа'`, value: 'Иванов' }],
    }
    for (const paper of PAPER_KINDS) {
      const html = renderDocumentHtml(doc, paper)
      expect(html).toContain('Ф. И. О. &quot;абонента&quot; и &#39;соседа&#39;')
    }
  })

  it('takes class names only from its own lists, never from the document', () => {
    const doc = {
      title: 'Слип',
      blocks: [
        { kind: 'text', text: 'а', emphasis: '"><script>alert(1)</script>', align: '" onclick="x' },
        { kind: 'field', label: 'б', value: 'в', emphasis: '"><b>' },
      ],
    } as unknown as PrintDocument
    for (const paper of PAPER_KINDS) {
      const html = renderDocumentHtml(doc, paper)
      expect(html).not.toMatch(/<script|onclick|<b>/i)
    }
  })

  it.each(PAPER_KINDS)(
    'is a standalone page: doctype, charset, inline style, nothing external (%s)',
    (paper) => {
      const doc: PrintDocument = {
        title: 'Слип',
        blocks: [
          { kind: 'title', text: 'Слип' },
          { kind: 'field', label: 'Логин', value: '1000123' },
          { kind: 'separator' },
          { kind: 'text', text: 'Текст' },
        ],
      }
      const html = renderDocumentHtml({ ...doc, copy: true }, paper)
      expect(html.startsWith('<!doctype html>\n')).toBe(true)
      expect(html).toContain('<html lang="ru">')
      expect(html).toContain('<meta charset="utf-8">')
      expect(html).toMatch(/<style>[\s\S]+<\/style>/)
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
      for (const external of [/<link/i, /<iframe/i, /@import/i, /url\(/i, /https?:/i, / src=/i, / href=/i]) {
        expect(html).not.toMatch(external)
      }
    },
  )

  it('prints A4 on an A4 page with 15 mm margins and a 12 pt font, fields in a two-column table', () => {
    const html = renderDocumentHtml(HOSTILE_DOC, 'a4')
    expect(html).toContain('@page{size:A4;margin:15mm}')
    expect(html).toMatch(/body\{[^}]*font-size:12pt/)
    expect(html).toContain('<table class="fields"><tbody><tr><th scope="row">')
    expect(html).not.toContain('class="field"')
  })

  it('puts consecutive fields into one table on A4', () => {
    const doc: PrintDocument = {
      title: 'Слип',
      blocks: [
        { kind: 'field', label: 'Логин', value: '1000123', emphasis: 'bold' },
        { kind: 'field', label: 'Пароль', value: 'Ab3dE5gH7k', emphasis: 'large' },
        { kind: 'separator' },
        { kind: 'field', label: 'Выдан', value: '22.11.2026 14:05' },
      ],
    }
    const html = renderDocumentHtml(doc, 'a4')
    expect(html.match(/<table/g)).toHaveLength(2)
    expect(html).toContain(
      '<tr class="bold"><th scope="row">Логин</th><td>1000123</td></tr><tr class="large"><th scope="row">Пароль</th><td>Ab3dE5gH7k</td></tr>',
    )
  })

  it.each([
    ['thermal58', 58, 48],
    ['thermal80', 80, 72],
  ] as const)('prints %s on a %i mm roll with a %i mm column in a monospace font', (paper, roll, content) => {
    const html = renderDocumentHtml(HOSTILE_DOC, paper)
    expect(html).toContain(`@page{size:${roll}mm 297mm;margin:0}`)
    expect(html).toMatch(new RegExp(`body\\{width:${content}mm;margin:0 auto;`))
    expect(html).toMatch(/font-family:[^;]*monospace/)
    expect(html).not.toContain('size:A4')
    expect(html).toContain('<div class="field"><span class="label">')
    expect(html).toContain('<div class="field large"><span class="label">Пароль</span><span class="value">')
    expect(html).not.toContain('<table')
  })

  it.each(PAPER_KINDS)('lays out title, separator and text with emphasis and alignment (%s)', (paper) => {
    const doc: PrintDocument = {
      title: 'Слип',
      blocks: [
        { kind: 'title', text: 'Доступ в личный кабинет' },
        { kind: 'separator' },
        { kind: 'text', text: 'Смените пароль.', emphasis: 'bold', align: 'center' },
        { kind: 'text', text: 'Мелко', emphasis: 'small' },
        { kind: 'text', text: 'Просто' },
      ],
    }
    const html = renderDocumentHtml(doc, paper)
    expect(html).toContain('<h1>Доступ в личный кабинет</h1>')
    expect(html).toContain('<hr class="sep">')
    expect(html).toMatch(/hr\.sep\{[^}]*dashed/)
    expect(html).toContain('<p class="text bold center">Смените пароль.</p>')
    expect(html).toContain('<p class="text small">Мелко</p>')
    expect(html).toContain('<p class="text">Просто</p>')
  })

  it.each(PAPER_KINDS)('marks a copy «КОПИЯ» at the top and in the page title (%s)', (paper) => {
    const doc: PrintDocument = { title: 'Слип', blocks: [{ kind: 'title', text: 'Слип' }], copy: true }
    const html = renderDocumentHtml(doc, paper)
    expect(html).toContain('<title>КОПИЯ — Слип</title>')
    expect(html.indexOf('<div class="copy">КОПИЯ</div>')).toBeLessThan(html.indexOf('<h1>'))
    expect(renderDocumentHtml({ ...doc, copy: false }, paper)).not.toContain('КОПИЯ')
    expect(renderDocumentHtml({ title: 'Слип', blocks: doc.blocks }, paper)).not.toContain('КОПИЯ')
  })

  it('is deterministic and needs no DOM (this suite runs in plain Node)', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    expect(printDocumentSchema.parse(HOSTILE_DOC)).toEqual(HOSTILE_DOC)
    expect(renderDocumentHtml(HOSTILE_DOC, 'thermal58')).toBe(renderDocumentHtml(HOSTILE_DOC, 'thermal58'))
  })
})

describe('renderDocumentHtml: QR and table blocks', () => {
  const PAYER = '<img src=x onerror=alert(1)>'
  const TABLE_DOC: PrintDocument = {
    title: 'Квитанция',
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: `Услуга ${PAYER}`, width: 3 },
          { title: 'Сумма', align: 'right' },
        ],
        rows: [[PAYER, '1 234,56'], ['Только одна ячейка'], ['а', 'б', 'лишняя ячейка']],
        footer: ['Итого', `${PAYER}`],
      },
      { kind: 'qr', payload: `ST00012|Name=${PAYER}`, caption: `Оплата ${PAYER}`, sizeMm: 40 },
    ],
  }

  it.each(PAPER_KINDS)(
    'prints a payer named like markup literally in cells and the caption (%s)',
    (paper) => {
      const html = renderDocumentHtml(TABLE_DOC, paper)
      expect(html).not.toMatch(/<img/i)
      expect(html).not.toMatch(/<[^>]*onerror/i)
      expect(html).toContain(escapeHtml(PAYER))
      expect(html).toContain(`Оплата ${escapeHtml(PAYER)}`)
      // The payload is only encoded in the symbol, never written out.
      expect(html).not.toContain('ST00012')
    },
  )

  it('draws a table on A4 with weighted columns, aligned cells and a footer, rows fitted to the columns', () => {
    const html = renderDocumentHtml(TABLE_DOC, 'a4')
    expect(html).toContain('<colgroup><col style="width:75%"><col style="width:25%"></colgroup>')
    expect(html).toContain(
      `<thead><tr><th scope="col">Услуга ${escapeHtml(PAYER)}</th><th scope="col">Сумма</th></tr></thead>`,
    )
    expect(html).toContain(`<tr><td>${escapeHtml(PAYER)}</td><td class="right">1 234,56</td></tr>`)
    expect(html).toContain('<tr><td>Только одна ячейка</td><td class="right"></td></tr>')
    expect(html).toContain('<tr><td>а</td><td class="right">б</td></tr>')
    expect(html).not.toContain('лишняя ячейка')
    expect(html).toContain(
      `<tfoot><tr><td>Итого</td><td class="right">${escapeHtml(PAYER)}</td></tr></tfoot>`,
    )
  })

  it.each(['thermal58', 'thermal80'] as const)('draws a table on a roll as flex lines (%s)', (paper) => {
    const html = renderDocumentHtml(TABLE_DOC, paper)
    expect(html).not.toContain('<table')
    expect(html).toContain('<div class="row head"><span class="cell" style="flex:75 1 0">Услуга')
    expect(html).toContain(`<span class="cell right" style="flex:25 1 0">1 234,56</span>`)
    expect(html).toContain('<div class="row foot">')
  })

  it.each(PAPER_KINDS)(
    'embeds the QR as inline SVG with nothing external, the caption under it (%s)',
    (paper) => {
      const html = renderDocumentHtml(TABLE_DOC, paper)
      expect(html).toMatch(/<figure class="qr"><svg width="40mm" height="40mm" viewBox="0 0 (\d+) \1"/)
      expect(html).toMatch(/<path fill="#000" d="M4 4h7v1h-7z/)
      expect(html).toContain(`<figcaption>Оплата ${escapeHtml(PAYER)}</figcaption></figure>`)
      // The payer's text holds « src=» as escaped text; no tag may carry one.
      for (const external of [/<link/i, /url\(/i, /https?:/i, /<[^>]* src=/i, /<[^>]* href=/i, /data:/i]) {
        expect(html).not.toMatch(external)
      }
    },
  )

  it('says so instead of failing when the QR text is too long to encode', () => {
    const html = renderDocumentHtml({ title: 'К', blocks: [{ kind: 'qr', payload: 'Ж'.repeat(2000) }] }, 'a4')
    expect(html).toContain('QR-код не сформирован')
    expect(html).not.toContain('<svg')
  })

  it('takes widths and alignment only as numbers and its own classes', () => {
    const doc = {
      title: 'К',
      blocks: [
        {
          kind: 'table',
          columns: [
            { title: 'а', width: '1"><script>x</script>', align: '" onclick="x' },
            { title: 'б', width: -5 },
          ],
          rows: [['1', '2']],
        },
      ],
    } as unknown as PrintDocument
    for (const paper of PAPER_KINDS) {
      const html = renderDocumentHtml(doc, paper)
      expect(html).not.toMatch(/<script|onclick/i)
    }
  })

  it('validates the new blocks: QR size 15–60 mm, a payload of at most 2000 characters', () => {
    const ok = printDocumentSchema.safeParse(TABLE_DOC)
    expect(ok.success).toBe(true)
    const qr = (extra: object) =>
      printDocumentSchema.safeParse({ title: 'К', blocks: [{ kind: 'qr', payload: 'x', ...extra }] }).success
    expect(qr({})).toBe(true)
    expect(qr({ sizeMm: 14 })).toBe(false)
    expect(qr({ sizeMm: 61 })).toBe(false)
    expect(qr({ payload: 'x'.repeat(2001) })).toBe(false)
    expect(qr({ colour: 'red' })).toBe(false)
  })
})

describe('renderDocumentHtml: a QR before fields', () => {
  const doc: PrintDocument = {
    title: 'Квитанция',
    blocks: [
      { kind: 'qr', payload: 'ST00012|Sum=1', caption: 'Оплата' },
      { kind: 'field', label: 'Плательщик', value: 'Иванова' },
      { kind: 'field', label: 'Лицевой счёт', value: '1000000012' },
      { kind: 'separator' },
      { kind: 'qr', payload: 'ST00012|Sum=2' },
      { kind: 'text', text: 'После' },
    ],
  }

  it('stands beside the fields on A4, and on its own when no field follows', () => {
    const html = renderDocumentHtml(doc, 'a4')
    expect(html).toMatch(
      /<div class="beside"><div class="main"><table class="fields"><tbody><tr><th scope="row">Плательщик<\/th>[\s\S]*?<\/table><\/div><figure class="qr"><svg[^>]*>[\s\S]*?<figcaption>Оплата<\/figcaption><\/figure><\/div>/,
    )
    expect(html.match(/class="beside"/g)).toHaveLength(1)
    expect(html).toMatch(
      /<hr class="sep">\n<figure class="qr"><svg[\s\S]*?<\/figure>\n<p class="text">После<\/p>/,
    )
  })

  it.each(['thermal58', 'thermal80'] as const)('comes above the fields on a roll (%s)', (paper) => {
    const html = renderDocumentHtml(doc, paper)
    expect(html).not.toContain('class="beside"')
    expect(html.indexOf('<figure class="qr">')).toBeLessThan(html.indexOf('Плательщик'))
  })
})
