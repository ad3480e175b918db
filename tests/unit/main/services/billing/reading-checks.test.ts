import { describe, expect, it } from 'vitest'
import type { MeterRecord, ReadingRecord } from '../../../../../src/main/db/repositories/readings'
import {
  evaluateReadings,
  MAX_READING_AGE_DAYS,
  type Evaluation,
} from '../../../../../src/main/services/billing/reading-checks'
import { LONG_GAP_MONTHS } from '../../../../../src/main/services/billing/reading-facts'
import type {
  MeterReplacement,
  ReadingConfirmations,
  ReadingEntry,
  ReadingIssue,
} from '../../../../../src/shared/domain/billing'

type Context = Parameters<typeof evaluateReadings>[0]

const TODAY = '2026-11-20'
const METER = 'm-cold'

/** Whole units (m³, kWh) in the milli-units meters are stored in. */
const units = (n: number): number => n * 1000

function meter(changes: Partial<MeterRecord> = {}): MeterRecord {
  return {
    id: METER,
    account_id: 'acc-1',
    service_id: 'svc-cold',
    service_code: 'cold_water',
    service_name: 'Холодное водоснабжение',
    unit: 'м³',
    serial: 'СГВ-15 № 0412',
    zones: 1,
    digit_capacity: 5,
    fraction_digits: 0,
    installed_on: '2024-03-15',
    next_verification_on: '2030-03-15',
    status: 'active',
    removed_on: null,
    window_from: null,
    window_to: null,
    ...changes,
  }
}

function reading(period: string, valuesMilli: number[], changes: Partial<ReadingRecord> = {}): ReadingRecord {
  return {
    id: `r-${period}-${changes.kind ?? 'regular'}`,
    meter_id: METER,
    account_id: 'acc-1',
    period,
    taken_on: `${period}-20`,
    source: 'office',
    kind: 'regular',
    zone1_milli: valuesMilli[0] ?? 0,
    zone2_milli: valuesMilli[1] ?? null,
    zone3_milli: valuesMilli[2] ?? null,
    rollover: false,
    status: 'active',
    review: false,
    billable: true,
    created_at: `${period}-20T09:00:00Z`,
    ...changes,
  }
}

/** One reading a month on the 20th, from `firstPeriod`, starting at `startUnits` and rising by `stepUnits`. */
function monthly(firstPeriod: string, count: number, startUnits: number, stepUnits: number): ReadingRecord[] {
  const [year, month] = firstPeriod.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 + i
    const period = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
    return reading(period, [units(startUnits + i * stepUnits)])
  })
}

interface Case {
  today?: string
  takenOn?: string
  meter?: Partial<MeterRecord>
  readings?: ReadingRecord[]
  values?: string[]
  confirm?: ReadingConfirmations
  replacement?: MeterReplacement
  anomalyFactor?: number
}

function context(c: Case): Context {
  const m = meter(c.meter)
  const takenOn = c.takenOn ?? TODAY
  return {
    today: c.today ?? (takenOn > TODAY ? takenOn : TODAY),
    takenOn,
    window: { fromDay: 15, toDay: 25 },
    anomalyFactor: c.anomalyFactor ?? 3,
    meters: new Map([[m.id, m]]),
    readings: c.readings ?? [],
  }
}

function entry(c: Case): ReadingEntry {
  return {
    meterId: METER,
    values: c.values ?? ['00100'],
    ...(c.confirm ? { confirm: c.confirm } : {}),
    ...(c.replacement ? { replacement: c.replacement } : {}),
  }
}

/** Checks one meter's reading. */
function evaluate(c: Case = {}): Evaluation {
  return evaluateReadings(context(c), [entry(c)])
}

function codes(result: Evaluation): string[] {
  return result.issues.map((i) => i.code)
}

function only(result: Evaluation): ReadingIssue {
  expect(result.issues).toHaveLength(1)
  return result.issues[0]!
}

function single(result: Evaluation): Evaluation['entries'][number] {
  expect(result.entries).toHaveLength(1)
  return result.entries[0]!
}

