// The monthly charge engine (ПП РФ № 354 as the centre applies it): one account's services for one
// period from its meters, readings, earlier lines, tariffs and norms. Pure, so a rerun changes nothing.
import { averageMonthlyConsumption, zoneConsumption } from './consumption'
import { addPeriods, firstDay, formatPeriodRu, isPeriod, periodOf } from './period'
import { divRoundHalfUp, lineAmountKopecks, mulDivRoundHalfUp } from './rounding'

export type ChargeBasis = 'reading' | 'average' | 'norm' | 'norm_x1_5' | 'recalculation'

export interface TariffRate {
  serviceCode: string
  /** 0 for the single rate, 1..3 for the zones of a multi-zone meter. */
  zone: number
  validFrom: string
  priceKopecks: number
}

export interface NormRate {
  serviceCode: string
  validFrom: string
  basis: 'resident' | 'area'
  /** Millionths of the unit per resident, or per m², per month. */
  quantityMicro: number
}

export interface BillingMeter {
  id: string
  serviceCode: string
  zones: number
  digitCapacity: number
  installedOn: string
  nextVerificationOn: string
  status: 'active' | 'replaced' | 'removed'
  removedOn?: string | null
}

/** Only readings that count: not superseded, billable. */
export interface BillingReading {
  meterId: string
  period: string
  takenOn: string
  valuesMilli: number[]
  rollover: boolean
}

export interface PriorLine {
  period: string
  serviceCode: string
  meterId: string | null
  zone: number
  kind: ChargeBasis
  volumeMilli: number
  amountKopecks: number
}

export interface AccountBillingInput {
  period: string
  /** Services billed on this account, in display order. */
  serviceCodes: string[]
  registered: number
  owners: number
  areaCentiSqm: number
  /** All the account's meters. */
  meters: BillingMeter[]
  /** History up to and including `period`. */
  readings: BillingReading[]
  /** Lines already charged for periods before `period`. */
  priorLines: PriorLine[]
  tariffs: TariffRate[]
  norms: NormRate[]
}

export interface ChargeLine {
  serviceCode: string
  meterId: string | null
  zone: number
  kind: ChargeBasis
  volumeMilli: number
  priceKopecks: number
  amountKopecks: number
  /** For a recalculation: the period whose estimate it takes back; empty otherwise. */
  refPeriods: string[]
}

export interface ServiceCharge {
  serviceCode: string
  basis: ChargeBasis
  amountKopecks: number
  lines: ChargeLine[]
}

/** Wastewater volume = the volumes of these water services. */
export const WASTEWATER_FROM = ['cold_water', 'hot_water']
export const WASTEWATER = 'wastewater'
/** Periods in a row a missing reading may be estimated by the average before the norm applies. */
export const MAX_AVERAGE_PERIODS = 3

const ESTIMATED: ReadonlySet<ChargeBasis> = new Set<ChargeBasis>(['average', 'norm'])

/** Residents a norm is multiplied by: the registered, or else the owners, and never fewer than one. */
export function residentsFor(registered: number, owners: number): number {
  return Math.max(1, registered > 0 ? registered : owners)
}

// Rates are keyed by month; a validFrom written as a date counts for its whole month.
function latestRate<T extends { validFrom: string }>(
  rates: readonly T[],
  period: string,
  matches: (rate: T) => boolean,
): T | null {
  let best: T | null = null
  for (const rate of rates) {
    if (!matches(rate)) continue
    const from = rate.validFrom.slice(0, 7)
    if (from > period) continue
    if (!best || from > best.validFrom.slice(0, 7)) best = rate
  }
  return best
}

/** The tariff of a service and zone at `period` (the latest validFrom ≤ period), with no fallback. */
export function tariffAt(
  tariffs: readonly TariffRate[],
  serviceCode: string,
  zone: number,
  period: string,
): TariffRate | null {
  return latestRate(tariffs, period, (t) => t.serviceCode === serviceCode && t.zone === zone)
}

