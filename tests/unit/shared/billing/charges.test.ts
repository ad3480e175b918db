import { describe, expect, it } from 'vitest'
import {
  computeAccountCharges,
  isMeterCounted,
  isVerificationLapsed,
  normAt,
  residentsFor,
  tariffAt,
  WASTEWATER_FROM,
  type AccountBillingInput,
  type BillingMeter,
  type BillingReading,
  type ChargeLine,
  type NormRate,
  type PriorLine,
  type ServiceCharge,
  type TariffRate,
} from '../../../../src/shared/billing/charges'

// Sevastopol-like prices in kopecks per unit (kWh, m³, Gcal, person) and norms in millionths.
const TARIFFS: TariffRate[] = [
  { serviceCode: 'electricity', zone: 0, validFrom: '2026-01', priceKopecks: 550 },
  { serviceCode: 'electricity', zone: 1, validFrom: '2026-01', priceKopecks: 471 },
  { serviceCode: 'electricity', zone: 2, validFrom: '2026-01', priceKopecks: 240 },
  { serviceCode: 'cold_water', zone: 0, validFrom: '2026-01', priceKopecks: 5213 },
  { serviceCode: 'hot_water', zone: 0, validFrom: '2026-01', priceKopecks: 21_837 },
  { serviceCode: 'wastewater', zone: 0, validFrom: '2026-01', priceKopecks: 4021 },
  { serviceCode: 'heating', zone: 0, validFrom: '2026-01', priceKopecks: 289_744 },
  { serviceCode: 'solid_waste', zone: 0, validFrom: '2026-01', priceKopecks: 13_512 },
]

const NORMS: NormRate[] = [
  { serviceCode: 'electricity', validFrom: '2026-01', basis: 'resident', quantityMicro: 75_000_000 },
  { serviceCode: 'cold_water', validFrom: '2026-01', basis: 'resident', quantityMicro: 4_850_000 },
  { serviceCode: 'hot_water', validFrom: '2026-01', basis: 'resident', quantityMicro: 3_050_000 },
  { serviceCode: 'wastewater', validFrom: '2026-01', basis: 'resident', quantityMicro: 7_900_000 },
  { serviceCode: 'heating', validFrom: '2026-01', basis: 'area', quantityMicro: 18_300 },
  { serviceCode: 'solid_waste', validFrom: '2026-01', basis: 'resident', quantityMicro: 1_000_000 },
]

function account(changes: Partial<AccountBillingInput>): AccountBillingInput {
  return {
    period: '2026-11',
    serviceCodes: [],
    registered: 3,
    owners: 1,
    areaCentiSqm: 5430,
    meters: [],
    readings: [],
    priorLines: [],
    tariffs: TARIFFS,
    norms: NORMS,
    ...changes,
  }
}

function meter(id: string, serviceCode: string, changes: Partial<BillingMeter> = {}): BillingMeter {
  return {
    id,
    serviceCode,
    zones: 1,
    digitCapacity: 5,
    installedOn: '2024-03-15',
    nextVerificationOn: '2030-03-15',
    status: 'active',
    ...changes,
  }
}

function reading(
  meterId: string,
  period: string,
  valuesMilli: number[],
  changes: Partial<BillingReading> = {},
): BillingReading {
  return { meterId, period, takenOn: `${period}-20`, valuesMilli, rollover: false, ...changes }
}

function service(charges: ServiceCharge[], code: string): ServiceCharge {
  const found = charges.find((c) => c.serviceCode === code)
  if (!found) throw new Error(`no charge for ${code}`)
  return found
}

function toPrior(period: string, charges: ServiceCharge[]): PriorLine[] {
  return charges.flatMap((c) =>
    c.lines.map((l) => ({
      period,
      serviceCode: l.serviceCode,
      meterId: l.meterId,
      zone: l.zone,
      kind: l.kind,
      volumeMilli: l.volumeMilli,
      amountKopecks: l.amountKopecks,
    })),
  )
}

/** Runs the periods one after another, each seeing the lines charged before it, as a charge run would. */
function runMonths(base: AccountBillingInput, periods: string[]): Map<string, ServiceCharge[]> {
  const results = new Map<string, ServiceCharge[]>()
  let priorLines = base.priorLines
  for (const period of periods) {
    const charges = computeAccountCharges({ ...base, period, priorLines })
    results.set(period, charges)
    priorLines = [...priorLines, ...toPrior(period, charges)]
  }
  return results
}

