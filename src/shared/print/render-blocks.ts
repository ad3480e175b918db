// HTML of the QR and table blocks (render-html.ts lays out the page). Every text is escaped; the
// only numbers put into markup are computed here from validated widths and sizes.
import type { DocumentBlock, PaperKind } from './document'
import { escapeHtml } from './escape'
import { qrSvg } from './qr-svg'

export type QrBlock = Extract<DocumentBlock, { kind: 'qr' }>
export type TableBlock = Extract<DocumentBlock, { kind: 'table' }>

export const QR_TOO_LONG_TEXT = 'QR-код не сформирован: в нём слишком много данных.'

/** The QR as an inline SVG (the page's CSP allows no images from URLs, not even data:). */
export function qrBlockHtml(block: QrBlock): string {
  const svg = qrSvg(block.payload, block.sizeMm)
  if (!svg) return `<p class="text small">${escapeHtml(QR_TOO_LONG_TEXT)}</p>`
  const caption = block.caption?.trim() ? `<figcaption>${escapeHtml(block.caption)}</figcaption>` : ''
  return `<figure class="qr">${svg}${caption}</figure>`
}

/** Column shares in per cent, from the relative weights (1 where none or a bad one is given). */
export function columnPercents(columns: TableBlock['columns']): number[] {
  const weights = columns.map((c) => {
    const w = Number(c.width)
    return Number.isFinite(w) && w > 0 ? w : 1
  })
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => Math.round((w / total) * 10000) / 100)
}

/** A row cut or padded to the number of columns. */
export function fitRow(cells: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(cells[i] ?? ''))
}

const alignClass = (align: unknown): string => (align === 'right' ? ' class="right"' : '')

function a4Table(block: TableBlock): string {
  const n = block.columns.length
  const cols = columnPercents(block.columns)
    .map((p) => `<col style="width:${p}%">`)
    .join('')
  const head = block.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('')
  const cells = (row: readonly string[]): string =>
    fitRow(row, n)
      .map((cell, i) => `<td${alignClass(block.columns[i]?.align)}>${escapeHtml(cell)}</td>`)
      .join('')
  const body = block.rows.map((row) => `<tr>${cells(row)}</tr>`).join('')
  const foot = block.footer ? `<tfoot><tr>${cells(block.footer)}</tr></tfoot>` : ''
  return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`
}

/** On a roll: flex lines, the same layout electron-pos-printer gets (src/main/printing/pos-data.ts). */
function thermalTable(block: TableBlock): string {
  const n = block.columns.length
  const percents = columnPercents(block.columns)
  const line = (cls: string, row: readonly string[]): string =>
    `<div class="row${cls}">` +
    fitRow(row, n)
      .map((cell, i) => {
        const align = block.columns[i]?.align === 'right' ? ' right' : ''
        return `<span class="cell${align}" style="flex:${percents[i]} 1 0">${escapeHtml(cell)}</span>`
      })
      .join('') +
    '</div>'
  return [
    line(
      ' head',
      block.columns.map((c) => c.title),
    ),
    ...block.rows.map((row) => line('', row)),
    ...(block.footer ? [line(' foot', block.footer)] : []),
  ].join('')
}

export function tableBlockHtml(block: TableBlock, paper: PaperKind): string {
  return paper === 'a4' ? a4Table(block) : thermalTable(block)
}
