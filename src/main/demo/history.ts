// The months before the as-of date, per account: meter readings taken in the window, the month's
// charges computed from them (history-charges.ts), and the payments that followed the bills.
import type { BillingMeter, BillingReading } from '../../shared/billing/charges'
import type { DayCalendar } from './calendar'
import { HistoryCharges } from './history-charges'
import type { DemoIds } from './ids'
import type { Random } from './random'
import type { PushRow } from './tables'
import { SERVICE_COUNT, SERVICE_INDEX, demoRates, periodIndex, periodOf } from './tariffs'

export interface HistoryMeter {
  id: string
  /** SERVICE_INDEX of its service. */
  service: number
  zones: number
  digitCapacity: number
  installedDay: number
  nextVerificationDay: number
}

export interface HistoryAccount {
  id: string
  openedDay: number
  closed: boolean
  areaCenti: number
  /** Registered residents: what the norms are multiplied by (the owners where none is registered). */
  residents: number
  owners: number
  /** Everyone on the account, registered or not: who actually uses water and power. */
  people: number
  privateHouse: boolean
  meters: HistoryMeter[]
}

const { electricity: ELEC, cold_water: COLD, hot_water: HOT, gas: GAS } = SERVICE_INDEX
const SERVICE_CODES = Object.keys(SERVICE_INDEX)

// Window days, as the organisation's defaults (migration 003).
const WINDOW_FROM = 15
const WINDOW_TO = 25
// An account's month without readings: the customer did not submit (about 12 % of meter-months
// together with the single forgotten meter and the long gaps below).
const MISSED_MONTH = 0.085
const MISSED_METER = 0.015
// Some customers stop submitting for 4–7 months: after three estimated months the norm applies.
const LONG_GAP = 0.05
// Old five-digit electricity meters are the ones that pass 99999; about one meter in seven is
// such, so this makes about 0.1 % of all meters roll over once.
const ROLLOVER_AMONG_FIVE_DIGIT_ELECTRIC = 0.005

// Most readings come in through the cabinet; the rest by phone or at the counter.
const READING_SOURCES = ['office', 'phone', 'web', 'web', 'web'] as const
// 09:10–17:40 in Sevastopol, as UTC.
const TIMES = [
  '06:10:00.000Z',
  '07:25:00.000Z',
  '08:40:00.000Z',
  '10:05:00.000Z',
  '11:30:00.000Z',
  '14:40:00.000Z',
]

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v)

export class HistoryWriter {
  readonly months: number
  /** The history's periods, oldest first, and the day number each starts on (one more: the as-of month). */
  private readonly periods: string[] = []
  private readonly startDay: number[] = []
  private readonly monthOfYear: number[] = []
  private readonly charges: HistoryCharges
  /** The first history month whose charges are written. */
  private readonly storedFrom: number

  /** The charge runs of the months whose charges are written. */
  get storedRuns(): ReadonlyArray<{ id: string; period: string; at: string }> {
    return this.runs.slice(this.storedFrom)
  }
  /** One charge run per history period: its id and when it ran (the 1st of the next month). */
  readonly runs: Array<{ id: string; period: string; at: string }> = []
  private readonly firstIndex: number
  private readonly asOfDay: number
  // Per-account scratch, reused: consumption (milli) per metered service and period, the bill
  // per service and period (kopecks), which months the customer submitted, the readings written.
  private readonly use: Float64Array
  private readonly bill: Float64Array
  private readonly submitted: Uint8Array
  private readonly day: Int32Array
  private readonly source: Array<string>
  private readonly inc1: Float64Array
  private readonly inc2: Float64Array
  private readonly readings: BillingReading[] = []