function kinds(lines: ChargeLine[]): string[] {
  return lines.map((l) => l.kind)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

describe('residentsFor', () => {
  it('takes the registered, else the owners, and at least one', () => {
    expect(residentsFor(4, 2)).toBe(4)
    expect(residentsFor(0, 2)).toBe(2)
    expect(residentsFor(0, 0)).toBe(1)
  })
})

describe('tariffAt and normAt', () => {
  const rates: TariffRate[] = [
    { serviceCode: 'cold_water', zone: 0, validFrom: '2025-07', priceKopecks: 4980 },
    { serviceCode: 'cold_water', zone: 0, validFrom: '2026-10', priceKopecks: 5477 },
    { serviceCode: 'cold_water', zone: 0, validFrom: '2026-01', priceKopecks: 5213 },
    { serviceCode: 'cold_water', zone: 1, validFrom: '2026-01', priceKopecks: 1 },
  ]

  it('picks the latest validFrom on or before the period, in any order', () => {
    expect(tariffAt(rates, 'cold_water', 0, '2025-12')?.priceKopecks).toBe(4980)
    expect(tariffAt(rates, 'cold_water', 0, '2026-01')?.priceKopecks).toBe(5213)
    expect(tariffAt(rates, 'cold_water', 0, '2026-09')?.priceKopecks).toBe(5213)
    expect(tariffAt(rates, 'cold_water', 0, '2026-10')?.priceKopecks).toBe(5477)
    expect(tariffAt(rates, 'cold_water', 0, '2027-03')?.priceKopecks).toBe(5477)
    expect(tariffAt(rates, 'cold_water', 0, '2025-06')).toBeNull()
    expect(tariffAt(rates, 'hot_water', 0, '2026-11')).toBeNull()
  })

  it('reads a validFrom written as a date as its whole month', () => {
    const dated = [{ serviceCode: 'gas', zone: 0, validFrom: '2026-07-01', priceKopecks: 812 }]
    expect(tariffAt(dated, 'gas', 0, '2026-07')?.priceKopecks).toBe(812)
    expect(tariffAt(dated, 'gas', 0, '2026-06')).toBeNull()
  })

  it('finds norms the same way', () => {
    const norms: NormRate[] = [
      { serviceCode: 'cold_water', validFrom: '2026-01', basis: 'resident', quantityMicro: 4_850_000 },
      { serviceCode: 'cold_water', validFrom: '2027-01', basis: 'resident', quantityMicro: 5_000_000 },
    ]
    expect(normAt(norms, 'cold_water', '2026-12')?.quantityMicro).toBe(4_850_000)
    expect(normAt(norms, 'cold_water', '2027-01')?.quantityMicro).toBe(5_000_000)
    expect(normAt(norms, 'cold_water', '2025-12')).toBeNull()
  })
})

describe('isMeterCounted and isVerificationLapsed', () => {
  it('counts a meter from the month after its installation', () => {
    const m = meter('m', 'cold_water', { installedOn: '2026-11-01' })
    expect(isMeterCounted(m, '2026-10')).toBe(false)
    expect(isMeterCounted(m, '2026-11')).toBe(false)
    expect(isMeterCounted(m, '2026-12')).toBe(true)
    expect(isMeterCounted(meter('m', 'cold_water', { installedOn: '2026-12-31' }), '2027-01')).toBe(true)
  })

  it('counts a replaced or removed meter up to the month it came off, if that is known', () => {
    const replaced = meter('m', 'cold_water', { status: 'replaced', removedOn: '2026-05-12' })
    expect(isMeterCounted(replaced, '2026-05')).toBe(true)
    expect(isMeterCounted(replaced, '2026-06')).toBe(false)
    const removed = meter('m', 'cold_water', { status: 'removed', removedOn: '2026-05-12' })
    expect(isMeterCounted(removed, '2026-05')).toBe(true)
    expect(isMeterCounted(removed, '2026-06')).toBe(false)
    expect(isMeterCounted(meter('m', 'cold_water', { status: 'replaced' }), '2026-05')).toBe(false)
    expect(isMeterCounted(meter('m', 'cold_water', { status: 'removed', removedOn: null }), '2026-05')).toBe(
      false,
    )
  })

  it('treats verification as lapsed when its date is before the first day of the period', () => {
    expect(
      isVerificationLapsed(meter('m', 'hot_water', { nextVerificationOn: '2026-10-31' }), '2026-11'),
    ).toBe(true)
    expect(
      isVerificationLapsed(meter('m', 'hot_water', { nextVerificationOn: '2026-11-01' }), '2026-11'),
    ).toBe(false)
  })
})

describe('by reading', () => {
  it('charges two-zone electricity, day 4.71 ₽ and night 2.40 ₽: 56 520 + 13 200 = 69 720 kop', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        meters: [meter('e1', 'electricity', { zones: 2, digitCapacity: 6 })],
        readings: [
          reading('e1', '2026-10', [1_250_000, 400_000]),
          reading('e1', '2026-11', [1_370_000, 455_000]),
        ],
      }),
    )
    expect(charges).toEqual([
      {
        serviceCode: 'electricity',
        basis: 'reading',
        amountKopecks: 69_720,
        lines: [
          {
            serviceCode: 'electricity',
            meterId: 'e1',
            zone: 1,
            kind: 'reading',
            volumeMilli: 120_000,
            priceKopecks: 471,
            amountKopecks: 56_520,
            refPeriods: [],
          },
          {
            serviceCode: 'electricity',
            meterId: 'e1',
            zone: 2,
            kind: 'reading',
            volumeMilli: 55_000,
            priceKopecks: 240,
            amountKopecks: 13_200,
            refPeriods: [],
          },
        ],
      },
    ])
  })

  it('prices a zone without its own tariff at the single rate', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        tariffs: TARIFFS.filter((t) => !(t.serviceCode === 'electricity' && t.zone === 2)),
        meters: [meter('e1', 'electricity', { zones: 2, digitCapacity: 6 })],
        readings: [
          reading('e1', '2026-10', [1_250_000, 400_000]),
          reading('e1', '2026-11', [1_370_000, 455_000]),
        ],
      }),
    )
    const lines = service(charges, 'electricity').lines
    expect(lines.map((l) => [l.zone, l.priceKopecks, l.amountKopecks])).toEqual([
      [1, 471, 56_520],
      [2, 550, 30_250],
    ])
    expect(service(charges, 'electricity').amountKopecks).toBe(86_770)
  })

  it('turns a 5-digit meter over from 99998 to 00003: 5 kWh × 5.50 ₽ = 2750 kop', () => {
    const base = account({
      serviceCodes: ['electricity'],
      meters: [meter('e1', 'electricity', { digitCapacity: 5 })],
      readings: [
        reading('e1', '2026-10', [99_998_000]),
        reading('e1', '2026-11', [3000], { rollover: true }),
      ],
    })
    const line = service(computeAccountCharges(base), 'electricity').lines[0]
    expect(line).toMatchObject({
      zone: 0,
      kind: 'reading',
      volumeMilli: 5000,
      priceKopecks: 550,
      amountKopecks: 2750,
    })
  })

  it('throws on a lower reading without a confirmed rollover rather than charge a guess', () => {
    const base = account({
      serviceCodes: ['electricity'],
      meters: [meter('e1', 'electricity')],
      readings: [reading('e1', '2026-10', [99_998_000]), reading('e1', '2026-11', [3000])],
    })
    expect(() => computeAccountCharges(base)).toThrow(/e1.*меньше предыдущего/)
  })

  it('takes the later of two readings in the period, and the latest earlier one as the baseline', () => {
    const base = account({
      serviceCodes: ['cold_water'],
      meters: [meter('w1', 'cold_water')],
      readings: [
        reading('w1', '2026-11', [110_000], { takenOn: '2026-11-24' }),
        reading('w1', '2026-09', [90_000]),
        reading('w1', '2026-10', [101_000], { takenOn: '2026-10-25' }),
        reading('w1', '2026-11', [109_000], { takenOn: '2026-11-16' }),
        reading('w1', '2026-10', [100_000], { takenOn: '2026-10-17' }),
      ],
    })
    // 110 − 101 = 9 m³ × 52.13 ₽ = 469.17 ₽.
    expect(service(computeAccountCharges(base), 'cold_water').lines).toMatchObject([
      { kind: 'reading', volumeMilli: 9000, amountKopecks: 46_917 },
    ])
  })

  it('charges a first reading with no baseline as zero: it only sets the baseline', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        meters: [meter('e1', 'electricity', { zones: 2 })],
        readings: [reading('e1', '2026-11', [1_370_000, 455_000])],
      }),
    )
    expect(service(charges, 'electricity')).toMatchObject({ basis: 'reading', amountKopecks: 0 })
    expect(
      service(charges, 'electricity').lines.map((l) => [l.zone, l.volumeMilli, l.amountKopecks]),
    ).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ])
  })

  it('refuses a reading whose values do not match the meter zones', () => {
    const base = account({
      serviceCodes: ['electricity'],
      meters: [meter('e1', 'electricity', { zones: 2 })],
      readings: [reading('e1', '2026-10', [1_250_000, 400_000]), reading('e1', '2026-11', [1_370_000])],
    })
    expect(() => computeAccountCharges(base)).toThrow(/e1/)
  })
})

