// The demo history of one account, without a database: which months get readings and payments,
// how meter values move, and the tariff periods the demo writes.
import { describe, expect, it } from 'vitest'
import { DayCalendar } from '../../../../src/main/demo/calendar'
import { HistoryWriter, type HistoryAccount, type HistoryMeter } from '../../../../src/main/demo/history'
import { DemoIds } from '../../../../src/main/demo/ids'
import { Random } from '../../../../src/main/demo/random'
import { DEMO_COLUMNS, type DemoTable, type Row } from '../../../../src/main/demo/tables'
import { DEMO_TARIFFS, periodIndex, periodOf, tariffPeriods } from '../../../../src/main/demo/tariffs'

const AS_OF = '2026-11-22'
const SERVICE_IDS = ['electricity', 'cold_water', 'hot_water', 'gas', 'wastewater', 'heating', 'solid_waste']
const day = (date: string): number => DayCalendar.dayOf(date)

type Rows = Record<string, Array<Record<string, unknown>>>

function writer(months = 12, seed = 1): HistoryWriter {
  const random = new Random(seed)
  return new HistoryWriter(random, new DemoIds(random, 0), new DayCalendar(), SERVICE_IDS, AS_OF, months)
}

/** Runs the writer over `account`, returning its rows by table as objects. */
function history(account: HistoryAccount, w = writer()): Rows {
  const rows: Rows = {}
  w.account(account, (table: DemoTable, row: Row) => {
    const cols = DEMO_COLUMNS[table] as readonly string[]
    ;(rows[table] ??= []).push(Object.fromEntries(cols.map((c, i) => [c, row[i]])))
  })
  return rows
}

function meter(id: string, service: number, extra: Partial<HistoryMeter> = {}): HistoryMeter {
  return {
    id,
    service,
    zones: 1,
    digitCapacity: 5,
    installedDay: day('2019-03-14'),
    nextVerificationDay: day('2030-03-14'),
    ...extra,
  }
}

function account(extra: Partial<HistoryAccount> = {}): HistoryAccount {
  return {
    id: 'acc',
    openedDay: day('2010-01-01'),
    closed: false,
    areaCenti: 5400,
    residents: 3,
    owners: 2,
    people: 3,
    privateHouse: false,
    meters: [
      meter('el', 0, { zones: 2 }),
      meter('cw1', 1),
      meter('cw2', 1, { digitCapacity: 8 }),
      meter('hw', 2),
      meter('gas', 3),
    ],
    ...extra,
  }
}

const HISTORY = Array.from({ length: 12 }, (_, i) => periodOf(periodIndex('2026-11') - 12 + i))

describe('demo tariff periods', () => {
  it('counts months across years both ways', () => {
    expect(periodIndex('2026-01') - periodIndex('2025-12')).toBe(1)
    for (const p of ['2024-01', '2025-07', '2026-12']) expect(periodOf(periodIndex(p))).toBe(p)
  })

  it('raises on 1 July of the as-of year, from rates in force since well before the history', () => {
    expect(tariffPeriods(AS_OF, 12)).toEqual({ since: '2024-01', change: '2026-07' })
    // A longer history moves the earlier rate back with it.
    expect(tariffPeriods(AS_OF, 36).since <= '2022-11').toBe(true)
    for (const t of DEMO_TARIFFS) expect(t.after).toBeGreaterThan(t.before)
  })
})

