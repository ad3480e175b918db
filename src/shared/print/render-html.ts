// A PrintDocument as one standalone HTML page: the in-app preview (an iframe) and A4 printing.
// Pure string building, so the renderer and main produce byte-identical pages.
import type { DocumentBlock, PaperKind, PrintDocument } from './document'
import { escapeHtml } from './escape'
import { qrBlockHtml, tableBlockHtml } from './render-blocks'

export type ThermalPaper = Exclude<PaperKind, 'a4'>

/** Roll width and the printable width inside it (the print head is narrower than the roll). */
export const THERMAL_WIDTH_MM: Record<ThermalPaper, { paper: number; content: number }> = {
  thermal58: { paper: 58, content: 48 },
  thermal80: { paper: 80, content: 72 },
}

export const COPY_MARK = 'КОПИЯ'

// Defence in depth: even if an unescaped value slipped through, the page could run nothing and
// fetch nothing.
const CSP = "default-src 'none'; style-src 'unsafe-inline'"

const COMMON_CSS = `
*{box-sizing:border-box}
html{background:#fff;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0}
h1{margin:0 0 .6em;text-align:center;font-weight:700;line-height:1.2}
.copy{margin:0 0 .8em;padding:.15em 0;border:2px solid #000;text-align:center;font-weight:700;letter-spacing:.3em}
hr.sep{clear:both;border:0;border-top:1px dashed #000;margin:.6em 0}
p.text{margin:.35em 0;white-space:pre-wrap;overflow-wrap:anywhere}
p.bold{font-weight:700}
p.small{font-size:.85em}
p.large{font-size:1.35em;font-weight:700}
.left{text-align:left}
.center{text-align:center}
.right{text-align:right}
figure.qr{margin:.5em 0;text-align:center;break-inside:avoid}
figure.qr svg{display:block;margin:0 auto;max-width:100%;height:auto}
figure.qr figcaption{margin-top:.25em;font-size:.85em;overflow-wrap:anywhere}
`

const A4_CSS = `
@page{size:A4;margin:15mm}
body{font-family:'Liberation Sans',Arial,'Helvetica Neue',sans-serif;font-size:12pt;line-height:1.35}
h1{font-size:18pt}
.copy{font-size:16pt}
table.fields{width:100%;border-collapse:collapse;margin:.4em 0}
table.fields th{width:38%;padding:.25em 1em .25em 0;text-align:left;vertical-align:top;font-weight:400}
table.fields td{padding:.25em 0;vertical-align:top;overflow-wrap:anywhere}
table.fields tr.bold td{font-weight:700}
.beside{display:flex;gap:6mm;align-items:flex-start;break-inside:avoid}
.beside .main{flex:1 1 auto;min-width:0}
.beside figure.qr{flex:0 0 auto;max-width:60mm;margin:.4em 0}
table.grid{width:100%;border-collapse:collapse;margin:.4em 0;font-size:9pt;line-height:1.25;font-variant-numeric:tabular-nums}
table.grid th,table.grid td{border:.75pt solid #000;padding:.2em .35em;vertical-align:top;overflow-wrap:anywhere}
table.grid thead th{font-weight:700;background:#eee;text-align:center;overflow-wrap:normal}
table.grid tfoot td{font-weight:700}
table.fields tr.large td{font-size:16pt;font-weight:700;font-family:'Liberation Mono','DejaVu Sans Mono',Consolas,monospace;letter-spacing:.08em}
@media screen{html{background:#e0e0e0}body{width:210mm;min-height:297mm;margin:8mm auto;padding:15mm;background:#fff}}
`