/** The norm of a service at `period` (the latest validFrom ≤ period). */
export function normAt(norms: readonly NormRate[], serviceCode: string, period: string): NormRate | null {
  return latestRate(norms, period, (n) => n.serviceCode === serviceCode)
}

/**
 * The monthly norm volume in milli-units: per resident × residents, or per m² × area (area in
 * hundredths of m²), rounded half up.
 */
export function normVolumeMilli(norm: NormRate, residents: number, areaCentiSqm: number): number {
  return norm.basis === 'area'
    ? mulDivRoundHalfUp(norm.quantityMicro, areaCentiSqm, 100 * 1000)
    : mulDivRoundHalfUp(norm.quantityMicro, residents, 1000)
}

/**
 * Whether a meter is billed by in `period`: from the month after its installation, and a
 * replaced or removed meter up to the month it came off (never, when that date is unknown).
 * Removed and replaced are treated alike so that rerunning an old period after the meter came
 * off gives the lines it gave then.
 */
export function isMeterCounted(meter: BillingMeter, period: string): boolean {
  if (period <= periodOf(meter.installedOn)) return false
  if (meter.status === 'active') return true
  return meter.removedOn ? period <= periodOf(meter.removedOn) : false
}

/** Whether the meter's verification had lapsed before `period` began (its readings are not used). */
export function isVerificationLapsed(meter: BillingMeter, period: string): boolean {
  return meter.nextVerificationOn < firstDay(period)
}

/** The zone a reading's i-th value is billed in: 0 on a single-rate meter, 1..n on a zoned one. */
export function lineZone(meter: BillingMeter, valueIndex: number): number {
  return meter.zones > 1 ? valueIndex + 1 : 0
}

// The reading that counts among several: the later period, then the later date, then the later
// in the list.
function counts(a: BillingReading, b: BillingReading): boolean {
  if (a.period !== b.period) return a.period > b.period
  return a.takenOn >= b.takenOn
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === null) continue
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/**
 * One account's charges for `input.period`, one ServiceCharge per service in `serviceCodes`
 * order. Throws an Error (in Russian, naming the service and period) when a tariff or norm the
 * period needs is missing, or when a reading the rules rely on is inconsistent.
 */
export function computeAccountCharges(input: AccountBillingInput): ServiceCharge[] {
  return new AccountRun(input).run()
}

class AccountRun {
  private readonly period: string
  private readonly residents: number
  private readonly readingsByMeter: Map<string, BillingReading[]>
  private readonly priorByMeter: Map<string, PriorLine[]>
  private readonly normVolumes = new Map<string, number>()

  constructor(private readonly input: AccountBillingInput) {
    if (!isPeriod(input.period)) {
      throw new RangeError(`Not a period (YYYY-MM): ${JSON.stringify(input.period)}`)
    }
    this.period = input.period
    this.residents = residentsFor(input.registered, input.owners)
    this.readingsByMeter = groupBy(input.readings, (r) => r.meterId)
    this.priorByMeter = groupBy(input.priorLines, (l) => (l.period < this.period ? l.meterId : null))
  }

  run(): ServiceCharge[] {
    // A code listed twice would charge the service twice; the first place keeps its order.
    const codes = [...new Set(this.input.serviceCodes)]
    const lines = new Map<string, ChargeLine[]>()
    for (const code of codes) if (code !== WASTEWATER) lines.set(code, this.serviceLines(code))
    // Wastewater follows the water services, so it is computed after them wherever it is listed.
    if (codes.includes(WASTEWATER)) lines.set(WASTEWATER, this.wastewaterLines(codes, lines))
    return codes.map((code) => serviceCharge(code, lines.get(code) ?? []))
  }

  private fail(what: string, serviceCode: string): never {
    throw new Error(
      `Нет ${what} услуги «${serviceCode}» на ${formatPeriodRu(this.period)} (${this.period}): ` +
        'добавьте его в справочник и повторите начисление.',
    )
  }

