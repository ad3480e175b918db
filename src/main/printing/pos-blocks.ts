// electron-pos-printer lines for the QR and table blocks. The library puts a text line's value
// into innerHTML of a Node-enabled window: every cell is escaped, the spans around them are ours.
// The QR goes as an image line, whose data: URL the library sets as an <img> source (never markup).
import type { PosPrintData, PrintDataStyle } from 'electron-pos-printer'
import { escapeHtml } from '../../shared/print/escape'
import {
  columnPercents,
  fitRow,
  QR_TOO_LONG_TEXT,
  type QrBlock,
  type TableBlock,
} from '../../shared/print/render-blocks'
import { THERMAL_WIDTH_MM, type ThermalPaper } from '../../shared/print/render-html'
import { clampQrSizeMm, qrSvg } from '../../shared/print/qr-svg'

export function qrLines(block: QrBlock, paper: ThermalPaper, base: PrintDataStyle): PosPrintData[] {
  const mm = Math.min(clampQrSizeMm(block.sizeMm), THERMAL_WIDTH_MM[paper].content)
  const svg = qrSvg(block.payload, mm, true)
  if (!svg) {
    return [{ type: 'text', value: escapeHtml(QR_TOO_LONG_TEXT), style: { ...base, margin: '1mm 0' } }]
  }
  const lines: PosPrintData[] = [
    {
      type: 'image',
      url: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
      position: 'center',
      width: `${mm}mm`,
      height: `${mm}mm`,
      style: { margin: '1mm 0' },
    },
  ]
  if (block.caption?.trim()) {
    lines.push({
      type: 'text',
      value: escapeHtml(block.caption),
      style: { ...base, textAlign: 'center', overflowWrap: 'anywhere', margin: '0 0 1mm' },
    })
  }
  return lines
}

export function tableLines(block: TableBlock, base: PrintDataStyle): PosPrintData[] {
  const n = block.columns.length
  const percents = columnPercents(block.columns)
  const line = (row: readonly string[], extra: PrintDataStyle): PosPrintData => ({
    type: 'text',
    value: fitRow(row, n)
      .map((cell, i) => {
        const align = block.columns[i]?.align === 'right' ? ';text-align:right' : ''
        return `<span style="flex:${percents[i]} 1 0;min-width:0;overflow-wrap:anywhere${align}">${escapeHtml(cell)}</span>`
      })
      .join(''),
    style: { ...base, display: 'flex', gap: '1mm', margin: '0.3mm 0', ...extra },
  })
  return [
    line(
      block.columns.map((c) => c.title),
      { fontWeight: '700', borderBottom: '1px solid #000' },
    ),
    ...block.rows.map((row) => line(row, {})),
    ...(block.footer ? [line(block.footer, { fontWeight: '700', borderTop: '1px solid #000' })] : []),
  ]
}