function thermalCss(paper: ThermalPaper): string {
  const { paper: rollMm, content: contentMm } = THERMAL_WIDTH_MM[paper]
  const sideMm = (rollMm - contentMm) / 2
  const fontPt = paper === 'thermal58' ? 8 : 9
  // A roll has no page height; 297 mm is the usual driver default, and receipt drivers stop
  // feeding after the last printed line.
  return `
@page{size:${rollMm}mm 297mm;margin:0}
body{width:${contentMm}mm;margin:0 auto;padding:2mm 0;font-family:'DejaVu Sans Mono','Liberation Mono',Consolas,'Courier New',monospace;font-size:${fontPt}pt;line-height:1.3}
h1{font-size:${fontPt + 3}pt}
.copy{font-size:${fontPt + 4}pt}
.field{display:flex;justify-content:space-between;align-items:baseline;gap:2mm;margin:.15em 0}
.field .label{flex:0 1 auto}
.field .value{flex:1 1 auto;min-width:0;text-align:right;overflow-wrap:anywhere}
.field.bold .value{font-weight:700}
.field.large{flex-wrap:wrap}
.row{display:flex;gap:1mm;margin:.1em 0}
.row .cell{min-width:0;overflow-wrap:anywhere}
.row.head{font-weight:700;border-bottom:1px solid #000}
.row.foot{font-weight:700;border-top:1px solid #000}
.field.large .value{flex-basis:100%;text-align:center;font-size:${fontPt + 5}pt;font-weight:700;letter-spacing:.08em}
@media screen{html{background:#e0e0e0}body{width:${rollMm}mm;margin:4mm auto;padding:3mm ${sideMm}mm;background:#fff}}
`
}

type Field = Extract<DocumentBlock, { kind: 'field' }>

// Class names come from these maps only, never from document text.
const TEXT_EMPHASIS = { bold: 'bold', small: 'small', large: 'large' } as const
const ALIGN = { left: 'left', center: 'center', right: 'right' } as const
const FIELD_EMPHASIS = { bold: 'bold', large: 'large' } as const

function classes(...names: Array<string | undefined>): string {
  const list = names.filter((n): n is string => Boolean(n))
  return list.length ? ` class="${list.join(' ')}"` : ''
}

function fieldsHtml(fields: Field[], paper: PaperKind): string {
  if (paper === 'a4') {
    const rows = fields.map((f) => {
      const cls = classes(f.emphasis && FIELD_EMPHASIS[f.emphasis])
      return `<tr${cls}><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`
    })
    return `<table class="fields"><tbody>${rows.join('')}</tbody></table>`
  }
  return fields
    .map((f) => {
      const cls = classes('field', f.emphasis && FIELD_EMPHASIS[f.emphasis])
      return `<div${cls}><span class="label">${escapeHtml(f.label)}</span><span class="value">${escapeHtml(f.value)}</span></div>`
    })
    .join('')
}

function blockHtml(block: Exclude<DocumentBlock, Field>, paper: PaperKind): string {
  switch (block.kind) {
    case 'qr':
      return qrBlockHtml(block)
    case 'table':
      return tableBlockHtml(block, paper)
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`
    case 'separator':
      return '<hr class="sep">'
    case 'text': {
      const cls = classes(
        'text',
        block.emphasis && TEXT_EMPHASIS[block.emphasis],
        block.align && ALIGN[block.align],
      )
      return `<p${cls}>${escapeHtml(block.text)}</p>`
    }
  }
}

function bodyHtml(doc: PrintDocument, paper: PaperKind): string {
  const parts: string[] = []
  if (doc.copy) parts.push(`<div class="copy">${COPY_MARK}</div>`)
  // Consecutive fields form one table on A4 so their labels line up in a column. A QR code just
  // before them stands to their right (a bill's payment code beside the payee's requisites).
  let run: Field[] = []
  let beside: string | null = null
  const flush = (): void => {
    if (run.length) {
      const fields = fieldsHtml(run, paper)
      parts.push(beside ? `<div class="beside"><div class="main">${fields}</div>${beside}</div>` : fields)
    } else if (beside) parts.push(beside)
    run = []
    beside = null
  }
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'field') {
      run.push(block)
      return
    }
    flush()
    if (block.kind === 'qr' && paper === 'a4' && doc.blocks[i + 1]?.kind === 'field') {
      beside = blockHtml(block, paper)
      return
    }
    parts.push(blockHtml(block, paper))
  })
  flush()
  return parts.join('\n')
}

/**
 * A complete HTML page: no scripts, no external resources, every document text escaped.
 * `doc.title` names the page (the print job); the visible heading is the document's title block.
 */
export function renderDocumentHtml(doc: PrintDocument, paper: PaperKind): string {
  const css = COMMON_CSS + (paper === 'a4' ? A4_CSS : thermalCss(paper))
  const title = (doc.copy ? `${COPY_MARK} — ` : '') + doc.title
  return [
    '<!doctype html>',
    '<html lang="ru">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    bodyHtml(doc, paper),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
