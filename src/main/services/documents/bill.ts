// The monthly bill (квитанция / единый платёжный документ) on A4: the payer and the account,
// per-service charges with recalculations, payments and the sum to pay, the month's meter
// readings, the recipient's bank details and the payment QR code of ГОСТ Р 56042-2014.
// Pure: built from what the loader (src/main/services/bill.ts) read, printed or saved as PDF.
import { formatMeterValue } from '../../../shared/billing/meter-value'
import { formatPeriodRu } from '../../../shared/billing/period'
import { formatDateRu } from '../../../shared/dates'
import { formatAmount, formatMoney } from '../../../shared/money'
import { paymentPurpose, paymentQrForAccount, type PayeeRequisites } from '../../../shared/payment-qr'
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'

export interface BillServiceLine {
  serviceName: string
  unit: string
  /** Billed volume in thousandths of the unit; null where the month has none (a recalculation only). */
  volumeMilli: number | null
  /** Price per unit in kopecks, one per tariff zone used in the month. */
  tariffsKopecks: number[]
  debtAtStartKopecks: number
  chargedKopecks: number
  recalculationKopecks: number
  paidKopecks: number
  /** Debt at the start + charged + recalculation − paid. */
  toPayKopecks: number
}

export interface BillReading {
  serviceName: string
  unit: string
  serial: string
  /** «день», «ночь»…; null for a one-zone meter. */
  zoneName: string | null
  fractionDigits: number
  previousMilli: number | null
  currentMilli: number
  consumptionMilli: number | null
}

export interface BillInput {
  organisation: PayeeRequisites & { address: string; phone: string }
  accountNumber: string
  payer: { surname: string; firstName: string; patronymic: string | null } | null
  address: string
  apartment: string | null
  /** Hundredths of a square metre. */
  areaCentiSqm: number
  registeredCount: number
  /** 'YYYY-MM'. */
  period: string
  /** The date the bill is made, 'YYYY-MM-DD' (organisation time). */
  issuedOn: string
  services: BillServiceLine[]
  /** The account has meters: a month without readings says so. */
  hasMeters: boolean
  readings: BillReading[]
}

export const BILL_TITLE = 'Единый платёжный документ'
export const BILL_TEXTS = {
  qrCaption: 'Отсканируйте в приложении банка: реквизиты и сумма заполнятся сами',
  noCommission: 'Без комиссии — в кассах расчётного центра и в отделениях почты.',
  noReadings: 'Показания за этот месяц не передавались: начислено по среднему расходу или нормативу.',
} as const

/**
 * Side of the printed QR: a 640-byte payload (a long organisation name, the payer's address) is
 * version 19, about 0.55 mm per module — easy for a phone, and still read from a 150 dpi scan.
 */
export const BILL_QR_SIZE_MM = 55

/** «150,000» → «150», «4,320» → «4,32»: a volume or an area without trailing zeros. */
function trimZeros(text: string): string {
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text
}

function field(label: string, value: string, emphasis?: 'bold' | 'large'): DocumentBlock[] {
  if (!value.trim()) return []
  return [emphasis ? { kind: 'field', label, value, emphasis } : { kind: 'field', label, value }]
}

/** Negative amounts as «−12,34»; zero as a dash, so the columns read at a glance. */
function amount(kopecks: number): string {
  return kopecks === 0 ? '—' : formatAmount(kopecks)
}

function serviceRow(s: BillServiceLine): string[] {
  const unit = s.unit.trim() ? ` ${s.unit.trim()}` : ''
  return [
    s.serviceName,
    s.volumeMilli === null ? '—' : trimZeros(formatMeterValue(s.volumeMilli, 3)) + unit,
    s.tariffsKopecks.length ? s.tariffsKopecks.map(formatAmount).join(' / ') : '—',
    amount(s.debtAtStartKopecks),
    amount(s.chargedKopecks),
    amount(s.recalculationKopecks),
    amount(s.paidKopecks),
    formatAmount(s.toPayKopecks),
  ]
}

function readingBlocks(input: BillInput): DocumentBlock[] {
  if (!input.hasMeters) return []
  const heading: DocumentBlock = { kind: 'text', text: 'Показания приборов учёта', emphasis: 'bold' }
  if (input.readings.length === 0)
    return [heading, { kind: 'text', text: BILL_TEXTS.noReadings, emphasis: 'small' }]
  const value = (milli: number | null, r: BillReading): string =>
    milli === null ? '—' : formatMeterValue(milli, r.fractionDigits)
  return [
    heading,
    {
      kind: 'table',
      columns: [
        { title: 'Услуга', width: 3 },
        { title: 'Прибор №', width: 1.6 },
        { title: 'Зона', width: 1 },
        { title: 'Предыдущее', align: 'right', width: 1.5 },
        { title: 'Текущее', align: 'right', width: 1.5 },
        { title: 'Расход', align: 'right', width: 1.5 },
      ],
      rows: input.readings.map((r) => [
        r.serviceName,
        r.serial,
        r.zoneName ?? '—',
        value(r.previousMilli, r),
        value(r.currentMilli, r),
        r.consumptionMilli === null ? '—' : `${value(r.consumptionMilli, r)} ${r.unit}`.trim(),
      ]),
    },
  ]
}