describe('without a reading: the average for three periods, then the norm', () => {
  // Readings every other month: 100, 106, 113.5, 121 m³, then none.
  const history = [
    reading('w1', '2026-01', [100_000]),
    reading('w1', '2026-03', [106_000]),
    reading('w1', '2026-05', [113_500]),
    reading('w1', '2026-07', [121_000]),
  ]
  const base = account({
    serviceCodes: ['cold_water', 'wastewater'],
    meters: [meter('w1', 'cold_water', { installedOn: '2025-12-10' })],
    readings: history,
  })

  it('charges 3 months by the 6-month average, the 4th and later by norm × residents', () => {
    const months = runMonths(base, ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    const cold = (p: string) => service(months.get(p) ?? [], 'cold_water')
    // 2026-08: (121 − 100) / 6 = 3.5 m³ × 52.13 ₽ = 182.455 ₽ → 18 246 kop.
    expect(cold('2026-08')).toMatchObject({ basis: 'average', amountKopecks: 18_246 })
    expect(cold('2026-08').lines).toMatchObject([
      { meterId: 'w1', zone: 0, kind: 'average', volumeMilli: 3500, priceKopecks: 5213 },
    ])
    expect(cold('2026-09')).toMatchObject({ basis: 'average', amountKopecks: 18_246 })
    // 2026-10: the window moved past 2026-01: (121 − 106) / 4 = 3.75 m³ → 195.4875 ₽ → 19 549 kop.
    expect(cold('2026-10').lines).toMatchObject([
      { kind: 'average', volumeMilli: 3750, amountKopecks: 19_549 },
    ])
    // 2026-11, the 4th month: 4.85 m³ × 3 residents = 14.55 m³ → 758.4915 ₽ → 75 849 kop.
    expect(cold('2026-11')).toMatchObject({ basis: 'norm', amountKopecks: 75_849 })
    expect(cold('2026-11').lines).toMatchObject([
      { meterId: 'w1', zone: 0, kind: 'norm', volumeMilli: 14_550, priceKopecks: 5213 },
    ])
    expect(cold('2026-12')).toMatchObject({ basis: 'norm', amountKopecks: 75_849 })
  })

  it('bills wastewater on the estimated water volume, as a norm-basis line', () => {
    const months = runMonths(base, ['2026-08', '2026-11'])
    // 3.5 m³ × 40.21 ₽ = 140.735 ₽ → 14 074 kop.
    expect(service(months.get('2026-08') ?? [], 'wastewater')).toMatchObject({
      basis: 'norm',
      amountKopecks: 14_074,
      lines: [{ meterId: null, zone: 0, kind: 'norm', volumeMilli: 3500, priceKopecks: 4021 }],
    })
  })

  it('restarts the count of estimated periods after a reading', () => {
    const priorLines: PriorLine[] = [
      {
        period: '2026-07',
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'reading',
        volumeMilli: 7500,
        amountKopecks: 39_098,
      },
      {
        period: '2026-06',
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'average',
        volumeMilli: 3750,
        amountKopecks: 19_549,
      },
      {
        period: '2026-05',
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'average',
        volumeMilli: 3750,
        amountKopecks: 19_549,
      },
      {
        period: '2026-04',
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'average',
        volumeMilli: 3750,
        amountKopecks: 19_549,
      },
    ]
    const charges = computeAccountCharges({ ...base, period: '2026-08', priorLines })
    expect(service(charges, 'cold_water').basis).toBe('average')
  })

  it('does not count a gap in the estimates, nor estimates of another meter, towards the three', () => {
    const estimate = (period: string, meterId: string | null): PriorLine => ({
      period,
      serviceCode: 'cold_water',
      meterId,
      zone: 0,
      kind: 'average',
      volumeMilli: 3500,
      amountKopecks: 18_246,
    })
    const gap = [estimate('2026-07', 'w1'), estimate('2026-06', 'w1'), estimate('2026-04', 'w1')]
    expect(
      service(computeAccountCharges({ ...base, period: '2026-08', priorLines: gap }), 'cold_water').basis,
    ).toBe('average')
    const others = [estimate('2026-07', 'w2'), estimate('2026-06', null), estimate('2026-05', 'w2')]
    expect(
      service(computeAccountCharges({ ...base, period: '2026-08', priorLines: others }), 'cold_water').basis,
    ).toBe('average')
    const three = [estimate('2026-07', 'w1'), estimate('2026-06', 'w1'), estimate('2026-05', 'w1')]
    expect(
      service(computeAccountCharges({ ...base, period: '2026-08', priorLines: three }), 'cold_water').basis,
    ).toBe('norm')
  })

  it('goes to the norm at once when there is no average to take', () => {
    const fresh = account({
      serviceCodes: ['cold_water'],
      meters: [meter('w1', 'cold_water', { installedOn: '2026-08-05' })],
      readings: [reading('w1', '2026-08', [0])],
    })
    const months = runMonths(fresh, ['2026-09', '2026-10'])
    expect(service(months.get('2026-09') ?? [], 'cold_water')).toMatchObject({
      basis: 'norm',
      amountKopecks: 75_849,
    })
    expect(service(months.get('2026-10') ?? [], 'cold_water')).toMatchObject({
      basis: 'norm',
      amountKopecks: 75_849,
    })
  })

  it('averages a two-zone meter zone by zone at the zone tariffs', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        meters: [meter('e1', 'electricity', { zones: 2, digitCapacity: 6 })],
        readings: [
          reading('e1', '2026-08', [1_000_000, 300_000]),
          reading('e1', '2026-10', [1_240_000, 410_000]),
        ],
      }),
    )
    expect(service(charges, 'electricity')).toMatchObject({ basis: 'average', amountKopecks: 69_720 })
    expect(
      service(charges, 'electricity').lines.map((l) => [l.zone, l.kind, l.volumeMilli, l.amountKopecks]),
    ).toEqual([
      [1, 'average', 120_000, 56_520],
      [2, 'average', 55_000, 13_200],
    ])
  })

  it('charges a zoned meter by norm on one line at the single rate: 75 kWh × 3 × 5.50 ₽', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        meters: [meter('e1', 'electricity', { zones: 2 })],
      }),
    )
    expect(service(charges, 'electricity').lines).toEqual([
      {
        serviceCode: 'electricity',
        meterId: 'e1',
        zone: 0,
        kind: 'norm',
        volumeMilli: 225_000,
        priceKopecks: 550,
        amountKopecks: 123_750,
        refPeriods: [],
      },
    ])
  })

  it('splits the norm between the counted meters of a service, rounding each share', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['cold_water'],
        meters: [meter('w2', 'cold_water'), meter('w1', 'cold_water')],
      }),
    )
    // 14.55 m³ / 2 = 7.275 m³ × 52.13 ₽ = 379.24575 ₽ → 37 925 kop per meter.
    expect(
      service(charges, 'cold_water').lines.map((l) => [l.meterId, l.volumeMilli, l.amountKopecks]),
    ).toEqual([
      ['w1', 7275, 37_925],
      ['w2', 7275, 37_925],
    ])
    expect(service(charges, 'cold_water').amountKopecks).toBe(75_850)
  })
})

