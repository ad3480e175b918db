// X-report (the shift so far) and Z-report (the shift as closed). Pure: built from the figures;
// the Z-report from the content stored at closing, so every reprint says exactly the same.
import type { AuditHead } from '../../../shared/domain/app'
import type { ShiftFigures } from '../../../shared/domain/cash'
import { formatMoney } from '../../../shared/money'
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'
import { formatDateTimeRu } from '../../../shared/zoned-format'

/**
 * An audit chain's head as the Z-report keeps and prints it, so a later truncation or rewrite of
 * the log shows against paper: the desk's own chain, and in office mode also the chain the server
 * wrote the closing into.
 */
export interface ZReportHead extends AuditHead {
  chain: 'desk' | 'server'
}

export interface ShiftReportInput {
  kind: 'x' | 'z'
  organisationName: string
  officeName: string
  counterNumber: number
  shiftNumber: number
  openedAt: string
  openedByName: string
  /** When the report was taken (X) or the shift closed (Z). */
  at: string
  byName: string
  timeZone: string
  figures: ShiftFigures
  /** Z only: the counted cash and who confirmed a difference above the tolerance. */
  countedKopecks?: number
  confirmedByName?: string | null
  /** Z only: the audit chains' heads at closing (absent on reports closed before they were kept). */
  auditHeads?: ZReportHead[]
}

const CHAIN_TITLES: Record<ZReportHead['chain'], string> = {
  desk: 'Журнал окна',
  server: 'Журнал сервера',
}

/** The first 16 hex digits of a hash in groups of four: enough to compare by eye with the log. */
export function shortHash(hash: string): string {
  return hash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ')
}

const money = (label: string, kopecks: number, emphasis?: 'bold'): DocumentBlock =>
  emphasis
    ? { kind: 'field', label, value: formatMoney(kopecks), emphasis }
    : { kind: 'field', label, value: formatMoney(kopecks) }

export function buildShiftReport(input: ShiftReportInput, options: { copy?: boolean } = {}): PrintDocument {
  const f = input.figures
  const title = input.kind === 'z' ? `Z-отчёт № ${input.shiftNumber}` : 'X-отчёт'
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: title },
    { kind: 'text', text: input.organisationName, align: 'center' },
    { kind: 'text', text: `${input.officeName}, окно ${input.counterNumber}`, align: 'center' },
    { kind: 'separator' },
    { kind: 'field', label: 'Смена', value: `№ ${input.shiftNumber}` },
    {
      kind: 'field',
      label: 'Открыта',
      value: `${formatDateTimeRu(input.openedAt, input.timeZone)}, ${input.openedByName}`,
    },
    {
      kind: 'field',
      label: input.kind === 'z' ? 'Закрыта' : 'Отчёт снят',
      value: `${formatDateTimeRu(input.at, input.timeZone)}, ${input.byName}`,
    },
    { kind: 'separator' },
    money('Размен на начало', f.floatKopecks),
    money(`Платежи (${f.paymentsCount})`, f.paymentsKopecks),
    money(`Возвраты (${f.refundsCount})`, f.refundsKopecks),
    money('Внесения', f.cashInKopecks),
    money('Изъятия', f.cashOutKopecks),
    money('Должно быть в кассе', f.expectedKopecks, 'bold'),
  ]
  if (input.kind === 'z' && input.countedKopecks !== undefined) {
    const difference = input.countedKopecks - f.expectedKopecks
    blocks.push(money('Пересчитано', input.countedKopecks, 'bold'))
    blocks.push({
      kind: 'field',
      label: difference < 0 ? 'Недостача' : difference > 0 ? 'Излишек' : 'Расхождение',
      value: formatMoney(Math.abs(difference)),
      emphasis: 'bold',
    })
    if (input.confirmedByName)
      blocks.push({ kind: 'field', label: 'Расхождение подтвердил', value: input.confirmedByName })
  }
  if (f.byService.length > 0) {
    blocks.push({ kind: 'separator' }, { kind: 'text', text: 'По услугам', emphasis: 'bold' })
    for (const s of f.byService) blocks.push(money(s.serviceName, s.amountKopecks))
  }
  if (input.kind === 'z' && input.auditHeads?.length) {
    blocks.push({ kind: 'separator' })
    for (const head of input.auditHeads) {
      blocks.push({
        kind: 'field',
        label: `${CHAIN_TITLES[head.chain]}, запись № ${head.seq}`,
        value: shortHash(head.hash),
      })
    }
  }
  if (input.kind === 'z') {
    blocks.push(
      { kind: 'separator' },
      { kind: 'text', text: 'Смена закрыта. Отчёт не изменяется.', emphasis: 'small' },
    )
  }
  return { title, blocks, ...(options.copy ? { copy: true } : {}) }
}