  private price(serviceCode: string, zone: number): number {
    const rate =
      (zone !== 0 ? tariffAt(this.input.tariffs, serviceCode, zone, this.period) : null) ??
      tariffAt(this.input.tariffs, serviceCode, 0, this.period)
    if (!rate) this.fail(zone !== 0 ? `тарифа (зона ${zone} или единый)` : 'тарифа', serviceCode)
    return rate.priceKopecks
  }

  private normVolume(serviceCode: string): number {
    let volume = this.normVolumes.get(serviceCode)
    if (volume === undefined) {
      const norm = normAt(this.input.norms, serviceCode, this.period)
      if (!norm) this.fail('норматива', serviceCode)
      volume = normVolumeMilli(norm, this.residents, this.input.areaCentiSqm)
      this.normVolumes.set(serviceCode, volume)
    }
    return volume
  }

  private line(
    serviceCode: string,
    meterId: string | null,
    zone: number,
    kind: ChargeBasis,
    volumeMilli: number,
  ): ChargeLine {
    const priceKopecks = this.price(serviceCode, zone)
    return {
      serviceCode,
      meterId,
      zone,
      kind,
      volumeMilli,
      priceKopecks,
      amountKopecks: lineAmountKopecks(volumeMilli, priceKopecks),
      refPeriods: [],
    }
  }

  private serviceLines(serviceCode: string): ChargeLine[] {
    const meters = this.input.meters
      .filter((m) => m.serviceCode === serviceCode && isMeterCounted(m, this.period))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (meters.length === 0) return [this.line(serviceCode, null, 0, 'norm', this.normVolume(serviceCode))]
    const normShare = (): number => divRoundHalfUp(this.normVolume(serviceCode), meters.length)
    return meters.flatMap((meter) => this.meterLines(meter, normShare))
  }

  private meterLines(meter: BillingMeter, normShare: () => number): ChargeLine[] {
    const code = meter.serviceCode
    if (isVerificationLapsed(meter, this.period)) {
      return [this.line(code, meter.id, 0, 'norm_x1_5', mulDivRoundHalfUp(normShare(), 3, 2))]
    }
    const readings = this.readingsByMeter.get(meter.id) ?? []
    let current: BillingReading | null = null
    let baseline: BillingReading | null = null
    for (const reading of readings) {
      if (reading.period === this.period) {
        if (!current || counts(reading, current)) current = reading
      } else if (reading.period < this.period) {
        if (!baseline || counts(reading, baseline)) baseline = reading
      }
    }
    if (current) return this.readingLines(meter, current, baseline)

    const estimated = new Set(
      (this.priorByMeter.get(meter.id) ?? []).filter((l) => ESTIMATED.has(l.kind)).map((l) => l.period),
    )
    let run = 0
    while (estimated.has(addPeriods(this.period, -(run + 1)))) run++
    if (run < MAX_AVERAGE_PERIODS) {
      const average = averageMonthlyConsumption(
        readings.filter((r) => r.period < this.period),
        this.period,
      )
      if (average && average.length === meter.zones) {
        return average.map((volume, i) => this.line(code, meter.id, lineZone(meter, i), 'average', volume))
      }
    }
    return [this.line(code, meter.id, 0, 'norm', normShare())]
  }

  private checkZones(meter: BillingMeter, reading: BillingReading): void {
    if (reading.valuesMilli.length !== meter.zones) {
      throw new Error(
        `Показание прибора ${meter.id} за период ${reading.period} содержит ${reading.valuesMilli.length} ` +
          `значений при ${meter.zones} зонах прибора: исправьте показание и повторите начисление.`,
      )
    }
  }

