// Meters and check findings for the readings form's tests: a one-zone water meter that read
// 100 last month and a two-zone electricity meter, on the 5th of March 2026.
import type { MeterForReading, ReadingIssue, ReadingsForm } from '../../../../../src/shared/domain/billing'

export const TODAY = '2026-03-05'

export function meter(patch: Partial<MeterForReading> = {}): MeterForReading {
  return {
    meterId: 'm-water',
    serviceCode: 'cold_water',
    serviceName: 'Холодная вода',
    unit: 'м³',
    serial: 'ХВ-1',
    zones: 1,
    digitCapacity: 5,
    fractionDigits: 3,
    nextVerificationOn: '2030-01-01',
    lapsed: false,
    previous: { period: '2026-02', takenOn: '2026-02-20', valuesMilli: [100_000] },
    current: null,
    averageMilli: [5_000],
    ...patch,
  }
}

export const WATER = meter()
export const POWER = meter({
  meterId: 'm-power',
  serviceCode: 'electricity',
  serviceName: 'Электроэнергия',
  unit: 'кВт·ч',
  zones: 2,
  digitCapacity: 6,
  fractionDigits: 1,
  previous: { period: '2026-02', takenOn: '2026-02-20', valuesMilli: [1_000_000, 500_000] },
})

export function readingsForm(meters: MeterForReading[] = [WATER, POWER]): ReadingsForm {
  return {
    accountId: 'a1',
    today: TODAY,
    period: '2026-03',
    outsideWindow: false,
    window: { fromDay: 15, toDay: 25 },
    meters,
  }
}

export function issue(patch: Partial<ReadingIssue>): ReadingIssue {
  return { meterId: WATER.meterId, zone: 0, level: 'error', code: 'value', message: 'Ошибка.', ...patch }
}