describe('a late reading after estimated months: recalculation', () => {
  const history = [
    reading('w1', '2026-01', [100_000]),
    reading('w1', '2026-03', [106_000]),
    reading('w1', '2026-05', [113_500]),
    reading('w1', '2026-07', [121_000]),
  ]
  const base = account({
    serviceCodes: ['cold_water', 'wastewater'],
    meters: [meter('w1', 'cold_water', { installedOn: '2025-12-10' })],
    readings: history,
  })
  const estimatedMonths = ['2026-08', '2026-09', '2026-10']

  function afterEstimates(current: number, tariffs = TARIFFS): ServiceCharge[] {
    const months = runMonths(base, estimatedMonths)
    const priorLines = estimatedMonths.flatMap((p) => toPrior(p, months.get(p) ?? []))
    return computeAccountCharges({
      ...base,
      period: '2026-11',
      tariffs,
      readings: [...history, reading('w1', '2026-11', [current])],
      priorLines,
    })
  }

  it('takes back the three averages exactly and charges the 4 months at the current tariff', () => {
    const tariffs = [
      ...TARIFFS,
      { serviceCode: 'cold_water', zone: 0, validFrom: '2026-11', priceKopecks: 5477 },
    ]
    const charges = afterEstimates(136_000, tariffs)
    const cold = service(charges, 'cold_water')
    expect(cold.lines).toEqual([
      // 136 − 121 = 15 m³ since the July reading, at November's 54.77 ₽.
      {
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'reading',
        volumeMilli: 15_000,
        priceKopecks: 5477,
        amountKopecks: 82_155,
        refPeriods: [],
      },
      {
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'recalculation',
        volumeMilli: -3500,
        priceKopecks: 5213,
        amountKopecks: -18_246,
        refPeriods: ['2026-08'],
      },
      {
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'recalculation',
        volumeMilli: -3500,
        priceKopecks: 5213,
        amountKopecks: -18_246,
        refPeriods: ['2026-09'],
      },
      {
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'recalculation',
        volumeMilli: -3750,
        priceKopecks: 5213,
        amountKopecks: -19_549,
        refPeriods: ['2026-10'],
      },
    ])
    // 82 155 − (18 246 + 18 246 + 19 549) = 82 155 − 56 041.
    expect(cold).toMatchObject({ basis: 'recalculation', amountKopecks: 26_114 })
    // Wastewater follows the net volume, 15 − 10.75 = 4.25 m³ × 40.21 ₽ = 170.8925 ₽.
    expect(service(charges, 'wastewater')).toMatchObject({
      basis: 'reading',
      amountKopecks: 17_089,
      lines: [{ kind: 'reading', volumeMilli: 4250 }],
    })
  })

  it('over the estimates and this month together, charges exactly the measured volume minus rounding of each line', () => {
    const months = runMonths(base, estimatedMonths)
    const estimated = estimatedMonths.reduce(
      (sum, p) => sum + service(months.get(p) ?? [], 'cold_water').amountKopecks,
      0,
    )
    const cold = service(afterEstimates(136_000), 'cold_water')
    // 15 m³ at 52.13 ₽ = 781.95 ₽: what the four months cost in all once the reading is in.
    expect(estimated + cold.amountKopecks).toBe(78_195)
  })

  it('rounds a negative net half away from zero: −2.5 m³ of wastewater × 40.21 ₽ = −100.525 ₽ → −10 053 kop', () => {
    // 129.25 − 121 = 8.25 m³, less than the 10.75 m³ estimated.
    const charges = afterEstimates(129_250)
    const cold = service(charges, 'cold_water')
    // 8.25 m³ × 52.13 ₽ = 430.0725 ₽ → 43 007 kop, less the 56 041 kop estimated.
    expect(cold).toMatchObject({ basis: 'recalculation', amountKopecks: 43_007 - 56_041 })
    expect(cold.amountKopecks).toBe(-13_034)
    expect(service(charges, 'wastewater')).toMatchObject({
      amountKopecks: -10_053,
      lines: [{ kind: 'reading', volumeMilli: -2500, priceKopecks: 4021, amountKopecks: -10_053 }],
    })
  })

  it('takes back estimates by norm too, but not the ×1.5 lines, other meters, or periods at or before the baseline', () => {
    const line = (
      period: string,
      kind: PriorLine['kind'],
      meterId: string | null,
      amount: number,
    ): PriorLine => ({
      period,
      serviceCode: 'cold_water',
      meterId,
      zone: 0,
      kind,
      volumeMilli: 14_550,
      amountKopecks: amount,
    })
    const priorLines = [
      line('2026-07', 'average', 'w1', 1), // the baseline's own period: it stands
      line('2026-08', 'norm', 'w1', 75_849),
      line('2026-09', 'norm_x1_5', 'w1', 113_774),
      line('2026-09', 'norm', 'w9', 75_849),
      line('2026-10', 'norm', null, 75_849),
      line('2026-10', 'average', 'w1', 19_549),
    ]
    const charges = computeAccountCharges({
      ...base,
      period: '2026-11',
      readings: [...history, reading('w1', '2026-11', [136_000])],
      priorLines,
    })
    const recalculations = service(charges, 'cold_water').lines.filter((l) => l.kind === 'recalculation')
    expect(recalculations.map((l) => [l.refPeriods, l.volumeMilli, l.amountKopecks])).toEqual([
      [['2026-08'], -14_550, -75_849],
      [['2026-10'], -14_550, -19_549],
    ])
  })

  it('reverses each zone of a zoned meter on its own line, at the price of that period', () => {
    const tariffs = [
      ...TARIFFS,
      { serviceCode: 'electricity', zone: 1, validFrom: '2026-10', priceKopecks: 500 },
    ]
    const priorLines: PriorLine[] = [
      {
        period: '2026-09',
        serviceCode: 'electricity',
        meterId: 'e1',
        zone: 1,
        kind: 'average',
        volumeMilli: 120_000,
        amountKopecks: 56_520,
      },
      {
        period: '2026-09',
        serviceCode: 'electricity',
        meterId: 'e1',
        zone: 2,
        kind: 'average',
        volumeMilli: 55_000,
        amountKopecks: 13_200,
      },
      {
        period: '2026-10',
        serviceCode: 'electricity',
        meterId: 'e1',
        zone: 1,
        kind: 'average',
        volumeMilli: 120_000,
        amountKopecks: 60_000,
      },
      {
        period: '2026-10',
        serviceCode: 'electricity',
        meterId: 'e1',
        zone: 2,
        kind: 'average',
        volumeMilli: 55_000,
        amountKopecks: 13_200,
      },
    ]
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        tariffs,
        meters: [meter('e1', 'electricity', { zones: 2, digitCapacity: 6 })],
        readings: [
          reading('e1', '2026-08', [1_000_000, 300_000]),
          reading('e1', '2026-11', [1_370_000, 455_000]),
        ],
        priorLines,
      }),
    )
    const electricity = service(charges, 'electricity')
    expect(
      electricity.lines.map((l) => [
        l.zone,
        l.kind,
        l.refPeriods,
        l.volumeMilli,
        l.priceKopecks,
        l.amountKopecks,
      ]),
    ).toEqual([
      [1, 'reading', [], 370_000, 500, 185_000],
      [1, 'recalculation', ['2026-09'], -120_000, 471, -56_520],
      [1, 'recalculation', ['2026-10'], -120_000, 500, -60_000],
      [2, 'reading', [], 155_000, 240, 37_200],
      [2, 'recalculation', ['2026-09'], -55_000, 240, -13_200],
      [2, 'recalculation', ['2026-10'], -55_000, 240, -13_200],
    ])
    expect(electricity).toMatchObject({ basis: 'recalculation', amountKopecks: 222_200 - 142_920 })
  })

  it('shows a price worked out from the estimate when that period has no tariff any more', () => {
    const priorLines: PriorLine[] = [
      {
        period: '2025-11',
        serviceCode: 'cold_water',
        meterId: 'w1',
        zone: 0,
        kind: 'average',
        volumeMilli: 3500,
        amountKopecks: 17_430,
      },
    ]
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['cold_water'],
        meters: [meter('w1', 'cold_water')],
        readings: [reading('w1', '2025-10', [90_000]), reading('w1', '2026-11', [136_000])],
        priorLines,
      }),
    )
    expect(service(charges, 'cold_water').lines[1]).toMatchObject({
      kind: 'recalculation',
      priceKopecks: 4980,
      amountKopecks: -17_430,
    })
  })

  it('does not take anything back on a first reading without a baseline', () => {
    const priorLines: PriorLine[] = [
      {
        period: '2026-10',
        serviceCode: 'cold_water',
        meterId: 'w5',
        zone: 0,
        kind: 'norm',
        volumeMilli: 14_550,
        amountKopecks: 75_849,
      },
    ]
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['cold_water'],
        meters: [meter('w5', 'cold_water')],
        readings: [reading('w5', '2026-11', [5000])],
        priorLines,
      }),
    )
    expect(service(charges, 'cold_water')).toMatchObject({ basis: 'reading', amountKopecks: 0 })
    expect(kinds(service(charges, 'cold_water').lines)).toEqual(['reading'])
  })
})

