// A PrintDocument as electron-pos-printer lines for a thermal roll. The library puts every line's
// value into innerHTML of a window with Node integration, so each text is escaped here.
import type { PosPrintData, PosPrintOptions, PrintDataStyle } from 'electron-pos-printer'
import type { DocumentBlock, PrintDocument } from '../../shared/print/document'
import { escapeHtml } from '../../shared/print/escape'
import { COPY_MARK, THERMAL_WIDTH_MM, type ThermalPaper } from '../../shared/print/render-html'
import { qrLines, tableLines } from './pos-blocks'

export type { PosPrintData }

const MONO = "'DejaVu Sans Mono','Liberation Mono',Consolas,'Courier New',monospace"

const PAGE_SIZE = { thermal58: '58mm', thermal80: '80mm' } as const

function basePt(paper: ThermalPaper): number {
  return paper === 'thermal58' ? 8 : 9
}

/** Page options for PosPrinter.print: the roll size, and the printable width centred on it. */
export function thermalPageOptions(
  paper: ThermalPaper,
): Required<Pick<PosPrintOptions, 'pageSize' | 'width' | 'margin'>> {
  return { pageSize: PAGE_SIZE[paper], width: `${THERMAL_WIDTH_MM[paper].content}mm`, margin: '0 auto' }
}

function line(value: string, style: PrintDataStyle): PosPrintData {
  return { type: 'text', value, style }
}

function blockLines(block: DocumentBlock, paper: ThermalPaper): PosPrintData[] {
  const pt = basePt(paper)
  const base: PrintDataStyle = { fontFamily: MONO, fontSize: `${pt}pt`, lineHeight: '1.3', color: '#000' }
  switch (block.kind) {
    case 'qr':
      return qrLines(block, paper, base)
    case 'table':
      return tableLines(block, base)
    case 'title':
      return [
        line(escapeHtml(block.text), {
          ...base,
          fontSize: `${pt + 3}pt`,
          fontWeight: '700',
          textAlign: 'center',
          margin: '0 0 2mm',
        }),
      ]
    case 'separator':
      return [line('', { borderTop: '1px dashed #000', height: '0', margin: '1.5mm 0' })]
    case 'text': {
      const emphasis: PrintDataStyle =
        block.emphasis === 'bold'
          ? { fontWeight: '700' }
          : block.emphasis === 'small'
            ? { fontSize: `${pt - 1}pt` }
            : block.emphasis === 'large'
              ? { fontSize: `${pt + 3}pt`, fontWeight: '700' }
              : {}
      return [
        line(escapeHtml(block.text), {
          ...base,
          ...emphasis,
          textAlign: block.align ?? 'left',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          margin: '1mm 0',
        }),
      ]
    }
    case 'field': {
      const label = escapeHtml(block.label)
      const value = escapeHtml(block.value)
      if (block.emphasis === 'large') {
        // A one-time password on its own line, big: it is typed from the slip, letter by letter.
        return [
          line(label, { ...base, margin: '1mm 0 0' }),
          line(value, {
            ...base,
            fontSize: `${pt + 5}pt`,
            fontWeight: '700',
            letterSpacing: '0.08em',
            textAlign: 'center',
            overflowWrap: 'anywhere',
            margin: '0 0 1mm',
          }),
        ]
      }
      const weight = block.emphasis === 'bold' ? ';font-weight:700' : ''
      // Two columns in one line: the markup is ours, only the escaped texts come from the document.
      return [
        line(
          `<span style="flex:0 1 auto">${label}</span>` +
            `<span style="flex:1 1 auto;min-width:0;text-align:right;overflow-wrap:anywhere${weight}">${value}</span>`,
          {
            ...base,
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'baseline',
            gap: '2mm',
            margin: '0.5mm 0',
          },
        ),
      ]
    }
  }
}

export function toPosPrintData(doc: PrintDocument, paper: ThermalPaper): PosPrintData[] {
  const lines: PosPrintData[] = []
  if (doc.copy) {
    lines.push(
      line(COPY_MARK, {
        fontFamily: MONO,
        fontSize: `${basePt(paper) + 4}pt`,
        fontWeight: '700',
        letterSpacing: '0.3em',
        textAlign: 'center',
        border: '2px solid #000',
        margin: '0 0 2mm',
      }),
    )
  }
  for (const block of doc.blocks) lines.push(...blockLines(block, paper))
  return lines
}