describe('evaluateReadings: values typed for the meter', () => {
  it('accepts a clean reading: 100 m³ after 90 m³ is 10 000 milli-units, no issues, billable', () => {
    const result = evaluate({ readings: [reading('2026-10', [units(90)])], values: ['00100'] })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.period).toBe('2026-11')
    expect(e.valuesMilli).toEqual([100_000])
    expect(e.consumption).toEqual([10_000])
    expect(e.review).toBe(false)
    expect(e.billable).toBe(true)
    expect(e.existing).toBeNull()
    expect(e.replacementStart).toBeNull()
  })

  it.each([
    ['a negative value', '-5', 'Показание не может быть отрицательным: введите число с прибора без минуса.'],
    [
      'a fraction on a meter with no fraction digits',
      '123,5',
      'У этого прибора нет дробной части: введите только цифры до запятой.',
    ],
    [
      '12 digits on a 5-digit meter',
      '123456789012',
      'У прибора 5 цифр до запятой, а введено 12: проверьте показание.',
    ],
    ['letters', '12a45', 'В показании есть буквы: введите только цифры с прибора.'],
    ['an empty field', '', 'Введите показание прибора.'],
    ['a field of spaces', '   ', 'Введите показание прибора.'],
  ])('refuses %s (%j) with a value error and no accepted entry', (_, text, message) => {
    const result = evaluate({ readings: [reading('2026-10', [units(90)])], values: [text] })
    expect(only(result)).toEqual({ meterId: METER, zone: 0, level: 'error', code: 'value', message })
    expect(result.entries).toEqual([])
  })

  it('accepts a fraction on a meter that shows three fraction digits: «123,456» is 123 456 milli-units', () => {
    const e = single(evaluate({ meter: { fraction_digits: 3 }, values: ['123,456'] }))
    expect(e.valuesMilli).toEqual([123_456])
  })

  it('names the zone of a bad value on a two-zone meter', () => {
    const result = evaluate({ meter: { zones: 2 }, values: ['12150', 'ночь'] })
    expect(only(result)).toMatchObject({ zone: 1, code: 'value' })
    expect(result.entries).toEqual([])
  })

  it('asks for one value per zone', () => {
    const result = evaluate({ meter: { zones: 2 }, values: ['12150'] })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'error',
      code: 'value',
      message: 'Введите 2 значения — по числу зон прибора.',
    })
    expect(result.entries).toEqual([])
  })

  it('refuses a meter that is not on the account or already removed', () => {
    const message = 'Прибор не найден или уже снят: обновите карточку счёта.'
    expect(only(evaluate({ meter: { status: 'removed' } }))).toMatchObject({ code: 'meter', message })
    const unknown = evaluateReadings(context({}), [{ meterId: 'm-other', values: ['00100'] }])
    expect(only(unknown)).toMatchObject({ meterId: 'm-other', level: 'error', code: 'meter', message })
  })

  it('refuses the same meter given twice in one set, keeping the first', () => {
    const ctx = context({})
    const result = evaluateReadings(ctx, [
      { meterId: METER, values: ['00100'] },
      { meterId: METER, values: ['00200'] },
    ])
    expect(only(result)).toMatchObject({ code: 'meter', level: 'error', message: 'Прибор указан дважды.' })
    expect(single(result).valuesMilli).toEqual([100_000])
  })
})

describe('evaluateReadings: the date of the readings', () => {
  const dateIssue = (message: string): ReadingIssue => ({
    meterId: '',
    zone: null,
    level: 'error',
    code: 'date',
    message,
  })

  it('refuses a reading dated in the future (21.11.2026 when today is 20.11.2026) and accepts today', () => {
    const future = evaluate({ today: TODAY, takenOn: '2026-11-21' })
    expect(future.issues).toContainEqual(
      dateIssue('Дата показаний в будущем: укажите сегодняшнюю или прошедшую дату.'),
    )
    expect(evaluate({ today: TODAY, takenOn: TODAY }).issues).toEqual([])
  })

  it(`refuses a reading more than ${MAX_READING_AGE_DAYS} days old: 20.09.2026 on 20.11.2026, while 21.09.2026 is fine`, () => {
    expect(MAX_READING_AGE_DAYS).toBe(60)
    const old = evaluate({ today: TODAY, takenOn: '2026-09-20' })
    expect(old.issues).toContainEqual(
      dateIssue('Показания старше 60 дней не принимаются: попросите клиента снять их заново.'),
    )
    expect(evaluate({ today: TODAY, takenOn: '2026-09-21' }).issues).toEqual([])
  })

  it('refuses a reading dated before the meter was installed, and accepts one on the installation day', () => {
    const result = evaluate({ meter: { installed_on: '2026-11-18' }, takenOn: '2026-11-17' })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'error',
      code: 'date',
      message: 'Дата показаний раньше установки прибора (18.11.2026).',
    })
    expect(evaluate({ meter: { installed_on: '2026-11-18' }, takenOn: '2026-11-18' }).issues).toEqual([])
  })

  it('refuses a reading dated before the previous one (that one counted for November under a 1–28 window)', () => {
    // The previous reading was taken on 27.11 and counted for November; this one, taken on 26.11
    // under the 15–25 window, falls to December, so the previous one is earlier by period, not by date.
    const previous = reading('2026-11', [units(90)], { taken_on: '2026-11-27' })
    const result = evaluate({ today: '2026-11-28', takenOn: '2026-11-26', readings: [previous] })
    expect(result.issues).toContainEqual({
      meterId: METER,
      zone: null,
      level: 'error',
      code: 'date',
      message: 'Дата показаний раньше предыдущих (27.11.2026).',
    })
  })
})