describe('lapsed verification: norm × 1.5', () => {
  const base = account({
    serviceCodes: ['hot_water'],
    meters: [meter('h2', 'hot_water'), meter('h1', 'hot_water', { nextVerificationOn: '2026-10-31' })],
    readings: [
      reading('h1', '2026-10', [70_000]),
      reading('h1', '2026-11', [71_000]),
      reading('h2', '2026-10', [50_000]),
      reading('h2', '2026-11', [52_400]),
    ],
  })

  it('charges the lapsed meter its share of the norm × 1.5, rounded half up, whatever it reads', () => {
    const hot = service(computeAccountCharges(base), 'hot_water')
    // 3.05 m³ × 3 residents = 9.15 m³, shared by 2 meters = 4.575 m³, × 1.5 = 6.8625 m³ → 6.863 m³.
    // 6.863 m³ × 218.37 ₽ = 1498.673 ₽ → 149 867 kop; h2 reads 2.4 m³ → 524.088 ₽ → 52 409 kop.
    expect(hot.lines).toEqual([
      {
        serviceCode: 'hot_water',
        meterId: 'h1',
        zone: 0,
        kind: 'norm_x1_5',
        volumeMilli: 6863,
        priceKopecks: 21_837,
        amountKopecks: 149_867,
        refPeriods: [],
      },
      {
        serviceCode: 'hot_water',
        meterId: 'h2',
        zone: 0,
        kind: 'reading',
        volumeMilli: 2400,
        priceKopecks: 21_837,
        amountKopecks: 52_409,
        refPeriods: [],
      },
    ])
    // The basis is the first line's kind: the meters are ordered by id.
    expect(hot).toMatchObject({ basis: 'norm_x1_5', amountKopecks: 202_276 })
  })

  it('still counts a meter whose verification ends on the first day of the period', () => {
    const onTheFirst = {
      ...base,
      meters: [meter('h2', 'hot_water'), meter('h1', 'hot_water', { nextVerificationOn: '2026-11-01' })],
    }
    const hot = service(computeAccountCharges(onTheFirst), 'hot_water')
    expect(kinds(hot.lines)).toEqual(['reading', 'reading'])
    // 1 m³ → 21 837 kop; 2.4 m³ → 52 409 kop.
    expect(hot.amountKopecks).toBe(74_246)
  })

  it('uses the whole norm × 1.5 for a single lapsed two-zone electricity meter, at the single rate', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['electricity'],
        registered: 1,
        meters: [meter('e1', 'electricity', { zones: 2, nextVerificationOn: '2026-06-30' })],
      }),
    )
    // 75 kWh × 1.5 = 112.5 kWh × 5.50 ₽ = 618.75 ₽.
    expect(service(charges, 'electricity').lines).toMatchObject([
      {
        meterId: 'e1',
        zone: 0,
        kind: 'norm_x1_5',
        volumeMilli: 112_500,
        priceKopecks: 550,
        amountKopecks: 61_875,
      },
    ])
  })

  it('rounds the ×1.5 volume half up from an odd milli share', () => {
    const odd: NormRate[] = [
      { serviceCode: 'hot_water', validFrom: '2026-01', basis: 'resident', quantityMicro: 1_001 },
    ]
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['hot_water'],
        registered: 1,
        norms: odd,
        meters: [meter('h1', 'hot_water', { nextVerificationOn: '2020-01-01' })],
      }),
    )
    // 1.001 milli → 1 milli; × 1.5 = 1.5 → 2 milli.
    expect(service(charges, 'hot_water').lines[0]).toMatchObject({ volumeMilli: 2, amountKopecks: 44 })
  })
})

