// The receipt for a payment or a refund: organisation and its requisites, office, counter, shift
// and receipt numbers, date and time, account, payer, address, period, per-service lines, total,
// cash, change, clerk and a QR code. Pure: built from the posted payment; a reprint says «КОПИЯ».
import { formatPeriodRu } from '../../../shared/billing/period'
import { formatMoney } from '../../../shared/money'
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'
import { formatDateTimeRu } from '../../../shared/zoned-format'

export const NOT_FISCAL = 'Не является фискальным документом'

export interface FiscalMark {
  registrationNumber: string
  fnNumber: string
  fdNumber: string
  fiscalSign: string
  /** The tax service's QR text (t=…&s=…&fn=…&i=…&fp=…&n=…). */
  qr: string
}

export interface ReceiptInput {
  kind: 'payment' | 'reversal'
  organisation: { name: string; inn: string; kpp: string; address: string; phone: string }
  office: { name: string; address: string }
  counterNumber: number
  shiftNumber: number
  receiptNo: number
  receiptNumber: string
  /** ISO instant, printed in the organisation's zone. */
  at: string
  timeZone: string
  account: { number: string; address: string }
  payerName: string
  period: string | null
  /** Positive amounts (a refund's lines are what is given back). */
  lines: Array<{ serviceName: string; amountKopecks: number }>
  totalKopecks: number
  /** Cash received (payment) or paid out (refund); change only for a payment. */
  cashKopecks: number
  changeKopecks: number
  clerkName: string
  /** A refund: the original receipt and the reason. */
  reverses?: { receiptNumber: string; reason: string; confirmedByName: string }
  fiscal: FiscalMark | null
}

/** What the QR code on a non-fiscal receipt says: enough to find the receipt again. */
export function receiptQrText(
  input: Pick<ReceiptInput, 'receiptNumber' | 'totalKopecks' | 'account' | 'at'>,
): string {
  return `OKNO-RECEIPT|N=${input.receiptNumber}|LS=${input.account.number}|S=${input.totalKopecks}|T=${input.at}`
}

export function buildReceipt(input: ReceiptInput, options: { copy?: boolean } = {}): PrintDocument {
  const refund = input.kind === 'reversal'
  const title = refund ? 'Чек возврата' : 'Чек об оплате'
  const org = input.organisation
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: title },
    { kind: 'text', text: org.name, align: 'center', emphasis: 'bold' },
    {
      kind: 'text',
      text: `ИНН ${org.inn}${org.kpp ? `, КПП ${org.kpp}` : ''}`,
      align: 'center',
      emphasis: 'small',
    },
    {
      kind: 'text',
      text: `${input.office.name}, ${input.office.address}`,
      align: 'center',
      emphasis: 'small',
    },
    { kind: 'separator' },
    { kind: 'field', label: refund ? 'Возврат прихода' : 'Приход', value: `чек № ${input.receiptNumber}` },
    {
      kind: 'field',
      label: 'Окно / смена / чек',
      value: `${input.counterNumber} / ${input.shiftNumber} / ${input.receiptNo}`,
    },
    { kind: 'field', label: 'Дата и время', value: formatDateTimeRu(input.at, input.timeZone) },
    { kind: 'separator' },
    { kind: 'field', label: 'Лицевой счёт', value: input.account.number, emphasis: 'bold' },
  ]
  if (input.payerName.trim()) blocks.push({ kind: 'field', label: 'Плательщик', value: input.payerName })
  blocks.push({ kind: 'field', label: 'Адрес', value: input.account.address })
  if (input.period) blocks.push({ kind: 'field', label: 'Период', value: formatPeriodRu(input.period) })
  blocks.push({ kind: 'separator' })
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Услуга', width: 3 },
      { title: 'Сумма', align: 'right', width: 2 },
    ],
    rows: input.lines
      .filter((l) => l.amountKopecks !== 0)
      .map((l) => [l.serviceName, formatMoney(l.amountKopecks)]),
  })
  blocks.push({ kind: 'field', label: 'Признак расчёта', value: refund ? 'возврат прихода' : 'приход' })
  blocks.push({ kind: 'field', label: 'Предмет расчёта', value: 'услуга, полный расчёт' })
  blocks.push({ kind: 'field', label: 'ИТОГО', value: formatMoney(input.totalKopecks), emphasis: 'bold' })
  if (refund) {
    blocks.push({ kind: 'field', label: 'Выдано наличными', value: formatMoney(input.cashKopecks) })
  } else {
    blocks.push({ kind: 'field', label: 'Наличными', value: formatMoney(input.cashKopecks) })
    blocks.push({ kind: 'field', label: 'Сдача', value: formatMoney(input.changeKopecks) })
  }
  if (input.reverses) {
    blocks.push({ kind: 'separator' })
    blocks.push({ kind: 'field', label: 'Возврат по чеку', value: `№ ${input.reverses.receiptNumber}` })
    blocks.push({ kind: 'field', label: 'Причина', value: input.reverses.reason })
    blocks.push({ kind: 'field', label: 'Возврат разрешил', value: input.reverses.confirmedByName })
  }
  blocks.push({ kind: 'separator' })
  blocks.push({ kind: 'field', label: 'Операционист', value: input.clerkName })
  if (input.fiscal) {
    blocks.push({ kind: 'field', label: 'РН ККТ', value: input.fiscal.registrationNumber })
    blocks.push({ kind: 'field', label: 'ФН', value: input.fiscal.fnNumber })
    blocks.push({ kind: 'field', label: 'ФД', value: input.fiscal.fdNumber })
    blocks.push({ kind: 'field', label: 'ФП', value: input.fiscal.fiscalSign })
  }
  blocks.push({ kind: 'qr', payload: input.fiscal?.qr ?? receiptQrText(input), sizeMm: 25 })
  if (!input.fiscal) blocks.push({ kind: 'text', text: NOT_FISCAL, align: 'center', emphasis: 'bold' })
  blocks.push({ kind: 'text', text: `Справки: ${org.phone}`, align: 'center', emphasis: 'small' })
  return { title, blocks, ...(options.copy ? { copy: true } : {}) }
}