describe('evaluateReadings: a reading below the previous one', () => {
  const fiveDigits = { digit_capacity: 5, fraction_digits: 0 }
  const nearTheEnd = [reading('2026-10', [units(99_998)])]

  it('asks to confirm a rollover for 99998 → 00003 and counts no consumption until then', () => {
    const result = evaluate({ meter: fiveDigits, readings: nearTheEnd, values: ['00003'] })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'confirm',
      code: 'below_previous',
      confirm: 'rollover',
      message:
        'Показание меньше предыдущего (20.10.2026). Если счётчик «перешёл через ноль», подтвердите переход; если прибор заменён, оформите замену.',
    })
    expect(single(result).consumption).toEqual([null])
  })

  it('counts 5 units (5 000 milli) for 99998 → 00003 on a 5-digit meter once the rollover is confirmed', () => {
    const result = evaluate({
      meter: fiveDigits,
      readings: nearTheEnd,
      values: ['00003'],
      confirm: { rollover: true },
    })
    expect(result.issues).toEqual([])
    expect(single(result).consumption).toEqual([5000])
  })

  it('counts a 6-digit rollover with the meter’s own capacity: 999998 → 000003 is also 5 units', () => {
    const result = evaluate({
      meter: { digit_capacity: 6 },
      readings: [reading('2026-10', [units(999_998)])],
      values: ['000003'],
      confirm: { rollover: true },
    })
    expect(single(result).consumption).toEqual([5000])
  })

  it('does not add a turn of the drums when a confirmed rollover was not needed: 90 → 100 stays 10 units', () => {
    const result = evaluate({
      readings: [reading('2026-10', [units(90)])],
      values: ['00100'],
      confirm: { rollover: true },
    })
    expect(single(result).consumption).toEqual([10_000])
  })
})