describe('unmetered services and norms', () => {
  it('charges heating by area: 0.0183 Gcal/m² × 54.30 m² = 0.994 Gcal × 2897.44 ₽ = 2880.06 ₽', () => {
    const heating = service(computeAccountCharges(account({ serviceCodes: ['heating'] })), 'heating')
    expect(heating).toEqual({
      serviceCode: 'heating',
      basis: 'norm',
      amountKopecks: 288_006,
      lines: [
        {
          serviceCode: 'heating',
          meterId: null,
          zone: 0,
          kind: 'norm',
          volumeMilli: 994,
          priceKopecks: 289_744,
          amountKopecks: 288_006,
          refPeriods: [],
        },
      ],
    })
  })

  it('charges solid waste per resident, falling back to the owners, and at least one person', () => {
    const waste = (registered: number, owners: number) =>
      service(
        computeAccountCharges(account({ serviceCodes: ['solid_waste'], registered, owners })),
        'solid_waste',
      )
    expect(waste(4, 2).lines).toMatchObject([
      { meterId: null, kind: 'norm', volumeMilli: 4000, amountKopecks: 54_048 },
    ])
    expect(waste(0, 2).lines).toMatchObject([{ volumeMilli: 2000, amountKopecks: 27_024 }])
    expect(waste(0, 0).lines).toMatchObject([{ volumeMilli: 1000, amountKopecks: 13_512 }])
  })

  it('takes the residents from the owners for metered norms too', () => {
    const cold = service(
      computeAccountCharges(account({ serviceCodes: ['cold_water'], registered: 0, owners: 2 })),
      'cold_water',
    )
    // 4.85 m³ × 2 = 9.7 m³ × 52.13 ₽ = 505.661 ₽.
    expect(cold.lines).toMatchObject([
      { meterId: null, kind: 'norm', volumeMilli: 9700, amountKopecks: 50_566 },
    ])
  })

  it('uses the norm in force for the period', () => {
    const norms = [
      ...NORMS,
      {
        serviceCode: 'solid_waste',
        validFrom: '2026-12',
        basis: 'resident' as const,
        quantityMicro: 2_000_000,
      },
    ]
    const waste = (period: string) =>
      service(computeAccountCharges(account({ period, serviceCodes: ['solid_waste'], norms })), 'solid_waste')
    expect(waste('2026-11').lines[0]?.volumeMilli).toBe(3000)
    expect(waste('2026-12').lines[0]?.volumeMilli).toBe(6000)
  })
})