  private readingLines(
    meter: BillingMeter,
    current: BillingReading,
    baseline: BillingReading | null,
  ): ChargeLine[] {
    const code = meter.serviceCode
    this.checkZones(meter, current)
    if (!baseline) {
      // A first reading only sets the baseline: nothing measured yet, and nothing to set the
      // earlier estimates against.
      return current.valuesMilli.map((_, i) => this.line(code, meter.id, lineZone(meter, i), 'reading', 0))
    }
    this.checkZones(meter, baseline)
    const lines = current.valuesMilli.map((value, i) => {
      const volume = zoneConsumption(
        baseline.valuesMilli[i] as number,
        value,
        meter.digitCapacity,
        current.rollover,
      )
      if (volume === null) {
        throw new Error(
          `Показание прибора ${meter.id} за период ${this.period} меньше предыдущего, а переход через ноль ` +
            'не подтверждён: проверьте показания прибора и повторите начисление.',
        )
      }
      return this.line(code, meter.id, lineZone(meter, i), 'reading', volume)
    })
    const estimates = (this.priorByMeter.get(meter.id) ?? [])
      .filter((l) => ESTIMATED.has(l.kind) && l.period > baseline.period)
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.zone - b.zone))
    for (const estimate of estimates) lines.push(this.reversal(estimate))
    return lines
  }

  // Takes an estimate back to the kopeck; its price is shown for the record only.
  private reversal(estimate: PriorLine): ChargeLine {
    const zone = estimate.zone
    const rate =
      (zone !== 0 ? tariffAt(this.input.tariffs, estimate.serviceCode, zone, estimate.period) : null) ??
      tariffAt(this.input.tariffs, estimate.serviceCode, 0, estimate.period)
    const priceKopecks =
      rate?.priceKopecks ??
      (estimate.volumeMilli !== 0
        ? divRoundHalfUp(Math.abs(estimate.amountKopecks) * 1000, Math.abs(estimate.volumeMilli))
        : 0)
    return {
      serviceCode: estimate.serviceCode,
      meterId: estimate.meterId,
      zone,
      kind: 'recalculation',
      volumeMilli: 0 - estimate.volumeMilli,
      priceKopecks,
      amountKopecks: 0 - estimate.amountKopecks,
      refPeriods: [estimate.period],
    }
  }

  private wastewaterLines(
    codes: readonly string[],
    computed: ReadonlyMap<string, ChargeLine[]>,
  ): ChargeLine[] {
    const sources = WASTEWATER_FROM.filter((code) => codes.includes(code))
    // No water service on the account to follow: the wastewater norm of its own applies.
    if (sources.length === 0) return [this.line(WASTEWATER, null, 0, 'norm', this.normVolume(WASTEWATER))]
    let volume = 0
    let measured = false
    for (const code of sources) {
      for (const line of computed.get(code) ?? []) {
        volume += line.volumeMilli
        if (line.kind === 'reading') measured = true
      }
    }
    // Estimated water (average or norm) makes the wastewater an estimate too: the desk shows it as norm.
    return [this.line(WASTEWATER, null, 0, measured ? 'reading' : 'norm', volume)]
  }
}

function serviceCharge(serviceCode: string, unordered: ChargeLine[]): ServiceCharge {
  const lines = unordered
    .map((line, index) => ({ line, index }))
    .sort((a, b) => {
      const ma = a.line.meterId ?? ''
      const mb = b.line.meterId ?? ''
      if (ma !== mb) return ma < mb ? -1 : 1
      return a.line.zone - b.line.zone || a.index - b.index
    })
    .map(({ line }) => line)
  let amountKopecks = 0
  for (const line of lines) amountKopecks += line.amountKopecks
  // The desk shows one basis per service: a recalculation is what the clerk must be able to
  // explain, so it wins over the current month's kind; otherwise the first line's kind.
  const basis: ChargeBasis = lines.some((l) => l.kind === 'recalculation')
    ? 'recalculation'
    : (lines[0]?.kind ?? 'norm')
  return { serviceCode, basis, amountKopecks, lines }
}
