// The deterministic demo generator: one fictional organisation, four Sevastopol district offices
// with real street names, accounts with owners, residents and meters, tariffs and norms, and
// months of readings and payments. The same seed, size, date and history give the same rows on
// every machine.
import { DEFAULT_TIME_ZONE } from '../../shared/dates'
import { foldForSearch } from '../../shared/text/normalize'
import { withAccountKey } from '../../shared/requisites'
import { houseSortKey } from '../../shared/address'
import { VERIFICATION_WARNING_DEFAULT_DAYS } from '../../shared/domain/meter'
import { hashPassword } from '../services/clerks/passwords'
import { DemoAppointments } from './appointments'
import { DayCalendar } from './calendar'
import { DEMO_CLERKS } from './credentials'
import { HistoryWriter, type HistoryMeter } from './history'
import { household } from './household'
import { DemoIds } from './ids'
import { Random } from './random'
import { DEMO_OFFICES } from './streets'
import { DEMO_NORMS, DEMO_TARIFFS, SERVICE_INDEX, tariffPeriods } from './tariffs'
import { DEMO_COLUMNS, type DemoSink, type DemoTable, type Row } from './tables'

export interface DemoOptions {
  accounts: number
  seed?: number
  /** The date the data is «as of» (YYYY-MM-DD): verification dates are spread around it. */
  asOf: string
}

export const DEFAULT_HISTORY_MONTHS = 12

const seed = (options: DemoOptions): number => options.seed ?? 20261122

/**
 * DemoOptions and the length of the history. Kept apart from DemoOptions so that code holding a
 * Required<DemoOptions> (the tests' DEMO) gets the default history without naming it.
 */
export interface DemoBuildOptions extends DemoOptions {
  /**
   * Months of readings and payments before the as-of month (default 12; 0: none). The accounts,
   * people and meters are the same whatever the length: the history draws from its own stream.
   */
  historyMonths?: number
  /**
   * Of those, how many of the latest months keep their charges in the database (default: all).
   * Every month is still computed, so payments follow the bills; a big bench database stores
   * only the last few, since a charge is about a dozen rows per account and month.
   */
  storedChargeMonths?: number
}

export const DEMO_SERVICES = [
  { code: 'electricity', name: 'Электроснабжение', unit: 'кВт·ч', metered: true },
  { code: 'cold_water', name: 'Холодное водоснабжение', unit: 'м³', metered: true },
  { code: 'hot_water', name: 'Горячее водоснабжение', unit: 'м³', metered: true },
  { code: 'gas', name: 'Газоснабжение', unit: 'м³', metered: true },
  { code: 'wastewater', name: 'Водоотведение', unit: 'м³', metered: false },
  { code: 'heating', name: 'Отопление', unit: 'Гкал', metered: false },
  { code: 'solid_waste', name: 'Обращение с ТКО', unit: 'чел.', metered: false },
] as const

// Verification intervals (years) by service, as in the meters' type approvals.
const VERIFICATION_YEARS: Record<string, number> = { electricity: 16, cold_water: 6, hot_water: 6, gas: 10 }

/**
 * The tables that get a row or more per account, parents before children: the order a flush
 * writes them in (build.ts builds their secondary indexes after the rows).
 */
export const BULK_TABLES: readonly DemoTable[] = [
  'addresses',
  'accounts',
  'persons',
  'account_persons',
  'meters',
  'readings',
  'payments',
  'payment_allocations',
  'opening_balances',
  'charges',
  'charge_lines',
]

/** Buffers rows per table and hands them to the sink in batches. */
class Batcher {
  private readonly buffers = new Map<DemoTable, Row[]>(BULK_TABLES.map((t) => [t, []]))
  /** Some table holds a full batch: flush before the next account. */
  full = false
  constructor(private readonly sink: DemoSink) {}

  // Synchronous: an account's rows (a hundred with the history) are pushed without awaiting
  // each, and the generator flushes between accounts, so an account never reaches the database
  // half-written and every table is flushed parents first (PostgreSQL checks foreign keys on each
  // insert).
  readonly push = (table: DemoTable, row: Row): void => {
    const buf = this.buffers.get(table) as Row[]
    buf.push(row)
    if (buf.length * DEMO_COLUMNS[table].length >= 24_000) this.full = true
  }