describe('wastewater', () => {
  it('follows the measured cold and hot water: 3.5 + 1.2 = 4.7 m³ × 40.21 ₽ = 188.987 ₽', () => {
    expect(WASTEWATER_FROM).toEqual(['cold_water', 'hot_water'])
    const charges = computeAccountCharges(
      account({
        // Listed first, still computed from the water lines.
        serviceCodes: ['wastewater', 'cold_water', 'hot_water', 'electricity'],
        meters: [meter('w1', 'cold_water'), meter('h1', 'hot_water'), meter('e1', 'electricity')],
        readings: [
          reading('w1', '2026-10', [10_000]),
          reading('w1', '2026-11', [13_500]),
          reading('h1', '2026-10', [5000]),
          reading('h1', '2026-11', [6200]),
          reading('e1', '2026-10', [1_000_000]),
          reading('e1', '2026-11', [1_100_000]),
        ],
      }),
    )
    expect(charges.map((c) => c.serviceCode)).toEqual([
      'wastewater',
      'cold_water',
      'hot_water',
      'electricity',
    ])
    expect(service(charges, 'wastewater')).toEqual({
      serviceCode: 'wastewater',
      basis: 'reading',
      amountKopecks: 18_899,
      lines: [
        {
          serviceCode: 'wastewater',
          meterId: null,
          zone: 0,
          kind: 'reading',
          volumeMilli: 4700,
          priceKopecks: 4021,
          amountKopecks: 18_899,
          refPeriods: [],
        },
      ],
    })
  })

  it('is a reading line when any water line is one, a norm line otherwise', () => {
    const mixed = computeAccountCharges(
      account({
        serviceCodes: ['cold_water', 'hot_water', 'wastewater'],
        meters: [meter('w1', 'cold_water')],
        readings: [reading('w1', '2026-10', [10_000]), reading('w1', '2026-11', [13_500])],
      }),
    )
    // 3.5 m³ cold by reading + 9.15 m³ hot by norm (no meter).
    expect(service(mixed, 'wastewater').lines).toMatchObject([
      { kind: 'reading', volumeMilli: 12_650, amountKopecks: 50_866 },
    ])
    const norms = computeAccountCharges(account({ serviceCodes: ['cold_water', 'hot_water', 'wastewater'] }))
    // 14.55 + 9.15 = 23.7 m³ × 40.21 ₽ = 952.977 ₽.
    expect(service(norms, 'wastewater')).toMatchObject({
      basis: 'norm',
      amountKopecks: 95_298,
      lines: [{ kind: 'norm', volumeMilli: 23_700 }],
    })
  })

  it('follows only the water services the account is billed for', () => {
    const charges = computeAccountCharges(account({ serviceCodes: ['cold_water', 'wastewater'] }))
    expect(service(charges, 'wastewater').lines[0]?.volumeMilli).toBe(14_550)
  })

  it('falls back to its own norm when the account has no water service to follow', () => {
    const charges = computeAccountCharges(account({ serviceCodes: ['wastewater', 'solid_waste'] }))
    // 7.9 m³ × 3 = 23.7 m³.
    expect(service(charges, 'wastewater').lines).toMatchObject([
      { kind: 'norm', volumeMilli: 23_700, amountKopecks: 95_298 },
    ])
  })
})

describe('which meters count', () => {
  // The old meter came off on 12 May with a final reading; the new one went on the same day with 0.
  const base = account({
    serviceCodes: ['cold_water'],
    meters: [
      meter('w-old', 'cold_water', {
        installedOn: '2020-02-10',
        status: 'replaced',
        removedOn: '2026-05-12',
      }),
      meter('w-new', 'cold_water', { installedOn: '2026-05-12' }),
    ],
    readings: [
      reading('w-old', '2026-04', [500_000]),
      reading('w-old', '2026-05', [503_250], { takenOn: '2026-05-12' }),
      reading('w-new', '2026-05', [0], { takenOn: '2026-05-12' }),
      reading('w-new', '2026-06', [4100]),
    ],
  })

  it('bills the replaced meter for its last month, not the new one installed in it', () => {
    const cold = service(computeAccountCharges({ ...base, period: '2026-05' }), 'cold_water')
    // 503.25 − 500 = 3.25 m³ × 52.13 ₽ = 169.4225 ₽.
    expect(cold.lines).toMatchObject([
      { meterId: 'w-old', kind: 'reading', volumeMilli: 3250, amountKopecks: 16_942 },
    ])
  })

  it('bills the new meter from the next month, from its start reading', () => {
    const cold = service(computeAccountCharges({ ...base, period: '2026-06' }), 'cold_water')
    // 4.1 m³ × 52.13 ₽ = 213.733 ₽.
    expect(cold.lines).toMatchObject([
      { meterId: 'w-new', kind: 'reading', volumeMilli: 4100, amountKopecks: 21_373 },
    ])
  })

  it('does not count a replaced meter whose removal date is unknown', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['cold_water'],
        meters: [meter('w-old', 'cold_water', { status: 'replaced', removedOn: null })],
        readings: [reading('w-old', '2026-10', [1000]), reading('w-old', '2026-11', [2000])],
      }),
    )
    expect(service(charges, 'cold_water').lines).toMatchObject([
      { meterId: null, kind: 'norm', volumeMilli: 14_550 },
    ])
  })

  it('bills by norm, with no meter, when all the meters are removed', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['cold_water'],
        meters: [meter('w1', 'cold_water', { status: 'removed', removedOn: '2026-09-30' })],
        readings: [reading('w1', '2026-10', [1000])],
      }),
    )
    expect(service(charges, 'cold_water')).toMatchObject({
      basis: 'norm',
      amountKopecks: 75_849,
      lines: [{ meterId: null, zone: 0, kind: 'norm', volumeMilli: 14_550 }],
    })
  })

  it('does not count a meter installed this month, even on the 1st, and counts it the month after', () => {
    const installed = account({
      serviceCodes: ['cold_water'],
      meters: [meter('w1', 'cold_water', { installedOn: '2026-11-01' })],
      readings: [
        reading('w1', '2026-11', [12_000], { takenOn: '2026-11-01' }),
        reading('w1', '2026-12', [15_500]),
      ],
    })
    expect(service(computeAccountCharges(installed), 'cold_water')).toMatchObject({
      basis: 'norm',
      amountKopecks: 75_849,
      lines: [{ meterId: null, kind: 'norm' }],
    })
    expect(service(computeAccountCharges({ ...installed, period: '2026-12' }), 'cold_water')).toMatchObject({
      basis: 'reading',
      amountKopecks: 18_246,
      lines: [{ meterId: 'w1', volumeMilli: 3500 }],
    })
  })

  it('ignores the meters of services not billed on the account', () => {
    const charges = computeAccountCharges(
      account({
        serviceCodes: ['solid_waste'],
        meters: [meter('g1', 'gas')],
        readings: [reading('g1', '2026-11', [1])],
      }),
    )
    expect(charges.map((c) => c.serviceCode)).toEqual(['solid_waste'])
  })
})