  constructor(
    private readonly random: Random,
    private readonly ids: DemoIds,
    private readonly days: DayCalendar,
    private readonly serviceIds: readonly string[],
    asOf: string,
    historyMonths: number,
    storedChargeMonths = historyMonths,
  ) {
    const H = (this.months = historyMonths)
    const asOfPeriod = periodIndex(asOf.slice(0, 7))
    this.firstIndex = asOfPeriod - H
    this.asOfDay = Math.round(Date.parse(`${asOf}T00:00:00Z`) / 86_400_000)
    for (let i = 0; i <= H; i++) {
      const p = periodOf(this.firstIndex + i)
      if (i < H) this.periods.push(p)
      this.startDay.push(Math.round(Date.parse(`${p}-01T00:00:00Z`) / 86_400_000))
      this.monthOfYear.push((this.firstIndex + i) % 12)
    }
    for (let i = 0; i < H; i++) {
      this.runs.push({
        id: ids.next(),
        period: this.periods[i]!,
        at: `${periodOf(this.firstIndex + i + 1)}-01T00:30:00.000Z`,
      })
    }
    const { tariffs, norms } = demoRates(asOf, H)
    this.charges = new HistoryCharges(ids, this.periods, this.runs, serviceIds, tariffs, norms)
    this.storedFrom = H - Math.max(0, Math.min(H, storedChargeMonths))
    this.use = new Float64Array(H * 4)
    this.bill = new Float64Array(H * SERVICE_COUNT)
    this.submitted = new Uint8Array(H)
    this.day = new Int32Array(H)
    this.source = new Array<string>(H).fill('')
    this.inc1 = new Float64Array(H)
    this.inc2 = new Float64Array(H)
  }