  async flushTable(table: DemoTable): Promise<void> {
    const buf = this.buffers.get(table) as Row[]
    if (buf.length === 0) return
    this.buffers.set(table, [])
    await this.sink.insert(table, buf)
  }

  async flush(): Promise<void> {
    this.full = false
    for (const table of BULK_TABLES) await this.flushTable(table)
  }
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

class DemoGenerator {
  private readonly random: Random
  private readonly ids: DemoIds
  private readonly days = new DayCalendar()
  private readonly asOfDay: number
  private readonly created: string
  private readonly batch: Batcher
  private readonly keys = new Map<string, string>()
  private readonly words = new Set<string>()
  private readonly serviceIds = new Map<string, string>()
  private readonly historyMonths: number
  // The history's own stream and ids (another millisecond range, so never the same id): the
  // accounts, people and meters come out the same as without a history, or with a longer one.
  private readonly historyRandom: Random
  private readonly historyIds: DemoIds
  private history!: HistoryWriter
  private appointments!: DemoAppointments

  constructor(
    private readonly sink: DemoSink,
    private readonly options: DemoBuildOptions,
  ) {
    this.random = new Random(seed(options))
    this.asOfDay = DayCalendar.dayOf(options.asOf)
    this.ids = new DemoIds(this.random, (this.asOfDay - 400) * 86_400_000)
    this.created = `${this.days.format(this.asOfDay - 30)}T06:00:00.000Z`
    this.batch = new Batcher(sink)
    this.historyRandom = new Random((seed(options) ^ 0x68697374) >>> 0)
    this.historyIds = new DemoIds(this.historyRandom, (this.asOfDay - 200) * 86_400_000)
    this.historyMonths = options.historyMonths ?? DEFAULT_HISTORY_MONTHS
    if (!Number.isInteger(this.historyMonths) || this.historyMonths < 0 || this.historyMonths > 120) {
      throw new Error(`historyMonths: целое число от 0 до 120, а не ${this.historyMonths}`)
    }
  }

  /** Folded search key of a name part, cached: names repeat a great deal. */
  private fold(s: string): string {
    let k = this.keys.get(s)
    if (k === undefined) this.keys.set(s, (k = foldForSearch(s)))
    return k
  }

  async run(): Promise<void> {
    // scrypt is slow by design: hash the demo passwords while the accounts are generated.
    const salts = DEMO_CLERKS.map(() =>
      Buffer.from([0, 1, 2, 3].map(() => this.random.hex8()).join(''), 'hex'),
    )
    const hashes = Promise.all(DEMO_CLERKS.map((c, i) => hashPassword(c.password, salts[i])))
    const offices = await this.reference()
    this.history = new HistoryWriter(
      this.historyRandom,
      this.historyIds,
      this.days,
      DEMO_SERVICES.map((s) => this.serviceIds.get(s.code) as string),
      this.options.asOf,
      this.historyMonths,
      this.options.storedChargeMonths ?? this.historyMonths,
    )
    await this.sink.insert(
      'charge_runs',
      this.history.storedRuns.map((r) => [r.id, r.period, r.at, r.at]),
    )
    const streets = offices.flatMap((o) =>
      o.streets.map(([kind, name]) => ({ id: this.ids.next(), office: o, kind, name, nextHouse: 1 })),
    )
    await this.sink.insert(
      'streets',
      streets.map((s) => [
        s.id,
        s.office.locality,
        s.kind,
        s.name,
        this.fold(`${s.kind} ${s.name}`),
        s.office.id,
        this.created,
      ]),
    )
    const officeSeq = new Map<string, number>()
    let made = 0
    for (let houseNo = 0; made < this.options.accounts; houseNo++) {
      // One house at a time, streets in turn: a block of flats, or a private house.
      const street = streets[houseNo % streets.length] as (typeof streets)[number]
      const n = street.nextHouse++
      const variant = this.random.next() % 100
      const suffix = variant < 6 ? 'а' : variant < 9 ? 'б' : ''
      const house = `${n}${suffix}${variant >= 97 ? `/${this.random.int(1, 3)}` : ''}`
      const houseSort = houseSortKey(house)
      const privateHouse = this.random.chance(0.15)
      const flats = privateHouse ? 1 : this.random.int(12, 180)
      for (let flat = 1; flat <= flats && made < this.options.accounts; flat++, made++) {
        const seq = (officeSeq.get(street.office.id) ?? 0) + 1
        officeSeq.set(street.office.id, seq)
        this.account({
          number: `${street.office.digit}${pad(seq, 9)}`,
          streetId: street.id,
          officeId: street.office.id,
          postcode: `2990${pad(10 + street.office.digit, 2)}`,
          house,
          houseSort,
          flat: privateHouse ? null : flat,
        })
        if (this.batch.full) await this.batch.flush()
      }
    }
    await this.batch.flush()
    await this.appointments.write(this.sink)
    const officeId = (offices[0] as { id: string }).id
    const clerkHashes = await hashes
    await this.sink.insert(
      'clerks',
      DEMO_CLERKS.map((c, i) => [
        this.ids.next(),
        c.login,
        c.fullName,
        c.role,
        clerkHashes[i] as string,
        officeId,
        true,
        0,
        null,
        this.created,
        this.created,
      ]),
    )
    const sorted = [...this.words].filter((w) => w.length > 0).sort()
    for (let i = 0; i < sorted.length; i += 2000) {
      await this.sink.insert(
        'name_words',
        sorted.slice(i, i + 2000).map((w) => [w]),
      )
    }
  }

