// The slot engine on its own: a district office working Mon–Thu 08:00–17:00 and Fri 08:00–16:00
// with a 12:00–12:45 break and three specialists, on a 15-minute grid. The organisation's zone
// (Europe/Simferopol, UTC+3 all year) fixes every instant; `npm test` runs this file a second
// time under TZ=America/New_York, and a few tests switch the machine zone themselves.
import { describe, expect, it, vi } from 'vitest'
import {
  dayGrid,
  dayPlan,
  freeSlots,
  stepsCovered,
  type CalendarKind,
  type DayPlan,
  type FreeSlot,
  type SlotQuery,
} from '../../../../src/shared/appointments/slots'

const ORG = 'Europe/Simferopol'

const WEEKDAY: DayPlan = {
  opens: '08:00',
  closes: '17:00',
  breakFrom: '12:00',
  breakTo: '12:45',
  capacity: 3,
}
const FRIDAY: DayPlan = { ...WEEKDAY, closes: '16:00' }
const WEEK = new Map<number, DayPlan>([
  [1, WEEKDAY],
  [2, WEEKDAY],
  [3, WEEKDAY],
  [4, WEEKDAY],
  [5, FRIDAY],
])

// Friday 20 November 2026, 09:00 in Simferopol.
const NOW = new Date('2026-11-20T06:00:00.000Z')

function query(over: Partial<SlotQuery> = {}): SlotQuery {
  return {
    week: WEEK,
    calendar: new Map(),
    closures: new Set(),
    stepMinutes: 15,
    horizonDays: 30,
    minNoticeMinutes: 60,
    from: '2026-11-23',
    to: '2026-11-23',
    durationMinutes: 15,
    now: NOW,
    today: '2026-11-20',
    timeZone: ORG,
    taken: new Map(),
    ...over,
  }
}

const times = (slots: FreeSlot[], date?: string): string[] =>
  slots.filter((s) => !date || s.date === date).map((s) => s.time)
const dates = (slots: FreeSlot[]): string[] => [...new Set(slots.map((s) => s.date))]
const calendar = (entries: Record<string, CalendarKind>): Map<string, CalendarKind> =>
  new Map(Object.entries(entries))

describe('a working day and its break', () => {
  it('offers every 15 minutes from opening to the last slot that ends at closing, none in the break', () => {
    const slots = freeSlots(query())
    const got = times(slots)
    expect(got[0]).toBe('08:00')
    expect(got.at(-1)).toBe('16:45')
    expect(got).toContain('11:45')
    expect(got).not.toContain('12:00')
    expect(got).not.toContain('12:15')
    expect(got).not.toContain('12:30')
    expect(got).toContain('12:45')
    // 08:00–12:00 is 16 steps, 12:45–17:00 is 17.
    expect(got).toHaveLength(33)
    expect(slots[0]).toEqual({
      date: '2026-11-23',
      time: '08:00',
      ends: '08:15',
      startsAt: '2026-11-23T05:00:00.000Z',
      free: 3,
      capacity: 3,
    })
  })

  it('is an hour shorter on Friday and closed at the weekend', () => {
    const slots = freeSlots(query({ from: '2026-11-27', to: '2026-11-29' }))
    expect(dates(slots)).toEqual(['2026-11-27'])
    expect(times(slots).at(-1)).toBe('15:45')
  })

  it('treats a day without a plan, or with no specialists, as closed', () => {
    const week = new Map(WEEK)
    week.set(1, { ...WEEKDAY, capacity: 0 })
    expect(dayPlan('2026-11-23', { week, calendar: new Map(), closures: new Set() })).toBeNull()
    expect(dayPlan('2026-11-28', { week: WEEK, calendar: new Map(), closures: new Set() })).toBeNull()
    expect(freeSlots(query({ week }))).toEqual([])
  })

  it('works a day without a break straight through', () => {
    const grid = dayGrid({ ...WEEKDAY, breakFrom: null, breakTo: null }, 15, 15)
    expect(grid).toHaveLength(36)
    expect(grid).toContain('12:15')
  })
})