describe('evaluateReadings: a replaced meter', () => {
  const previous = [reading('2026-10', [units(54_321)])]

  function replacement(changes: Partial<MeterReplacement> = {}): MeterReplacement {
    return {
      serial: 'СГВ-15 № 9001',
      digitCapacity: 5,
      fractionDigits: 0,
      installedOn: '2026-11-10',
      nextVerificationOn: '2032-11-10',
      startValues: ['00000'],
      ...changes,
    }
  }

  it('refuses 54321 → 00012 with no replacement, and counts 12 units from the new meter’s start with one', () => {
    expect(codes(evaluate({ readings: previous, values: ['00012'] }))).toEqual(['below_previous'])

    const result = evaluate({ readings: previous, values: ['00012'], replacement: replacement() })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.replacementStart).toEqual([0])
    expect(e.consumption).toEqual([12_000])
  })

  it('counts from a non-zero start value: start 00005, reading 00012 is 7 units', () => {
    const result = evaluate({
      readings: previous,
      values: ['00012'],
      replacement: replacement({ startValues: ['00005'] }),
    })
    expect(result.issues).toEqual([])
    expect(single(result).consumption).toEqual([7000])
  })

  it.each<[string, Partial<MeterReplacement>, string]>([
    [
      'installed after the reading date',
      { installedOn: '2026-11-21' },
      'Дата установки нового прибора позже даты показаний.',
    ],
    [
      'installed before the previous reading',
      { installedOn: '2026-10-19' },
      'Дата установки нового прибора раньше предыдущих показаний.',
    ],
    [
      'verified until the day it was installed',
      { nextVerificationOn: '2026-11-10' },
      'Дата следующей поверки должна быть позже даты установки.',
    ],
    [
      'with two start values for a one-zone meter',
      { startValues: ['00000', '00000'] },
      'Введите начальные показания нового прибора по числу зон: 1.',
    ],
    [
      'with a start value above the reading',
      { startValues: ['00020'] },
      'Показание нового прибора меньше его начального показания.',
    ],
  ])('refuses a new meter %s', (_, changes, message) => {
    const result = evaluate({ readings: previous, values: ['00012'], replacement: replacement(changes) })
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([
      { meterId: METER, zone: null, level: 'error', code: 'replacement', message },
    ])
  })

  it('reads the value typed in the new meter’s digits: 4 digits cannot show 00012', () => {
    const result = evaluate({
      readings: previous,
      values: ['00012'],
      replacement: replacement({ digitCapacity: 4, startValues: ['0000'] }),
    })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: 0,
      level: 'error',
      code: 'value',
      message: 'У прибора 4 цифры до запятой, а введено 5: проверьте показание.',
    })
  })

  it('takes a new meter with more digits and a fraction than the old one: 000012,345 − 000000,000', () => {
    const result = evaluate({
      readings: previous,
      values: ['000012,345'],
      replacement: replacement({ digitCapacity: 6, fractionDigits: 3, startValues: ['000000,000'] }),
    })
    expect(result.issues).toEqual([])
    expect(single(result).valuesMilli).toEqual([12_345])
    expect(single(result).consumption).toEqual([12_345])
  })

  it('judges the verification of a replaced meter by the new meter’s date', () => {
    const result = evaluate({
      meter: { next_verification_on: '2026-11-01' },
      readings: previous,
      values: ['00012'],
      replacement: replacement({ nextVerificationOn: '2032-11-10' }),
    })
    expect(codes(result)).toEqual([])
    expect(single(result).billable).toBe(true)
  })

  it('refuses a start value with letters as a value error of its zone', () => {
    const result = evaluate({
      readings: previous,
      values: ['00012'],
      replacement: replacement({ startValues: ['00O00'] }),
    })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: 0,
      level: 'error',
      code: 'value',
      message: 'В показании есть буквы: введите только цифры с прибора.',
    })
    expect(single(result).consumption).toEqual([null])
  })
})

describe('evaluateReadings: anomalies', () => {
  // Readings from April to October rising by 10 m³ a month: the 6-month average before November is
  // (1060 − 1000) / 6 = 10 m³, so 3 × average = 30 m³ over the October reading of 1060.
  const steady = monthly('2026-04', 7, 1000, 10)
  const withFraction = { fraction_digits: 3 }

  const anomalyIssue = (factor: number): ReadingIssue => ({
    meterId: METER,
    zone: null,
    level: 'confirm',
    code: 'anomaly',
    confirm: 'anomaly',
    message: `Расход более чем в ${factor} раза выше обычного: сверьте показание с прибором и подтвердите. Показание будет отмечено для проверки.`,
  })

  it('does not flag exactly 3 × the average: 1060 → 1090 is 30 000 milli against 10 000', () => {
    const result = evaluate({ meter: withFraction, readings: steady, values: ['1090'] })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.consumption).toEqual([30_000])
    expect(e.review).toBe(false)
  })

  it('asks to confirm one milli-unit above: 1060 → 1090,001 is 30 001 milli', () => {
    const result = evaluate({ meter: withFraction, readings: steady, values: ['1090,001'] })
    expect(only(result)).toEqual(anomalyIssue(3))
    const e = single(result)
    expect(e.consumption).toEqual([30_001])
    expect(e.review).toBe(true)
  })

  it('takes the confirmed anomaly without asking again and flags it for review', () => {
    const result = evaluate({
      meter: withFraction,
      readings: steady,
      values: ['1150'],
      confirm: { anomaly: true },
    })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.consumption).toEqual([90_000])
    expect(e.review).toBe(true)
  })

  it('uses the organisation’s factor: with 2, 20 m³ passes and 20,001 m³ asks', () => {
    expect(
      evaluate({ meter: withFraction, readings: steady, values: ['1080'], anomalyFactor: 2 }).issues,
    ).toEqual([])
    const result = evaluate({ meter: withFraction, readings: steady, values: ['1080,001'], anomalyFactor: 2 })
    expect(only(result)).toEqual(anomalyIssue(2))
    // The same reading is nothing unusual under the default factor of 3.
    expect(evaluate({ meter: withFraction, readings: steady, values: ['1080,001'] }).issues).toEqual([])
  })

  it('spreads the consumption over the months since the previous reading: 90 m³ in 3 months is 30 a month', () => {
    // February to August, +10 a month; the August reading of 1060 is the previous one for November.
    const history = monthly('2026-02', 7, 1000, 10)
    expect(evaluate({ meter: withFraction, readings: history, values: ['1150'] }).issues).toEqual([])
    expect(codes(evaluate({ meter: withFraction, readings: history, values: ['1150,003'] }))).toEqual([
      'anomaly',
    ])
  })

  it('flags nothing without a history to compare against', () => {
    const result = evaluate({ readings: [reading('2026-10', [units(100)])], values: ['05000'] })
    expect(result.issues).toEqual([])
    expect(single(result).review).toBe(false)
  })

  it(`asks to confirm the first reading after more than ${LONG_GAP_MONTHS} months (April → November) and flags it`, () => {
    expect(LONG_GAP_MONTHS).toBe(6)
    const previous = [reading('2026-04', [units(1000)])]
    const result = evaluate({ readings: previous, values: ['01070'] })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'confirm',
      code: 'long_gap',
      confirm: 'anomaly',
      message:
        'Первое показание после перерыва в 7 мес.: сверьте его с прибором и подтвердите. Показание будет отмечено для проверки.',
    })
    expect(single(result).review).toBe(true)

    const confirmed = evaluate({ readings: previous, values: ['01070'], confirm: { anomaly: true } })
    expect(confirmed.issues).toEqual([])
    expect(single(confirmed).review).toBe(true)
    expect(single(confirmed).consumption).toEqual([70_000])
  })

  it('does not treat a gap of exactly 6 months (May → November) as long', () => {
    const result = evaluate({ readings: [reading('2026-05', [units(1000)])], values: ['01060'] })
    expect(result.issues).toEqual([])
    expect(single(result).review).toBe(false)
  })
})