  /** A uniform number in [lo, hi). */
  private uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * (this.random.next() / 4294967296)
  }

  /** A month's wobble around the household's usual consumption. */
  private noise(): number {
    return 0.88 + 0.24 * (this.random.next() / 4294967296)
  }

  private periodOfDay(day: number): number {
    return periodIndex(this.days.format(day))
  }

  account(a: HistoryAccount, push: PushRow): void {
    // A closed account's meters are no longer read and nothing is billed on it.
    if (this.months === 0 || a.closed) return
    const H = this.months
    const { random } = this
    this.consumption(a)

    // Which months the customer submitted, on which day and how.
    const gap = random.chance(LONG_GAP)
    const gapStart = gap ? random.int(0, H - 1) : -1
    const gapEnd = gap ? gapStart + random.int(4, 7) : -1
    for (let i = 0; i < H; i++) {
      this.day[i] = random.int(WINDOW_FROM, WINDOW_TO)
      this.source[i] = random.pick(READING_SOURCES)
      const open = this.startDay[i]! + this.day[i]! - 1 > a.openedDay
      this.submitted[i] = open && !(i >= gapStart && i < gapEnd) && !random.chance(MISSED_MONTH) ? 1 : 0
    }

    const points = [0, 0, 0, 0]
    for (const m of a.meters) points[m.service]!++
    const kitchenShare = this.uniform(0.35, 0.5)
    const dayShare = this.uniform(0.62, 0.76)
    const seen = [0, 0, 0, 0]
    this.readings.length = 0
    const keep = this.keepReadings(push)
    for (const m of a.meters) {
      const nth = seen[m.service]!++
      const share = points[m.service] === 1 ? 1 : nth === 0 ? kitchenShare : 1 - kitchenShare
      this.meter(a, m, share, dayShare, keep)
    }
    let from = 0
    while (from < H && this.startDay[from + 1]! <= a.openedDay) from++
    this.charges.account(
      {
        id: a.id,
        registered: a.residents,
        owners: a.owners,
        areaCenti: a.areaCenti,
        inBlock: !a.privateHouse,
        meters: a.meters.map((m) => this.billingMeter(m)),
        readings: this.readings,
      },
      from,
      this.storedFrom,
      this.bill,
      push,
    )
    this.payments(a, push)
  }

  /** Passes rows on, keeping the billable readings for the charges. */
  private keepReadings(push: PushRow): PushRow {
    return (table, row) => {
      push(table, row)
      if (table !== 'readings' || row[13] !== true) return
      const values = [row[7] as number]
      if (row[8] !== null) values.push(row[8] as number)
      this.readings.push({
        meterId: row[1] as string,
        period: row[3] as string,
        takenOn: row[4] as string,
        valuesMilli: values,
        rollover: row[9] === true,
      })
    }
  }

  private billingMeter(m: HistoryMeter): BillingMeter {
    return {
      id: m.id,
      serviceCode: SERVICE_CODES[m.service]!,
      zones: m.zones,
      digitCapacity: m.digitCapacity,
      installedOn: this.days.format(m.installedDay),
      nextVerificationOn: this.days.format(m.nextVerificationDay),
      status: 'active',
    }
  }

  /** Monthly consumption per metered service (milli), by household size and season. */
  private consumption(a: HistoryAccount): void {
    const H = this.months
    const { use } = this
    const occupants = Math.max(1, a.people)
    const elecBase = clamp(60 + 48 * occupants + (a.privateHouse ? 50 : 0) + this.uniform(-15, 30), 90, 290)
    const coldBase = clamp(1.4 + 2.3 * occupants + this.uniform(-0.5, 1), 2, 11)
    const hotBase = clamp(0.6 + 1.2 * occupants + this.uniform(-0.3, 0.6), 1, 5.5)
    const gasBase = a.privateHouse
      ? this.uniform(38, 52)
      : clamp(4 + 2 * occupants + this.uniform(-1, 2), 5, 16)
    for (let i = 0; i < H; i++) {
      const m = this.monthOfYear[i]!
      // Electricity peaks in January; gas in a private house heats it from October to April.
      const season = 1 + 0.2 * Math.cos((2 * Math.PI * m) / 12)
      const heatingMonth = m >= 9 || m <= 3
      use[i * 4 + ELEC] = Math.round(clamp(elecBase * season * this.noise(), 80, 350)) * 1000
      use[i * 4 + COLD] = Math.round(clamp(coldBase * this.noise(), 2, 12) * 1000)
      use[i * 4 + HOT] = Math.round(clamp(hotBase * this.noise(), 1, 6) * 1000)
      const gas = a.privateHouse ? (heatingMonth ? gasBase : gasBase * 0.2) : gasBase
      use[i * 4 + GAS] = Math.round(clamp(gas * this.noise(), 5, 60) * 1000)
    }
  }

  private meter(a: HistoryAccount, m: HistoryMeter, share: number, dayShare: number, push: PushRow): void {
    const H = this.months
    const { random, inc1, inc2, use } = this
    const electric = m.service === ELEC
    const unit = electric ? 1000 : 1
    const capacity = 10 ** m.digitCapacity * 1000
    const installed = this.periodOfDay(m.installedDay)
    // Increments per zone: this meter's part of the household's consumption.
    let total = 0
    for (let i = 0; i < H; i++) {
      const all = use[i * 4 + m.service]! * share
      const z1 = m.zones === 2 ? Math.round((all * dayShare) / unit) * unit : Math.round(all / unit) * unit
      inc1[i] = z1
      inc2[i] = m.zones === 2 ? Math.round(all / unit) * unit - z1 : 0
      total += all
    }
    const monthly = total / H
    let v1: number
    let v2 = 0
    // Zone 1 of the meter's previous reading: a value below it is a rollover.
    let last = -1
    const inHistory = installed >= this.firstIndex
    if (inHistory) {
      // A new meter starts near zero; its start reading is taken at installation.
      v1 = random.int(0, 3) * unit
      if (m.zones === 2) v2 = random.int(0, 2) * unit
      if (installed < this.firstIndex + H) {
        const takenOn = this.days.format(m.installedDay)
        push('readings', [
          this.ids.next(),
          m.id,
          a.id,
          periodOf(installed),
          takenOn,
          'office',
          'start',
          v1,
          m.zones === 2 ? v2 : null,
          false,
          'active',
          false,
          false,
          true,
          `${takenOn}T${TIMES[random.next() % TIMES.length]!}`,
        ])
        last = v1
      }
    } else if (
      electric &&
      m.digitCapacity === 5 &&
      H >= 2 &&
      random.chance(ROLLOVER_AMONG_FIVE_DIGIT_ELECTRIC)
    ) {
      // Set up to pass the capacity between two readings of the history, once.
      const k = random.int(1, H - 1)
      let before = 0
      for (let i = 0; i < k; i++) before += inc1[i]!
      const room = Math.max(1, Math.floor(inc1[k]! / unit) - 1)
      v1 = capacity - before - random.int(1, room) * unit
      if (m.zones === 2) v2 = Math.round((v1 * 0.4) / unit) * unit
    } else {
      // An older meter: roughly what it has counted since installation, kept clear of its capacity.
      const age = this.firstIndex - installed
      const headroom = capacity - 1.3 * total - unit
      v1 = age * monthly * this.uniform(0.7, 1.3) * (m.zones === 2 ? dayShare : 1)
      if (v1 > headroom) v1 = this.uniform(0, headroom)
      v1 = Math.round(v1 / unit) * unit
      if (m.zones === 2) v2 = Math.round((v1 * (1 - dayShare)) / dayShare / unit) * unit
      if (v2 > headroom) v2 = Math.round(this.uniform(0, headroom) / unit) * unit
    }

    for (let i = 0; i < H; i++) {
      const period = this.firstIndex + i
      if (period <= installed) continue
      v1 += inc1[i]!
      v2 += inc2[i]!
      if (!this.submitted[i] || random.chance(MISSED_METER)) continue
      const value1 = v1 % capacity
      const takenDay = this.startDay[i]! + this.day[i]! - 1
      const takenOn = this.days.format(takenDay)
      push('readings', [
        this.ids.next(),
        m.id,
        a.id,
        this.periods[i]!,
        takenOn,
        this.source[i]!,
        'regular',
        value1,
        m.zones === 2 ? v2 % capacity : null,
        last >= 0 && value1 < last,
        'active',
        false,
        false,
        // Past its verification date a meter's readings are kept but not billed (ПП № 354).
        takenDay <= m.nextVerificationDay,
        `${takenOn}T${TIMES[(i + this.day[i]!) % TIMES.length]!}`,
      ])
      last = value1
    }
  }

  /**
   * Bills paid in the first half of the next month, by bank or post: most pay in full, some pay
   * part, some skip months and catch up later. Each payment is split over the services in
   * proportion to that month's bill. A fifth of the accounts carry debt in from before.
   */
  private payments(a: HistoryAccount, push: PushRow): void {
    const H = this.months
    const { random, bill } = this
    const habit = random.next() % 100
    const full = habit < 70
    const partial = !full && habit < 85
    let owed = 0
    for (let i = 0; i < H; i++) {
      const b = i * SERVICE_COUNT
      let due = 0
      for (let s = 0; s < SERVICE_COUNT; s++) due += bill[b + s]!
      if (this.startDay[i + 1]! <= a.openedDay) continue
      owed += due
      const payDay = this.startDay[i + 1]! + random.int(0, 14)
      let amount: number
      if (full) {
        if (random.chance(0.04)) continue
        amount = random.chance(0.6) ? owed : Math.ceil(owed / 1000) * 1000
      } else if (partial) {
        if (random.chance(0.1)) continue
        amount = Math.max(10_000, Math.round((due * this.uniform(0.4, 0.9)) / 10_000) * 10_000)
      } else {
        if (random.chance(0.45)) continue
        amount = Math.round((owed * this.uniform(0.8, 1)) / 100) * 100
      }
      if (payDay >= this.asOfDay || amount <= 0) continue
      owed = Math.max(0, owed - amount)
      const paymentId = this.ids.next()
      const date = this.days.format(payDay)
      const at = `${date}T${TIMES[random.next() % TIMES.length]!}`
      push('payments', [
        paymentId,
        a.id,
        date,
        at,
        amount,
        'payment',
        random.chance(0.75) ? 'bank' : 'post',
        at,
      ])
      this.split(amount, b, (s, part) =>
        push('payment_allocations', [this.ids.next(), paymentId, a.id, this.serviceIds[s]!, part]),
      )
    }
    if (random.chance(0.2)) {
      const debt = random.int(0, 1_500_000)
      const period = this.periods[0]!
      // Split like the first month's bill.
      this.split(debt, 0, (s, part) => push('opening_balances', [a.id, this.serviceIds[s]!, period, part]))
    }
  }

  /**
   * Splits `amount` over the services of bill row `b` in proportion to what each was charged, to
   * the kopeck; a month that charged nothing (or only took estimates back) puts it on electricity.
   */
  private split(amount: number, b: number, emit: (service: number, part: number) => void): void {
    const { bill } = this
    let positive = 0
    let largest = -1
    for (let s = 0; s < SERVICE_COUNT; s++) {
      if (bill[b + s]! <= 0) continue
      positive += bill[b + s]!
      if (largest < 0 || bill[b + s]! > bill[b + largest]!) largest = s
    }
    if (largest < 0) {
      if (amount > 0) emit(ELEC, amount)
      return
    }
    let rest = amount
    for (let s = 0; s < SERVICE_COUNT; s++) {
      if (s === largest || bill[b + s]! <= 0) continue
      const part = Math.floor((amount * bill[b + s]!) / positive)
      rest -= part
      if (part > 0) emit(s, part)
    }
    if (rest > 0) emit(largest, rest)
  }
}