describe('the production calendar', () => {
  it('closes a holiday', () => {
    const slots = freeSlots(
      query({
        from: '2026-11-03',
        to: '2026-11-05',
        today: '2026-11-02',
        now: new Date('2026-11-02T05:00:00Z'),
        calendar: calendar({ '2026-11-04': 'holiday' }),
      }),
    )
    expect(dates(slots)).toEqual(['2026-11-03', '2026-11-05'])
  })

  it('ends a shortened pre-holiday day one hour early', () => {
    const q = query({
      from: '2026-11-03',
      to: '2026-11-03',
      today: '2026-11-02',
      now: new Date('2026-11-02T05:00:00Z'),
      calendar: calendar({ '2026-11-03': 'short', '2026-11-04': 'holiday' }),
    })
    expect(times(freeSlots(q)).at(-1)).toBe('15:45')
    expect(times(freeSlots({ ...q, durationMinutes: 30 })).at(-1)).toBe('15:30')
    expect(dayPlan('2026-11-03', q)).toEqual({ ...WEEKDAY, closes: '16:00' })
    // A shortened Friday loses its hour from its own, earlier closing.
    expect(dayPlan('2027-12-31', { ...q, calendar: calendar({ '2027-12-31': 'short' }) })?.closes).toBe(
      '15:00',
    )
  })

  it('opens a weekend day the calendar makes a working day, on the Monday plan', () => {
    const q = query({ from: '2026-11-28', to: '2026-11-29', calendar: calendar({ '2026-11-28': 'workday' }) })
    const slots = freeSlots(q)
    expect(dates(slots)).toEqual(['2026-11-28'])
    expect(times(slots)).toEqual(times(freeSlots(query())))
  })

  it('opens a shortened weekend working day too, an hour short of the Monday plan', () => {
    // As on Saturday 1 November 2025: a transferred working day before the 4 November holiday.
    const q = query({ from: '2026-11-28', to: '2026-11-28', calendar: calendar({ '2026-11-28': 'short' }) })
    expect(dayPlan('2026-11-28', q)).toEqual({ ...WEEKDAY, closes: '16:00' })
    expect(times(freeSlots(q)).at(-1)).toBe('15:45')
  })
})

describe('an office closure', () => {
  it('closes that office that day only', () => {
    const slots = freeSlots(
      query({ from: '2026-11-23', to: '2026-11-25', closures: new Set(['2026-11-24']) }),
    )
    expect(dates(slots)).toEqual(['2026-11-23', '2026-11-25'])
  })

  it('wins over a weekend working day', () => {
    const q = query({
      from: '2026-11-28',
      to: '2026-11-28',
      calendar: calendar({ '2026-11-28': 'workday' }),
      closures: new Set(['2026-11-28']),
    })
    expect(freeSlots(q)).toEqual([])
  })
})

describe('capacity and seats taken', () => {
  it('counts free seats down and drops a full slot', () => {
    const taken = new Map([
      ['2026-11-23 09:00', 2],
      ['2026-11-23 09:15', 3],
      ['2026-11-24 09:15', 3],
    ])
    const slots = freeSlots(query({ taken }))
    const at = (t: string) => slots.find((s) => s.time === t)
    expect(at('08:45')?.free).toBe(3)
    expect(at('09:00')).toMatchObject({ free: 1, capacity: 3 })
    expect(at('09:15')).toBeUndefined()
    expect(at('09:30')?.free).toBe(3)
    expect(slots).toHaveLength(32)
  })

  it('gives a 30-minute topic a slot only where both steps have a free seat', () => {
    const taken = new Map([
      ['2026-11-23 10:15', 3],
      ['2026-11-23 11:00', 2],
    ])
    const slots = freeSlots(query({ taken, durationMinutes: 30 }))
    const at = (t: string) => slots.find((s) => s.time === t)
    expect(at('09:45')?.free).toBe(3)
    expect(at('10:00')).toBeUndefined()
    expect(at('10:15')).toBeUndefined()
    expect(at('10:30')).toMatchObject({ ends: '11:00', free: 3 })
    // The busier of the two steps decides.
    expect(at('10:45')?.free).toBe(1)
    expect(at('11:00')?.free).toBe(1)
    expect(at('11:15')?.free).toBe(3)
  })

  it('does not let a 30-minute topic straddle the break or run past closing', () => {
    const got = times(freeSlots(query({ durationMinutes: 30 })))
    expect(got).toContain('11:30')
    expect(got).not.toContain('11:45')
    expect(got).not.toContain('12:15')
    expect(got).not.toContain('12:30')
    expect(got[got.indexOf('11:30') + 1]).toBe('12:45')
    expect(got.at(-1)).toBe('16:30')
    expect(got).toHaveLength(31)
    expect(dayGrid(FRIDAY, 30, 15).at(-1)).toBe('15:30')
  })

  it('covers the steps a topic needs, rounding a part step up', () => {
    expect(stepsCovered('11:30', 30, 15)).toEqual(['11:30', '11:45'])
    expect(stepsCovered('09:00', 15, 15)).toEqual(['09:00'])
    expect(stepsCovered('09:00', 20, 15)).toEqual(['09:00', '09:15'])
    expect(stepsCovered('16:00', 60, 15)).toEqual(['16:00', '16:15', '16:30', '16:45'])
    expect(stepsCovered('09:00', 5, 15)).toEqual(['09:00'])
  })

  it('fits a 20-minute topic only where it ends by the break and by closing', () => {
    const grid = dayGrid(WEEKDAY, 20, 15)
    expect(grid).toContain('11:30')
    expect(grid).not.toContain('11:45')
    expect(grid.at(-1)).toBe('16:30')
  })
})