describe('demo history of an account', () => {
  it('reads each meter in the window of the history months, never going down, day zone above night', () => {
    const rows = history(account())
    const readings = rows.readings ?? []
    expect(readings.length).toBeGreaterThan(5 * 12 * 0.6)
    const last = new Map<string, number[]>()
    for (const r of readings) {
      expect(HISTORY).toContain(r.period)
      expect(String(r.taken_on).slice(0, 7)).toBe(r.period)
      const d = Number(String(r.taken_on).slice(8))
      expect(d >= 15 && d <= 25).toBe(true)
      expect(r.kind).toBe('regular')
      const values = [Number(r.zone1_milli), Number(r.zone2_milli ?? 0)]
      const before = last.get(String(r.meter_id))
      if (before) {
        expect(values[0]! >= before[0]! && values[1]! >= before[1]!).toBe(true)
        expect(r.rollover).toBe(false)
      }
      last.set(String(r.meter_id), values)
      if (r.meter_id === 'el') {
        expect(values[0]! % 1000).toBe(0)
        expect(values[1]! % 1000).toBe(0)
      } else expect(r.zone2_milli).toBeNull()
    }
    // All of an account's meters are read on the same day of a month (one visit, one call).
    const days = new Map<string, Set<unknown>>()
    for (const r of readings)
      (days.get(String(r.period)) ?? days.set(String(r.period), new Set()).get(String(r.period))!).add(
        r.taken_on,
      )
    for (const set of days.values()) expect(set.size).toBe(1)
  })

  it('gives a meter installed inside the history a start reading, and readings from the next month', () => {
    const rows = history(account({ meters: [meter('new', 1, { installedDay: day('2026-03-09') })] }))
    const readings = rows.readings ?? []
    expect(readings[0]).toMatchObject({
      kind: 'start',
      period: '2026-03',
      taken_on: '2026-03-09',
      rollover: false,
    })
    expect(Number(readings[0]!.zone1_milli)).toBeLessThan(4000)
    for (const r of readings.slice(1)) {
      expect(r.kind).toBe('regular')
      expect(String(r.period) > '2026-03').toBe(true)
    }
  })

  it('keeps the readings after a lapsed verification, not billable', () => {
    const rows = history(account({ meters: [meter('old', 1, { nextVerificationDay: day('2026-06-01') })] }))
    for (const r of rows.readings ?? []) expect(r.billable).toBe(String(r.taken_on) <= '2026-06-01')
    expect((rows.readings ?? []).some((r) => r.billable === false)).toBe(true)
  })

  it('writes nothing for a closed account or without a history', () => {
    expect(history(account({ closed: true }))).toEqual({})
    expect(history(account(), writer(0))).toEqual({})
  })

  it('starts an account opened inside the history at its opening', () => {
    const rows = history(account({ openedDay: day('2026-05-10') }))
    expect((rows.readings ?? []).length).toBeGreaterThan(0)
    for (const r of rows.readings ?? []) expect(String(r.taken_on) > '2026-05-10').toBe(true)
    for (const p of rows.payments ?? []) expect(String(p.business_date) > '2026-06').toBe(true)
  })

  it('splits each payment over the services to the kopeck, and pays in the first half of the next month', () => {
    let payments = 0
    for (let seed = 1; seed <= 40; seed++) {
      const rows = history(account(), writer(12, seed))
      const allocated = new Map<unknown, number>()
      for (const a of rows.payment_allocations ?? []) {
        expect(Number(a.amount_kopecks)).toBeGreaterThan(0)
        expect(SERVICE_IDS).toContain(a.service_id)
        allocated.set(a.payment_id, (allocated.get(a.payment_id) ?? 0) + Number(a.amount_kopecks))
      }
      for (const p of rows.payments ?? []) {
        payments++
        expect(allocated.get(p.id)).toBe(p.amount_kopecks)
        expect(Number(String(p.business_date).slice(8))).toBeLessThanOrEqual(15)
        expect(String(p.business_date) < AS_OF).toBe(true)
      }
      for (const o of rows.opening_balances ?? []) expect(o.as_of_period).toBe(HISTORY[0])
    }
    // Forty accounts, twelve bills each: most are paid.
    expect(payments).toBeGreaterThan(40 * 12 * 0.7)
  })

  it('rolls over a five-digit electricity meter now and then, flagging the reading that passed 99999', () => {
    let flagged = 0
    for (let seed = 1; seed <= 3000 && flagged === 0; seed++) {
      const rows = history(account({ meters: [meter('el', 0)] }), writer(12, seed))
      let previous: number | null = null
      for (const r of rows.readings ?? []) {
        const value = Number(r.zone1_milli)
        if (previous !== null) expect(r.rollover).toBe(value < previous)
        if (r.rollover) {
          flagged++
          expect(value).toBeLessThan(previous as number)
          expect(previous as number).toBeGreaterThan(99_000_000)
        }
        previous = value
      }
    }
    expect(flagged).toBe(1)
  })
})