describe('evaluateReadings: the acceptance window (default 15–25)', () => {
  const late = (period: string, window = '15–25'): string =>
    `Показания приняты вне окна приёма (${window} числа) и будут учтены за ${period}.`

  it.each([
    ['2026-11-14', '2026-11', 'ноябрь 2026'],
    ['2026-11-26', '2026-12', 'декабрь 2026'],
    ['2026-12-26', '2027-01', 'январь 2027'],
  ])('warns about a reading taken on %s and counts it for %s', (takenOn, period, periodRu) => {
    const result = evaluate({ takenOn })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'warning',
      code: 'outside_window',
      message: late(periodRu),
    })
    expect(single(result).period).toBe(period)
  })

  it.each(['2026-11-15', '2026-11-20', '2026-11-25'])(
    'takes a reading on %s for November without a warning',
    (takenOn) => {
      const result = evaluate({ takenOn })
      expect(result.issues).toEqual([])
      expect(single(result).period).toBe('2026-11')
    },
  )

  it('uses the meter’s own window when it has one: 1–20, so the 21st goes to December', () => {
    const result = evaluate({ meter: { window_from: 1, window_to: 20 }, takenOn: '2026-11-21' })
    expect(only(result).message).toBe(late('декабрь 2026', '1–20'))
    expect(single(result).period).toBe('2026-12')
    expect(evaluate({ meter: { window_from: 1, window_to: 20 }, takenOn: '2026-11-03' }).issues).toEqual([])
  })

  it('measures a late reading (26.11, for December) from November’s reading: 95 → 100 is 5 units', () => {
    const result = evaluate({
      takenOn: '2026-11-26',
      readings: [reading('2026-10', [units(90)]), reading('2026-11', [units(95)])],
      values: ['00100'],
    })
    expect(codes(result)).toEqual(['outside_window'])
    const e = single(result)
    expect(e.existing).toBeNull()
    expect(e.consumption).toEqual([5000])
  })
})