describe('the horizon and the minimum notice', () => {
  it('offers nothing sooner than an hour from now, and nothing in the past', () => {
    // 09:00 now: 09:45 is too soon, 10:00 is exactly the notice.
    const slots = freeSlots(query({ from: '2026-11-19', to: '2026-11-20' }))
    expect(dates(slots)).toEqual(['2026-11-20'])
    expect(times(slots)[0]).toBe('10:00')
    expect(freeSlots(query({ from: '2026-11-20', to: '2026-11-20', minNoticeMinutes: 61 }))[0]?.time).toBe(
      '10:15',
    )
    expect(freeSlots(query({ from: '2026-11-20', to: '2026-11-20', minNoticeMinutes: 0 }))[0]?.time).toBe(
      '09:00',
    )
  })

  it('carries the notice over midnight into the next day', () => {
    // Thursday 16:30: with a 24-hour notice Friday opens at 16:30 — after Friday's closing.
    const thursday = { now: new Date('2026-11-19T13:30:00Z'), today: '2026-11-19' }
    const slots = freeSlots(
      query({ ...thursday, from: '2026-11-19', to: '2026-11-23', minNoticeMinutes: 24 * 60 }),
    )
    expect(dates(slots)).toEqual(['2026-11-23'])
  })

  it('offers up to the horizon day inclusive and nothing after', () => {
    const slots = freeSlots(query({ from: '2026-11-20', to: '2027-01-31' }))
    // 20 November + 30 days = Sunday 20 December; the last working day inside is Friday 18.
    expect(dates(slots).at(-1)).toBe('2026-12-18')
    const wide = freeSlots(query({ from: '2026-11-20', to: '2027-01-31', horizonDays: 31 }))
    expect(dates(wide).at(-1)).toBe('2026-12-21')
    expect(freeSlots(query({ from: '2026-12-22', to: '2026-12-31' }))).toEqual([])
  })
})

describe('the days clocks change elsewhere', () => {
  // A seven-day office, so the US (Sunday) and EU change days are working days.
  const everyDay = new Map<number, DayPlan>([1, 2, 3, 4, 5, 6, 7].map((d) => [d, WEEKDAY]))
  const cases: Array<[string, string]> = [
    ['2026-03-08', '2026-03-09'],
    ['2026-03-29', '2026-03-30'],
    ['2026-10-25', '2026-10-26'],
    ['2026-11-01', '2026-11-02'],
  ]

  it.each(cases)('keeps 10:00 at 07:00 UTC on %s and the day after', (day, next) => {
    const now = new Date(`${day}T00:00:00Z`)
    const q = query({ week: everyDay, from: day, to: next, now, today: day })
    const slots = freeSlots(q)
    for (const date of [day, next]) {
      const ten = slots.find((s) => s.date === date && s.time === '10:00')
      expect(ten?.startsAt).toBe(`${date}T07:00:00.000Z`)
      expect(times(slots, date)).toHaveLength(33)
    }
    for (const s of slots) {
      const [hh, mm] = s.time.split(':').map(Number) as [number, number]
      expect(new Date(s.startsAt).getUTCHours() * 60 + new Date(s.startsAt).getUTCMinutes()).toBe(
        hh * 60 + mm - 180,
      )
    }
  })

  it.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'])(
    'gives the same slots whatever the machine zone (TZ=%s)',
    (tz) => {
      const q = query({
        week: everyDay,
        from: '2026-03-07',
        to: '2026-03-09',
        now: new Date('2026-03-07T07:10:00Z'),
        today: '2026-03-07',
        taken: new Map([['2026-03-08 10:00', 3]]),
      })
      const reference = freeSlots(q)
      vi.stubEnv('TZ', tz) // restored after the test (unstubEnvs)
      const slots = freeSlots(q)
      expect(slots).toEqual(reference)
      // 10:10 now + 60 minutes: the first slot on the 7th is 11:15.
      expect(times(slots, '2026-03-07')[0]).toBe('11:15')
      expect(slots.find((s) => s.date === '2026-03-08' && s.time === '02:00')).toBeUndefined()
      expect(times(slots, '2026-03-08')).not.toContain('10:00')
      expect(slots.find((s) => s.date === '2026-03-08' && s.time === '08:00')?.startsAt).toBe(
        '2026-03-08T05:00:00.000Z',
      )
    },
  )
})
