// Readings and charges as the desk shows them. Quantities in thousandths of the unit (milli),
// money in kopecks, periods 'YYYY-MM'.
import type { PrintDocument } from '../print/document'

export type ReadingSource = 'office' | 'phone' | 'web'
export type ChargeBasisKind = 'reading' | 'average' | 'norm' | 'norm_x1_5' | 'recalculation'

export interface PreviousReading {
  period: string
  takenOn: string
  valuesMilli: number[]
}

/** One meter in the readings form: what the clerk needs to read it off and check it. */
export interface MeterForReading {
  meterId: string
  serviceCode: string
  serviceName: string
  unit: string
  serial: string
  zones: number
  digitCapacity: number
  fractionDigits: number
  nextVerificationOn: string
  lapsed: boolean
  previous: PreviousReading | null
  /** A reading already taken for the target period (a new one replaces it only when confirmed). */
  current: PreviousReading | null
  /** Monthly average per zone over the last six periods, when known. */
  averageMilli: number[] | null
}

export interface ReadingsForm {
  accountId: string
  today: string
  /** The period a reading taken today counts for, and whether today is outside the window. */
  period: string
  outsideWindow: boolean
  window: { fromDay: number; toDay: number }
  meters: MeterForReading[]
}

/** What the clerk confirmed for a meter after the checks asked. */
export interface ReadingConfirmations {
  rollover?: boolean
  anomaly?: boolean
  replaceExisting?: boolean
}

export interface MeterReplacement {
  serial: string
  digitCapacity: number
  fractionDigits: number
  installedOn: string
  nextVerificationOn: string
  startValues: string[]
}

export interface ReadingEntry {
  meterId: string
  values: string[]
  confirm?: ReadingConfirmations
  replacement?: MeterReplacement
}

export interface ReadingsInput {
  accountId: string
  takenOn: string
  source: ReadingSource
  entries: ReadingEntry[]
}

/**
 * A finding about one meter's reading. error: cannot be accepted as typed; confirm: accepted
 * only when the clerk ticks the confirmation named by `confirm`; warning: accepted, told.
 */
export interface ReadingIssue {
  meterId: string
  zone: number | null
  level: 'error' | 'confirm' | 'warning'
  code:
    | 'value'
    | 'date'
    | 'below_previous'
    | 'anomaly'
    | 'long_gap'
    | 'replace_existing'
    | 'outside_window'
    | 'lapsed'
    | 'meter'
    | 'replacement'
  confirm?: keyof ReadingConfirmations
  message: string
}

export interface ReadingCheckResult {
  period: string
  issues: ReadingIssue[]
  /** Consumption per meter and zone, as it would be accepted (null where not computable). */
  consumption: Record<string, Array<number | null>>
}

export interface ReadingsPosted {
  period: string
  accepted: Array<{
    meterId: string
    readingId: string
    consumptionMilli: Array<number | null>
    review: boolean
  }>
  warnings: string[]
  slip: PrintDocument
}

export interface MeterHistoryPoint {
  readingId: string
  period: string
  takenOn: string
  source: string
  valuesMilli: number[]
  consumptionMilli: number | null
  status: 'active' | 'superseded'
  review: boolean
  billable: boolean
}

export interface MeterHistory {
  meterId: string
  serviceName: string
  unit: string
  serial: string
  zones: number
  fractionDigits: number
  status: string
  points: MeterHistoryPoint[]
}

export interface ServiceAmount {
  serviceCode: string
  serviceName: string
  amountKopecks: number
}

export interface StatementMonth {
  period: string
  chargedKopecks: number
  paidKopecks: number
  /** Debt at the end of the month (positive = owed). */
  debtKopecks: number
}

export interface AccountStatement {
  accountId: string
  from: string
  to: string
  openingDebtKopecks: number
  months: StatementMonth[]
}

export interface ChargeLineView {
  serviceCode: string
  serviceName: string
  unit: string
  kind: ChargeBasisKind
  meterSerial: string | null
  zone: number
  volumeMilli: number
  priceKopecks: number
  amountKopecks: number
  refPeriods: string[]
}

export interface MonthDetail {
  accountId: string
  period: string
  services: Array<ServiceAmount & { basis: ChargeBasisKind }>
  lines: ChargeLineView[]
  totalKopecks: number
}

export interface AccountBalance {
  accountId: string
  asOf: string
  services: Array<ServiceAmount>
  totalKopecks: number
}

export interface ChargeRunResult {
  runId: string
  period: string
  accounts: number
  changed: number
  totalKopecks: number
  seconds: number
}