  /** Organisation, services, offices, counters, clerks. */
  private async reference(): Promise<Array<(typeof DEMO_OFFICES)[number] & { id: string; digit: number }>> {
    const { created, ids } = this
    // Plainly fictional requisites that still pass the checksum rules.
    const bic = '046799999'
    await this.sink.insert('organisation', [
      [
        ids.next(),
        'Государственное унитарное предприятие «Единый информационно-расчётный центр» (ДЕМО)',
        'ЕИРЦ (демо)',
        '9204000005',
        '920401001',
        'АО «ДЕМО-БАНК»',
        bic,
        withAccountKey('40602810000000000001', bic.slice(-3)),
        withAccountKey('30101810000000000999', `0${bic.slice(4, 6)}`),
        'г. Севастополь, ул. Демонстрационная, д. 1',
        '+7 (8692) 00-00-00',
        DEFAULT_TIME_ZONE,
        10,
        VERIFICATION_WARNING_DEFAULT_DAYS,
        true,
        created,
        'https://lk.eirc-demo.example',
        // The acceptance window and the anomaly factor: the defaults of migration 003.
        15,
        25,
        3,
      ],
    ])
    await this.sink.insert(
      'services',
      DEMO_SERVICES.map((s, i) => {
        const id = ids.next()
        this.serviceIds.set(s.code, id)
        return [id, s.code, s.name, s.unit, s.metered, (i + 1) * 10]
      }),
    )
    const { since, change } = tariffPeriods(this.options.asOf, this.historyMonths)
    await this.sink.insert(
      'tariffs',
      DEMO_TARIFFS.flatMap((t) => {
        const service = this.serviceIds.get(t.service) as string
        return [
          [this.historyIds.next(), service, t.zone, since, t.before],
          [this.historyIds.next(), service, t.zone, change, t.after],
        ]
      }),
    )
    await this.sink.insert(
      'norms',
      DEMO_NORMS.map((n) => [
        this.historyIds.next(),
        this.serviceIds.get(n.service) as string,
        since,
        n.basis,
        n.micro,
      ]),
    )
    const offices = DEMO_OFFICES.map((o, i) => ({ ...o, id: ids.next(), digit: i + 1 }))
    await this.sink.insert(
      'offices',
      offices.map((o) => [o.id, o.code, o.name, o.address, o.phone, created]),
    )
    await this.sink.insert(
      'counters',
      offices.flatMap((o) => [1, 2, 3].map((n) => [ids.next(), o.id, n, `Окно ${n}`, created])),
    )
    this.appointments = new DemoAppointments(
      seed(this.options),
      this.options.asOf,
      offices.map((o) => o.id),
    )
    await this.appointments.reference(this.sink)
    return offices
  }

