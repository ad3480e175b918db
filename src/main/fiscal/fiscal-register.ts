// The fiscal register port (54-ФЗ). A registered cash register (ККТ) prints and signs the fiscal
// receipt through its vendor's driver (ATOL, Штрих-М); an adapter for one implements this port.
// Without one, receipts are printed by the desk and say «Не является фискальным документом».
import type { FiscalMark } from '../services/documents/receipt'

/** Settlement sign (признак расчёта): приход, or возврат прихода for a refund. */
export type SettlementSign = 'income' | 'income_return'

export interface FiscalItem {
  name: string
  priceKopecks: number
  quantity: 1
  amountKopecks: number
  /** Предмет расчёта: always «услуга» for housing and utility services. */
  paymentSubject: 'service'
  /** Способ расчёта: «полный расчёт». */
  paymentMethod: 'full_payment'
  /** Utility payments collected by a settlement centre carry no VAT of their own. */
  vat: 'none'
}

export interface FiscalReceiptData {
  settlement: SettlementSign
  items: FiscalItem[]
  totalKopecks: number
  cashKopecks: number
  /** The cashier's name, printed and sent to the fiscal data operator. */
  operatorName: string
  /** Our receipt number, to find the fiscal document for a payment. */
  externalId: string
}

export interface FiscalRegister {
  readonly configured: boolean
  /** Registers and prints the fiscal receipt; rejects with a Russian message when the ККТ fails. */
  register(data: FiscalReceiptData): Promise<FiscalMark>
}

export const noFiscalRegister: FiscalRegister = {
  configured: false,
  register: () => Promise.reject(new Error('Фискальный регистратор не настроен')),
}

/** The 54-ФЗ data for a payment or refund: one «услуга» line per service, paid in full in cash. */
export function fiscalReceiptData(input: {
  kind: 'payment' | 'reversal'
  lines: Array<{ serviceName: string; amountKopecks: number }>
  cashKopecks: number
  clerkName: string
  receiptNumber: string
}): FiscalReceiptData {
  const items: FiscalItem[] = input.lines
    .filter((l) => l.amountKopecks > 0)
    .map((l) => ({
      name: l.serviceName,
      priceKopecks: l.amountKopecks,
      quantity: 1,
      amountKopecks: l.amountKopecks,
      paymentSubject: 'service',
      paymentMethod: 'full_payment',
      vat: 'none',
    }))
  return {
    settlement: input.kind === 'payment' ? 'income' : 'income_return',
    items,
    totalKopecks: items.reduce((a, i) => a + i.amountKopecks, 0),
    cashKopecks: input.cashKopecks,
    operatorName: input.clerkName,
    externalId: input.receiptNumber,
  }
}