describe('evaluateReadings: verification', () => {
  const lapsedMessage =
    'Срок поверки истёк 10.11.2026: показание сохраняется, но для начислений не используется (начисление по нормативу ×1,5). Предложите клиенту поверку.'

  it('accepts a reading from a meter past its verification date with a warning, not billable', () => {
    const result = evaluate({
      meter: { next_verification_on: '2026-11-10' },
      readings: [reading('2026-10', [units(90)])],
      values: ['00100'],
    })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'warning',
      code: 'lapsed',
      message: lapsedMessage,
    })
    const e = single(result)
    expect(e.billable).toBe(false)
    expect(e.consumption).toEqual([10_000])
  })

  it('still counts a reading taken on the verification date itself', () => {
    const result = evaluate({ meter: { next_verification_on: TODAY }, takenOn: TODAY })
    expect(result.issues).toEqual([])
    expect(single(result).billable).toBe(true)
  })
})

describe('evaluateReadings: a second reading for the period', () => {
  const october = reading('2026-10', [units(90)])
  const earlierThisMonth = reading('2026-11', [units(97)], { taken_on: '2026-11-16' })

  it('asks to confirm replacing the November reading of 16.11.2026', () => {
    const result = evaluate({ readings: [october, earlierThisMonth], values: ['00100'] })
    expect(only(result)).toEqual({
      meterId: METER,
      zone: null,
      level: 'confirm',
      code: 'replace_existing',
      confirm: 'replaceExisting',
      message:
        'За ноябрь 2026 уже принято показание от 16.11.2026. Заменить его? Прежнее останется в истории.',
    })
    expect(single(result).existing?.id).toBe(earlierThisMonth.id)
  })

  it('replaces it once confirmed, counting from October’s reading: 90 → 100 is 10 units', () => {
    const result = evaluate({
      readings: [october, earlierThisMonth],
      values: ['00100'],
      confirm: { replaceExisting: true },
    })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.existing?.id).toBe(earlierThisMonth.id)
    expect(e.consumption).toEqual([10_000])
  })

  it('does not count a start reading or a superseded reading as the period’s reading', () => {
    const start = reading('2026-11', [units(95)], { kind: 'start', taken_on: '2026-11-05' })
    const superseded = reading('2026-11', [units(97)], { status: 'superseded' })
    const result = evaluate({ readings: [october, start, superseded], values: ['00100'] })
    expect(result.issues).toEqual([])
    expect(single(result).existing).toBeNull()
  })
})

describe('evaluateReadings: a meter installed this month', () => {
  it('measures from its start reading, and asks about a value below it: start 100, then 50', () => {
    const start = reading('2026-11', [units(100)], { kind: 'start', taken_on: '2026-11-05' })
    const fine = evaluate({ meter: { installed_on: '2026-11-05' }, readings: [start], values: ['00112'] })
    expect(fine.issues).toEqual([])
    expect(single(fine).consumption).toEqual([12_000])
    const below = evaluate({ meter: { installed_on: '2026-11-05' }, readings: [start], values: ['00050'] })
    expect(codes(below)).toEqual(['below_previous'])
  })
})

describe('evaluateReadings: two-zone electricity', () => {
  const twoZones = { id: METER, zones: 2, digit_capacity: 6, service_code: 'electricity', unit: 'кВт·ч' }

  it('computes consumption per zone: day 12000 → 12150 is 150 kWh, night 5000 → 5080 is 80 kWh', () => {
    const result = evaluate({
      meter: twoZones,
      readings: [reading('2026-10', [units(12_000), units(5000)])],
      values: ['012150', '005080'],
    })
    expect(result.issues).toEqual([])
    const e = single(result)
    expect(e.valuesMilli).toEqual([12_150_000, 5_080_000])
    expect(e.consumption).toEqual([150_000, 80_000])
  })

  it('asks about a rollover when only the night zone went down', () => {
    const result = evaluate({
      meter: twoZones,
      readings: [reading('2026-10', [units(12_000), units(5000)])],
      values: ['012150', '004990'],
    })
    expect(codes(result)).toEqual(['below_previous'])
    expect(single(result).consumption).toEqual([null, null])
  })

  it('judges an anomaly on both zones together: 30 + 30 kWh against 10 + 10 a month is exactly 3 ×', () => {
    const history = [
      reading('2026-04', [units(1000), units(500)]),
      reading('2026-10', [units(1060), units(560)]),
    ]
    const meterIn = { ...twoZones, fraction_digits: 3 }
    expect(evaluate({ meter: meterIn, readings: history, values: ['1090', '590'] }).issues).toEqual([])
    expect(codes(evaluate({ meter: meterIn, readings: history, values: ['1090', '590,001'] }))).toEqual([
      'anomaly',
    ])
  })
})