  private account(a: {
    number: string
    streetId: string
    officeId: string
    postcode: string
    house: string
    houseSort: number
    flat: number | null
  }): void {
    const { random, ids, created, days } = this
    const push = this.batch.push
    const addressId = ids.next()
    push('addresses', [
      addressId,
      a.streetId,
      a.house,
      this.fold(a.house).replace(/ /g, ''),
      a.houseSort,
      a.flat === null ? null : String(a.flat),
      a.flat ?? 0,
      a.postcode,
      created,
    ])
    const accountId = ids.next()
    const closed = random.chance(0.02)
    const opened = DayCalendar.dayOf('2005-01-01') + random.int(0, 7000)
    const area = a.flat === null ? random.int(6000, 20000) : random.int(2500, 12000)
    push('accounts', [
      accountId,
      a.number,
      addressId,
      a.officeId,
      closed ? 'closed' : 'open',
      area,
      days.format(opened),
      closed ? days.format(opened + random.int(400, 6000)) : null,
      created,
      created,
    ])
    const lastYear = Number(this.options.asOf.slice(0, 4)) - 1
    const people = household(random, lastYear)
    const owners = people.filter((p) => p.owner).length
    const first = people[0]
    if (first)
      this.appointments.offer(accountId, a.officeId, `${first.surname} ${first.first} ${first.patronymic}`)
    for (const p of people) {
      const personId = ids.next()
      const sk = this.fold(p.surname)
      const fk = this.fold(p.first)
      const pk = this.fold(p.patronymic)
      this.words.add(sk).add(fk).add(pk)
      const born = `${p.born[0]}-${pad(p.born[1], 2)}-${pad(p.born[2], 2)}`
      push('persons', [
        personId,
        p.surname,
        p.first,
        p.patronymic,
        born,
        sk,
        fk,
        pk,
        null,
        null,
        created,
        created,
      ])
      push('account_persons', [
        ids.next(),
        accountId,
        personId,
        p.owner,
        p.owner ? `1/${owners}` : null,
        p.registered,
        p.registered ? days.format(opened) : null,
        created,
      ])
    }
    const privateHouse = a.flat === null
    this.history.account(
      {
        id: accountId,
        openedDay: opened,
        closed,
        areaCenti: area,
        residents: people.filter((p) => p.registered).length,
        owners,
        people: people.length,
        privateHouse,
        meters: this.meters(accountId, privateHouse),
      },
      push,
    )
  }

  /** Electricity (one or two zones), cold and hot water (sometimes kitchen and bath), gas. */
  private meters(accountId: string, privateHouse: boolean): HistoryMeter[] {
    const { random, ids, created, days } = this
    const made: HistoryMeter[] = []
    const meters: Array<[code: 'electricity' | 'cold_water' | 'hot_water' | 'gas', zones: number]> = [
      ['electricity', random.chance(0.4) ? 2 : 1],
    ]
    const points = privateHouse || random.chance(0.7) ? 1 : 2
    for (let w = 0; w < points; w++) meters.push(['cold_water', 1])
    if (!privateHouse && random.chance(0.75)) for (let w = 0; w < points; w++) meters.push(['hot_water', 1])
    if (random.chance(privateHouse ? 0.8 : 0.25)) meters.push(['gas', 1])
    for (const [code, zones] of meters) {
      const years = VERIFICATION_YEARS[code] as number
      // Spread so that a few have lapsed and a few lapse within the warning window.
      const next = this.asOfDay + random.int(-120, years * 365 - 30)
      const electric = code === 'electricity'
      const serial = electric
        ? `${random.int(10_000_000, 99_999_999)}${pad(random.int(0, 9999), 4)}`
        : `${pad(random.int(0, 99), 2)}-${pad(random.int(0, 999_999), 6)}`
      const id = ids.next()
      const digits = electric ? random.pick([5, 6]) : random.pick([5, 8])
      const installed = next - years * 365
      this.batch.push('meters', [
        id,
        accountId,
        this.serviceIds.get(code) as string,
        serial,
        zones,
        digits,
        days.format(installed),
        days.format(next),
        'active',
        created,
        created,
        // Water and gas meters show litres (three decimals); electricity whole kilowatt-hours.
        electric ? 0 : 3,
      ])
      made.push({
        id,
        service: SERVICE_INDEX[code],
        zones,
        digitCapacity: digits,
        installedDay: installed,
        nextVerificationDay: next,
      })
    }
    return made
  }
}

export function generateDemo(sink: DemoSink, options: DemoBuildOptions): Promise<void> {
  return new DemoGenerator(sink, options).run()
}