describe('configuration errors', () => {
  it('throws on a missing tariff, naming the service and the period', () => {
    const input = account({
      serviceCodes: ['cold_water'],
      tariffs: TARIFFS.filter((t) => t.serviceCode !== 'cold_water'),
    })
    expect(() => computeAccountCharges(input)).toThrow(/тарифа.*«cold_water».*ноябрь 2026 \(2026-11\)/)
  })

  it('throws when the only tariff starts after the period', () => {
    const input = account({
      serviceCodes: ['cold_water'],
      tariffs: [{ serviceCode: 'cold_water', zone: 0, validFrom: '2026-12', priceKopecks: 5477 }],
    })
    expect(() => computeAccountCharges(input)).toThrow(/cold_water.*2026-11/)
  })

  it('throws on a norm charge without a single-rate tariff, even with zone tariffs', () => {
    const input = account({
      serviceCodes: ['electricity'],
      tariffs: TARIFFS.filter((t) => !(t.serviceCode === 'electricity' && t.zone === 0)),
      meters: [meter('e1', 'electricity', { zones: 2 })],
    })
    expect(() => computeAccountCharges(input)).toThrow(/electricity/)
  })

  it('throws on a missing norm, but only when the norm is needed', () => {
    const norms = NORMS.filter((n) => n.serviceCode !== 'cold_water')
    expect(() => computeAccountCharges(account({ serviceCodes: ['cold_water'], norms }))).toThrow(
      /норматива.*«cold_water».*2026-11/,
    )
    const measured = account({
      serviceCodes: ['cold_water'],
      norms,
      meters: [meter('w1', 'cold_water')],
      readings: [reading('w1', '2026-10', [10_000]), reading('w1', '2026-11', [13_500])],
    })
    expect(service(computeAccountCharges(measured), 'cold_water').amountKopecks).toBe(18_246)
  })

  it('throws on a malformed period', () => {
    expect(() => computeAccountCharges(account({ period: '2026-13' }))).toThrow(RangeError)
  })
})

describe('shape and determinism', () => {
  const busy = account({
    serviceCodes: [
      'electricity',
      'cold_water',
      'hot_water',
      'wastewater',
      'heating',
      'solid_waste',
      'cold_water',
    ],
    meters: [
      meter('m-c', 'cold_water'),
      meter('m-a', 'cold_water'),
      meter('m-e', 'electricity', { zones: 3, digitCapacity: 6 }),
      meter('m-h', 'hot_water', { nextVerificationOn: '2026-01-01' }),
    ],
    readings: [
      reading('m-a', '2026-10', [10_000]),
      reading('m-a', '2026-11', [12_000]),
      reading('m-c', '2026-10', [20_000]),
      reading('m-c', '2026-11', [21_500]),
      reading('m-e', '2026-10', [100_000, 50_000, 70_000]),
      reading('m-e', '2026-11', [160_000, 80_000, 90_000]),
    ],
  })

  it('keeps the services in the given order, once each, and lines by meter then zone', () => {
    const charges = computeAccountCharges(busy)
    expect(charges.map((c) => c.serviceCode)).toEqual([
      'electricity',
      'cold_water',
      'hot_water',
      'wastewater',
      'heating',
      'solid_waste',
    ])
    expect(service(charges, 'electricity').lines.map((l) => l.zone)).toEqual([1, 2, 3])
    // Zone 3 has no tariff of its own: single rate. 60 × 4.71 + 30 × 2.40 + 20 × 5.50 = 282.60 + 72 + 110 ₽.
    expect(service(charges, 'electricity').amountKopecks).toBe(46_460)
    expect(service(charges, 'cold_water').lines.map((l) => l.meterId)).toEqual(['m-a', 'm-c'])
  })

  it('adds up every service from its lines', () => {
    for (const charge of computeAccountCharges(busy)) {
      expect(charge.amountKopecks).toBe(charge.lines.reduce((sum, l) => sum + l.amountKopecks, 0))
      for (const line of charge.lines) {
        expect(Number.isInteger(line.amountKopecks)).toBe(true)
        expect(Number.isInteger(line.volumeMilli)).toBe(true)
      }
    }
  })

  it('gives the same output for the same input, without touching the input', () => {
    const frozen = deepFreeze(structuredClone(busy))
    const first = computeAccountCharges(frozen)
    expect(computeAccountCharges(frozen)).toEqual(first)
    expect(frozen).toEqual(busy)
  })

  it('does not depend on the order of meters, readings, tariffs or norms', () => {
    const shuffled = {
      ...busy,
      meters: busy.meters.slice().reverse(),
      readings: busy.readings.slice().reverse(),
      tariffs: busy.tariffs.slice().reverse(),
      norms: busy.norms.slice().reverse(),
    }
    expect(computeAccountCharges(shuffled)).toEqual(computeAccountCharges(busy))
  })
})