function payerName(input: BillInput): string {
  const p = input.payer
  return p ? [p.surname, p.firstName, p.patronymic].filter((s) => s?.trim()).join(' ') : ''
}

/** The bill for one account and month. Throws on data a bill cannot be made from (a bug upstream). */
export function buildBill(input: BillInput): PrintDocument {
  if (input.services.length === 0) throw new Error('Квитанция без услуг не печатается.')
  const sum = (pick: (s: BillServiceLine) => number): number =>
    input.services.reduce((a, s) => a + pick(s), 0)
  const toPay = sum((s) => s.toPayKopecks)
  const month = formatPeriodRu(input.period)
  const org = input.organisation
  const qr = paymentQrForAccount(org, {
    accountNumber: input.accountNumber,
    period: input.period,
    sumKopecks: Math.max(0, toPay),
    surname: input.payer?.surname ?? null,
    firstName: input.payer?.firstName ?? null,
    patronymic: input.payer?.patronymic ?? null,
    address: input.address,
    flat: input.apartment,
  })
  const area = input.areaCentiSqm > 0 ? `${trimZeros(formatAmount(input.areaCentiSqm))} м²` : ''
  const due =
    toPay >= 0
      ? field('Итого к оплате', formatMoney(toPay), 'bold')
      : field('Переплата', formatMoney(-toPay), 'bold')
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${BILL_TITLE} за ${month}` },
    {
      kind: 'text',
      text: [org.name, org.address, org.phone ? `тел. ${org.phone}` : ''].filter((s) => s.trim()).join(' · '),
      emphasis: 'small',
      align: 'center',
    },
    { kind: 'separator' },
    // The QR stands beside the payer's lines (src/shared/print/render-html.ts), the sum under them.
    { kind: 'qr', payload: qr, caption: BILL_TEXTS.qrCaption, sizeMm: BILL_QR_SIZE_MM },
    ...field('Плательщик', payerName(input)),
    ...field('Адрес', input.address),
    ...field('Лицевой счёт', input.accountNumber, 'bold'),
    ...field('Расчётный период', month),
    ...field('Площадь', area),
    ...field('Зарегистрировано', `${input.registeredCount} чел.`),
    ...due,
    { kind: 'text', text: `Начисления за ${month}, ₽`, emphasis: 'bold' },
    {
      kind: 'table',
      columns: [
        { title: 'Услуга', width: 2.2 },
        { title: 'Объём', align: 'right', width: 1.4 },
        { title: 'Тариф', align: 'right', width: 1 },
        { title: 'Долг на начало', align: 'right', width: 1.35 },
        { title: 'Начислено', align: 'right', width: 1.35 },
        { title: 'Перерасчёт', align: 'right', width: 1.35 },
        { title: 'Оплачено', align: 'right', width: 1.35 },
        { title: 'К оплате', align: 'right', width: 1.35 },
      ],
      rows: input.services.map(serviceRow),
      footer: [
        'Итого',
        '',
        '',
        amount(sum((s) => s.debtAtStartKopecks)),
        amount(sum((s) => s.chargedKopecks)),
        amount(sum((s) => s.recalculationKopecks)),
        amount(sum((s) => s.paidKopecks)),
        formatAmount(toPay),
      ],
    },
    ...readingBlocks(input),
    { kind: 'separator' },
    { kind: 'text', text: 'Реквизиты для оплаты', emphasis: 'bold' },
    { kind: 'text', text: `Получатель: ${org.name}, ИНН ${org.inn}, КПП ${org.kpp}` },
    {
      kind: 'text',
      text: `Расчётный счёт ${org.settlement_account} в ${org.bank_name}, БИК ${org.bic}, корр. счёт ${org.correspondent_account}`,
    },
    {
      kind: 'text',
      text: `Назначение платежа: ${paymentPurpose(input.accountNumber, input.period)}. Сумма: ${formatMoney(Math.max(0, toPay))}`,
    },
    { kind: 'text', text: BILL_TEXTS.noCommission, emphasis: 'small' },
    { kind: 'text', text: `Документ сформирован ${formatDateRu(input.issuedOn)}.`, emphasis: 'small' },
  ]
  return { title: `Квитанция за ${month}, л/с ${input.accountNumber}`, blocks }
}
