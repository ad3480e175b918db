// The slip handed to a customer whose meter readings were taken at the counter: the account,
// each meter's readings per zone with the consumption they give, and who accepted them when.
// Pure: built from what postReadings accepted, printed, never stored.
import { formatMeterValue } from '../../../shared/billing/meter-value'
import { formatPeriodRu } from '../../../shared/billing/period'
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'
import { formatDateTimeRu } from '../../../shared/zoned-format'

export interface ReadingSlipMeter {
  serviceName: string
  unit: string
  serial: string
  /** Digits after the point the meter shows: values and consumption are printed with as many. */
  fractionDigits: number
  /** «день», «ночь»…, one per zone; a one-zone meter's name is not printed. */
  zoneNames: string[]
  valuesMilli: number[]
  /** Per zone; null where it cannot be known (a first reading, a new meter). */
  consumptionMilli: Array<number | null>
}

export interface ReadingSlipInput {
  organisation: { name: string; phone: string }
  office: { name: string; address: string } | null
  clerkName: string
  /** ISO instant; printed in `timeZone` (the organisation's), not the machine's. */
  acceptedAt: string
  timeZone: string
  accountNumber: string
  address: string
  /** The period the readings count for, 'YYYY-MM'. */
  period: string
  meters: ReadingSlipMeter[]
}

export const READING_SLIP_TITLE = 'Приём показаний'

function field(label: string, value: string, emphasis?: 'bold' | 'large'): DocumentBlock[] {
  if (!value.trim()) return []
  return [emphasis ? { kind: 'field', label, value, emphasis } : { kind: 'field', label, value }]
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function meterBlocks(meter: ReadingSlipMeter): DocumentBlock[] {
  const multiZone = meter.valuesMilli.length > 1
  const unit = meter.unit.trim() ? ` ${meter.unit.trim()}` : ''
  // The serial on a line of its own: a narrow roll would otherwise break it at a hyphen.
  const blocks: DocumentBlock[] = [
    { kind: 'text', text: meter.serviceName, emphasis: 'bold' },
    { kind: 'field', label: 'Заводской номер', value: meter.serial },
  ]
  meter.valuesMilli.forEach((value, zone) => {
    const zoneName = meter.zoneNames[zone]?.trim() || `зона ${zone + 1}`
    const reading = multiZone ? capitalise(zoneName) : 'Показание'
    blocks.push({
      kind: 'field',
      label: reading,
      value: formatMeterValue(value, meter.fractionDigits) + unit,
    })
    const consumption = meter.consumptionMilli[zone]
    if (consumption !== null && consumption !== undefined) {
      blocks.push({
        kind: 'field',
        label: multiZone ? `Расход (${zoneName})` : 'Расход',
        value: formatMeterValue(consumption, meter.fractionDigits) + unit,
      })
    }
  })
  return blocks
}

/** The reading-acceptance slip (A4 or a thermal roll). */
export function buildReadingSlip(input: ReadingSlipInput): PrintDocument {
  if (input.meters.length === 0) throw new Error('Квитанция о приёме показаний без приборов не печатается.')
  for (const meter of input.meters) {
    if (meter.valuesMilli.length === 0) throw new Error(`Прибор № ${meter.serial} без показаний.`)
  }
  const office = input.office
    ? [input.office.name, input.office.address].filter((s) => s.trim()).join(', ')
    : ''
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: READING_SLIP_TITLE },
    ...field('Организация', input.organisation.name),
    ...field('Лицевой счёт', input.accountNumber, 'bold'),
    ...field('Адрес', input.address),
    ...field('Показания за', formatPeriodRu(input.period)),
    ...input.meters.flatMap((meter) => [{ kind: 'separator' } as const, ...meterBlocks(meter)]),
    { kind: 'separator' },
    ...field('Принято', formatDateTimeRu(input.acceptedAt, input.timeZone)),
    ...field('Операционист', input.clerkName),
    ...field('Отделение', office),
    ...field('Телефон для справок', input.organisation.phone),
  ]
  return { title: READING_SLIP_TITLE, blocks }
}
