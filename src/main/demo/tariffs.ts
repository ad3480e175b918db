// Demo tariffs and norms: Sevastopol-like prices that rise on 1 July of the as-of year (as
// Russian utility tariffs do each summer), and the monthly consumption norms.
import type { NormRate, TariffRate } from '../../shared/billing/charges'

/** Index of a service in DEMO_SERVICES (generator.ts), the order the demo keeps everywhere. */
export const SERVICE_INDEX = {
  electricity: 0,
  cold_water: 1,
  hot_water: 2,
  gas: 3,
  wastewater: 4,
  heating: 5,
  solid_waste: 6,
} as const
export type DemoServiceCode = keyof typeof SERVICE_INDEX
export const SERVICE_COUNT = 7

/** Zone 0 is the single rate; zones 1 and 2 are day and night on two-zone electricity meters. */
export interface DemoTariff {
  service: DemoServiceCode
  zone: 0 | 1 | 2
  /** Kopecks per unit before and from 1 July of the as-of year. */
  before: number
  after: number
}

export const DEMO_TARIFFS: readonly DemoTariff[] = [
  { service: 'electricity', zone: 0, before: 471, after: 512 },
  { service: 'electricity', zone: 1, before: 540, after: 588 },
  { service: 'electricity', zone: 2, before: 240, after: 261 },
  { service: 'cold_water', zone: 0, before: 4467, after: 4890 },
  { service: 'hot_water', zone: 0, before: 21240, after: 23150 },
  { service: 'gas', zone: 0, before: 725, after: 789 },
  { service: 'wastewater', zone: 0, before: 3720, after: 4055 },
  { service: 'heating', zone: 0, before: 248000, after: 270500 },
  { service: 'solid_waste', zone: 0, before: 11250, after: 12260 },
]

export interface DemoNorm {
  service: DemoServiceCode
  basis: 'resident' | 'area'
  /** Millionths of the unit per resident (or per m²) per month. */
  micro: number
}

export const DEMO_NORMS: readonly DemoNorm[] = [
  { service: 'electricity', basis: 'resident', micro: 100_000_000 },
  { service: 'cold_water', basis: 'resident', micro: 4_240_000 },
  { service: 'hot_water', basis: 'resident', micro: 3_100_000 },
  { service: 'gas', basis: 'resident', micro: 10_000_000 },
  { service: 'wastewater', basis: 'resident', micro: 7_340_000 },
  { service: 'heating', basis: 'area', micro: 15_600 },
  { service: 'solid_waste', basis: 'resident', micro: 1_000_000 },
]

/** A period 'YYYY-MM' as a month number (year × 12 + month − 1), and back. */
export const periodIndex = (period: string): number =>
  Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1
export const periodOf = (index: number): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`

/**
 * When the demo's tariffs and norms take effect: the earlier rates from January at least a year
 * before the history starts (so every history period and the months before it are covered),
 * the new ones from July of the as-of year.
 */
export function tariffPeriods(asOf: string, historyMonths: number): { since: string; change: string } {
  const year = Number(asOf.slice(0, 4))
  const firstHistory = periodIndex(asOf.slice(0, 7)) - historyMonths
  const sinceYear = Math.min(year - 2, Math.floor(firstHistory / 12) - 1)
  return { since: `${sinceYear}-01`, change: `${year}-07` }
}

/** The demo's tariffs and norms as the charge engine reads them from the database. */
export function demoRates(asOf: string, historyMonths: number): { tariffs: TariffRate[]; norms: NormRate[] } {
  const { since, change } = tariffPeriods(asOf, historyMonths)
  return {
    tariffs: DEMO_TARIFFS.flatMap((t) => [
      { serviceCode: t.service, zone: t.zone, validFrom: since, priceKopecks: t.before },
      { serviceCode: t.service, zone: t.zone, validFrom: change, priceKopecks: t.after },
    ]),
    norms: DEMO_NORMS.map((n) => ({
      serviceCode: n.service,
      validFrom: since,
      basis: n.basis,
      quantityMicro: n.micro,
    })),
  }
}
