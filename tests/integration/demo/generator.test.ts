// The demo generator: the same options give the same rows on every machine and on both engines,
// and the rows hang together (keys, owners, meters, the organisation's requisites, the history of
// readings and payments, tariffs and norms for every period of it).
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Knex } from 'knex'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../src/main/db/connection'
import { buildDemoSqlite } from '../../../src/main/demo/build'
import { DEMO_CLERKS } from '../../../src/main/demo/credentials'
import type { DemoBuildOptions } from '../../../src/main/demo/generator'
import { periodIndex, periodOf } from '../../../src/main/demo/tariffs'
import {
  isValidBic,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidSettlementAccount,
} from '../../../src/shared/requisites'
import { foldForSearch } from '../../../src/shared/text/normalize'
import { DEMO, describeEachDatabase } from '../../helpers/database'

const BASE_TABLES = ['accounts', 'persons', 'meters', 'account_persons', 'addresses', 'streets']
const HISTORY_TABLES = ['tariffs', 'norms', 'readings', 'payments', 'payment_allocations', 'opening_balances']

/** A hash of the rows of the tables, in a fixed order, booleans as 0/1 (as SQLite has them). */
async function contentHash(db: Db, tables = [...BASE_TABLES, ...HISTORY_TABLES]): Promise<string> {
  const hash = createHash('sha256')
  for (const table of tables) {
    const rows = ((await db.knex(table).select('*')) as Array<Record<string, unknown>>).map((row) =>
      JSON.stringify(
        Object.keys(row)
          .sort()
          .map((k) => (typeof row[k] === 'boolean' ? Number(row[k]) : row[k])),
      ),
    )
    for (const row of rows.sort()) hash.update(`${table}:${row}`)
  }
  return hash.digest('hex')
}

let dir: string
let built = 0
async function build(options: DemoBuildOptions): Promise<string> {
  const filename = join(dir, `demo-${++built}.sqlite`)
  await buildDemoSqlite(filename, options)
  return filename
}

async function inspect<T>(filename: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb({ client: 'sqlite', filename })
  try {
    return await read(db)
  } finally {
    await db.close()
  }
}

async function buildAndHash(options: DemoBuildOptions, tables?: string[]): Promise<string> {
  return inspect(await build(options), (db) => contentHash(db, tables))
}

/**
 * The determinism tests build small demos (a few seconds each on a quiet machine: the demo
 * clerks' scrypt hashes and a year of history), several per test; a busy two-core machine takes
 * ten times as long, so they get a limit far above that.
 */
const SMALL_BUILDS_TIMEOUT = 240_000
/** The standard demo built once more (3,000 accounts, about 15 s on a quiet machine). */
const DEMO_BUILD_TIMEOUT = 300_000

/**
 * A small demo whose rows still take every path of the generator (the seed chosen for it, and
 * checked by pathsTaken): private houses, closed accounts, two-zone and lapsed meters, meters
 * installed within the history, a rollover, opening debts, residents not registered, bank and
 * post payments, appointments.
 */
const SMALL = { accounts: 150, asOf: DEMO.asOf, seed: 27 } as const

async function pathsTaken(db: Db): Promise<Record<string, number>> {
  const count = async (table: string, where: (q: Knex.QueryBuilder) => void): Promise<number> =>
    num(((await db.knex(table).where(where).count({ n: '*' })) as Array<{ n: unknown }>)[0]!.n)
  return {
    privateHouses: await count('addresses', (q) => q.whereNull('apartment')),
    closedAccounts: await count('accounts', (q) => q.where('status', 'closed')),
    twoZoneMeters: await count('meters', (q) => q.where('zones', 2)),
    lapsedMeters: await count('meters', (q) => q.where('next_verification_on', '<', DEMO.asOf)),
    startReadings: await count('readings', (q) => q.where('kind', 'start')),
    rollovers: await count('readings', (q) => q.where('rollover', true)),
    openingDebts: await count('opening_balances', () => {}),
    unregistered: await count('account_persons', (q) => q.where('registered', false)),
    bankPayments: await count('payments', (q) => q.where('source', 'bank')),
    postPayments: await count('payments', (q) => q.where('source', 'post')),
    appointments: await count('appointments', () => {}),
  }
}

/** The history periods of the tests' demo data: twelve, ending with the month before DEMO.asOf. */
const AS_OF_PERIOD = DEMO.asOf.slice(0, 7)
const HISTORY = Array.from({ length: 12 }, (_, i) => periodOf(periodIndex(AS_OF_PERIOD) - 12 + i))

const num = (v: unknown): number => Number(v)
const bool = (v: unknown): boolean => Boolean(Number(v))

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okno-demo-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('demo generator determinism', () => {
  it(
    'builds identical rows from the same seed, size and date, and different rows from another seed',
    async () => {
      const file = await build(SMALL)
      const taken = await inspect(file, pathsTaken)
      expect(Object.entries(taken).filter(([, n]) => n === 0)).toEqual([])
      const first = await inspect(file, (db) => contentHash(db))
      expect(await buildAndHash(SMALL)).toBe(first)
      expect(await buildAndHash({ ...SMALL, seed: 28 })).not.toBe(first)
      expect(await buildAndHash({ ...SMALL, historyMonths: 6 })).not.toBe(first)
    },
    SMALL_BUILDS_TIMEOUT,
  )

  it(
    'gives the same accounts, people and meters whatever the length of the history',
    async () => {
      const base = await buildAndHash({ ...SMALL, historyMonths: 12 }, BASE_TABLES)
      expect(await buildAndHash({ ...SMALL, historyMonths: 0 }, BASE_TABLES)).toBe(base)
      expect(await buildAndHash({ ...SMALL, historyMonths: 3 }, BASE_TABLES)).toBe(base)
    },
    SMALL_BUILDS_TIMEOUT,
  )

  it(
    'writes no readings, payments or opening debts without a history, but still tariffs and norms',
    async () => {
      const file = await build({ ...SMALL, historyMonths: 0 })
      await inspect(file, async (db) => {
        for (const table of [
          'readings',
          'payments',
          'payment_allocations',
          'opening_balances',
          'charges',
          'charge_lines',
          'charge_runs',
        ]) {
          expect(num((await db.knex(table).count({ n: '*' }))[0]!.n), table).toBe(0)
        }
        expect(num((await db.knex('tariffs').count({ n: '*' }))[0]!.n)).toBe(18)
        expect(num((await db.knex('norms').count({ n: '*' }))[0]!.n)).toBe(7)
      })
    },
    SMALL_BUILDS_TIMEOUT,
  )
})

/** The standard demo built afresh once for the file: each engine's copy is compared with it. */
let freshDemo: Promise<string> | undefined

describeEachDatabase('demo data', (getCtx) => {
  it(
    'holds the same rows as a fresh SQLite build with the same options',
    async () => {
      freshDemo ??= buildAndHash(DEMO)
      expect(await contentHash(getCtx().db)).toBe(await freshDemo)
    },
    DEMO_BUILD_TIMEOUT,
  )

  it('has no dangling references', async () => {
    const { knex, dialect } = getCtx().db
    if (dialect === 'sqlite') expect(await knex.raw('PRAGMA foreign_key_check')).toEqual([])
    const orphans: Array<[string, string, string]> = [
      ['addresses', 'street_id', 'streets'],
      ['accounts', 'address_id', 'addresses'],
      ['accounts', 'office_id', 'offices'],
      ['account_persons', 'account_id', 'accounts'],
      ['account_persons', 'person_id', 'persons'],
      ['meters', 'account_id', 'accounts'],
      ['meters', 'service_id', 'services'],
      ['clerks', 'office_id', 'offices'],
      ['tariffs', 'service_id', 'services'],
      ['norms', 'service_id', 'services'],
      ['readings', 'meter_id', 'meters'],
      ['readings', 'account_id', 'accounts'],
      ['payments', 'account_id', 'accounts'],
      ['payment_allocations', 'payment_id', 'payments'],
      ['payment_allocations', 'account_id', 'accounts'],
      ['payment_allocations', 'service_id', 'services'],
      ['opening_balances', 'account_id', 'accounts'],
      ['opening_balances', 'service_id', 'services'],
    ]
    for (const [table, column, parent] of orphans) {
      const rows = await knex(`${table} as c`)
        .leftJoin(`${parent} as p`, 'p.id', `c.${column}`)
        .whereNotNull(`c.${column}`)
        .whereNull('p.id')
        .count({ n: '*' })
      expect(Number(rows[0]!.n), `${table}.${column}`).toBe(0)
    }
  })

  it('gives every account at least one owner, with equal shares adding up to the whole', async () => {
    const { knex } = getCtx().db
    const owners = (await knex('account_persons')
      .where('owner', true)
      .select('account_id', 'share')) as Array<{
      account_id: string
      share: string
    }>
    const byAccount = new Map<string, string[]>()
    for (const o of owners) byAccount.set(o.account_id, [...(byAccount.get(o.account_id) ?? []), o.share])
    expect(byAccount.size).toBe(DEMO.accounts)
    for (const shares of byAccount.values())
      expect(shares.every((s) => s === `1/${shares.length}`)).toBe(true)
  })

  it('gives meters one or two zones (two on electricity only)', async () => {
    const { knex } = getCtx().db
    const zones = (await knex('meters as m')
      .join('services as s', 's.id', 'm.service_id')
      .distinct('m.zones', 's.code')) as Array<{ zones: number; code: string }>
    expect(new Set(zones.map((z) => Number(z.zones)))).toEqual(new Set([1, 2]))
    for (const z of zones.filter((z) => Number(z.zones) === 2)) expect(z.code).toBe('electricity')
  })

  it('spreads verification dates so some lapsed and some are due soon', async () => {
    const { knex } = getCtx().db
    const lapsed = await knex('meters').where('next_verification_on', '<', DEMO.asOf).count({ n: '*' })
    const later = await knex('meters').where('next_verification_on', '>', '2027-01-21').count({ n: '*' })
    expect(Number(lapsed[0]!.n)).toBeGreaterThan(0)
    expect(Number(later[0]!.n)).toBeGreaterThan(0)
  })

  it('keeps the search keys folded from the names', async () => {
    const { knex } = getCtx().db
    const persons = (await knex('persons')
      .select('surname', 'first_name', 'patronymic', 'surname_key', 'first_name_key', 'patronymic_key')
      .limit(500)) as Array<Record<string, string>>
    const words = new Set(
      ((await knex('name_words').select('word')) as Array<{ word: string }>).map((w) => w.word),
    )
    for (const p of persons) {
      expect(p.surname_key).toBe(foldForSearch(p.surname!))
      expect(p.first_name_key).toBe(foldForSearch(p.first_name!))
      expect(words.has(p.surname_key!) && words.has(p.first_name_key!) && words.has(p.patronymic_key!)).toBe(
        true,
      )
    }
    const streets = (await knex('streets').select('kind', 'name', 'search_key')) as Array<
      Record<string, string>
    >
    for (const s of streets) expect(s.search_key).toBe(foldForSearch(`${s.kind} ${s.name}`))
  })

  it('has an organisation whose requisites pass the checks', async () => {
    const { knex } = getCtx().db
    const org = (await knex('organisation').first()) as Record<string, string>
    expect(isValidInn(org.inn!)).toBe(true)
    expect(isValidKpp(org.kpp!)).toBe(true)
    expect(isValidBic(org.bic!)).toBe(true)
    expect(isValidSettlementAccount(org.settlement_account!, org.bic!)).toBe(true)
    expect(isValidCorrespondentAccount(org.correspondent_account!, org.bic!)).toBe(true)
    expect(org.time_zone).toBe('Europe/Simferopol')
    expect(Boolean(org.is_demo)).toBe(true)
  })

  it('has the demo clerks, with hashed passwords', async () => {
    const { knex } = getCtx().db
    const clerks = (await knex('clerks')
      .whereIn(
        'login',
        DEMO_CLERKS.map((c) => c.login),
      )
      .select('login', 'role', 'password_hash')) as Array<Record<string, string>>
    expect(clerks.map((c) => [c.login, c.role]).sort()).toEqual(
      DEMO_CLERKS.map((c) => [c.login, c.role]).sort(),
    )
    for (const c of clerks) expect(c.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/)
  })

  it('has the organisation acceptance window and anomaly factor, and fraction digits by service', async () => {
    const { knex } = getCtx().db
    const org = (await knex('organisation').first()) as Record<string, unknown>
    expect([num(org.reading_window_from), num(org.reading_window_to), num(org.anomaly_factor)]).toEqual([
      15, 25, 3,
    ])
    const digits = (await knex('meters as m')
      .join('services as s', 's.id', 'm.service_id')
      .distinct('s.code', 'm.fraction_digits')) as Array<{ code: string; fraction_digits: number }>
    for (const d of digits) expect(num(d.fraction_digits), d.code).toBe(d.code === 'electricity' ? 0 : 3)
  })

  it('has a tariff (every zone of electricity) and a norm for every service in every history period', async () => {
    const { knex } = getCtx().db
    const tariffs = (await knex('tariffs as t')
      .join('services as s', 's.id', 't.service_id')
      .select('s.code', 't.zone', 't.valid_from', 't.price_kopecks')) as Array<{
      code: string
      zone: number
      valid_from: string
      price_kopecks: number
    }>
    const norms = (await knex('norms as n')
      .join('services as s', 's.id', 'n.service_id')
      .select('s.code', 'n.valid_from', 'n.basis', 'n.quantity_micro')) as Array<{
      code: string
      valid_from: string
      basis: string
      quantity_micro: number
    }>
    const services = (await knex('services').select('code')) as Array<{ code: string }>
    expect(services).toHaveLength(7)
    /** The price in force in `period`: the latest valid_from not after it. */
    const price = (code: string, zone: number, period: string): number | undefined =>
      tariffs
        .filter((t) => t.code === code && num(t.zone) === zone && t.valid_from <= period)
        .sort((a, b) => (a.valid_from < b.valid_from ? 1 : -1))[0]?.price_kopecks
    for (const { code } of services) {
      const zones = code === 'electricity' ? [0, 1, 2] : [0]
      for (const period of HISTORY) {
        for (const zone of zones)
          expect(price(code, zone, period), `${code} zone ${zone} ${period}`).toBeGreaterThan(0)
        expect(
          norms.some((n) => n.code === code && n.valid_from <= period),
          `${code} norm ${period}`,
        ).toBe(true)
      }
      // Tariffs rise on 1 July of the as-of year; the earlier rate comes from well before the history.
      for (const zone of zones) {
        expect(num(price(code, zone, `${DEMO.asOf.slice(0, 4)}-07`))).toBeGreaterThan(
          num(price(code, zone, `${DEMO.asOf.slice(0, 4)}-06`)),
        )
      }
      expect(
        tariffs
          .filter((t) => t.code === code)
          .every((t) => t.valid_from < HISTORY[0]! || t.valid_from.endsWith('-07')),
      ).toBe(true)
    }
    expect(price('electricity', 0, AS_OF_PERIOD)).toBe(512)
    expect(price('heating', 0, HISTORY[0]!)).toBe(248000)
    expect(norms.find((n) => n.code === 'heating')).toMatchObject({ basis: 'area' })
    expect(num(norms.find((n) => n.code === 'cold_water')?.quantity_micro)).toBe(4_240_000)
  })

  it('takes every reading inside the 15–25 window of its period (a start reading on installation day)', async () => {
    const { knex } = getCtx().db
    const rows = (await knex('readings as r')
      .join('meters as m', 'm.id', 'r.meter_id')
      .select(
        'r.id',
        'r.period',
        'r.taken_on',
        'r.kind',
        'r.source',
        'r.status',
        'r.account_id',
        'm.account_id as meter_account',
        'm.installed_on',
      )) as Array<Record<string, string>>
    expect(rows.length).toBeGreaterThan(DEMO.accounts * 20)
    // Collected, not asserted one by one: a hundred thousand expect() calls take seconds.
    const wrong: string[] = []
    const kinds = new Set<string>()
    for (const r of rows) {
      kinds.add(r.kind!)
      const day = Number(r.taken_on!.slice(8, 10))
      const fine =
        r.account_id === r.meter_account &&
        r.status === 'active' &&
        HISTORY.includes(r.period!) &&
        r.taken_on!.slice(0, 7) === r.period &&
        (r.kind === 'start'
          ? r.taken_on === r.installed_on
          : r.kind === 'regular' &&
            day >= 15 &&
            day <= 25 &&
            ['office', 'phone', 'web'].includes(r.source!) &&
            // A meter counts from the month after its installation.
            r.period! > r.installed_on!.slice(0, 7))
      if (!fine) wrong.push(JSON.stringify(r))
    }
    expect(wrong.slice(0, 5)).toEqual([])
    expect(kinds).toEqual(new Set(['regular', 'start']))
  })

  it('keeps each meter non-decreasing except the readings flagged as a rollover, which are rare', async () => {
    const { knex } = getCtx().db
    const rows = (await knex('readings as r')
      .join('meters as m', 'm.id', 'r.meter_id')
      .select(
        'r.meter_id',
        'r.period',
        'r.kind',
        'r.zone1_milli',
        'r.zone2_milli',
        'r.rollover',
        'm.zones',
        'm.digit_capacity',
        'm.fraction_digits',
      )
      // A start reading opens its period; regular readings follow one a period.
      .orderBy([
        { column: 'r.meter_id' },
        { column: 'r.period' },
        { column: 'r.kind', order: 'desc' },
      ])) as Array<Record<string, unknown>>
    const rolled = new Set<string>()
    const wrong: string[] = []
    let previous: Record<string, unknown> | null = null
    for (const r of rows) {
      const capacity = 10 ** num(r.digit_capacity) * 1000
      const z1 = num(r.zone1_milli)
      const z2 = r.zone2_milli === null ? null : num(r.zone2_milli)
      const where = `${String(r.meter_id)} ${String(r.period)}`
      if (!(z1 >= 0 && z1 < capacity) || (z2 === null) !== (num(r.zones) === 1)) wrong.push(`value ${where}`)
      if (num(r.fraction_digits) === 0 && (z1 % 1000 !== 0 || (z2 ?? 0) % 1000 !== 0))
        wrong.push(`fraction ${where}`)
      if (previous && previous.meter_id === r.meter_id) {
        const down = z1 < num(previous.zone1_milli) || (z2 !== null && z2 < num(previous.zone2_milli))
        if (String(r.period) < String(previous.period)) wrong.push(`order ${where}`)
        if (down !== bool(r.rollover)) wrong.push(`${down ? 'down' : 'flagged'} ${where}`)
        if (bool(r.rollover)) {
          if (rolled.has(r.meter_id as string)) wrong.push(`second rollover ${where}`)
          rolled.add(r.meter_id as string)
        }
      } else if (bool(r.rollover)) wrong.push(`first reading flagged ${where}`)
      previous = r
    }
    expect(wrong.slice(0, 5)).toEqual([])
    const meters = num((await knex('meters').count({ n: '*' }))[0]!.n)
    expect(rolled.size).toBeGreaterThan(0)
    expect(rolled.size).toBeLessThan(meters * 0.005)
  })

  it('misses about one meter-month in eight, some meters four months and more in a row', async () => {
    const { knex } = getCtx().db
    const meters = (await knex('meters as m')
      .join('accounts as a', 'a.id', 'm.account_id')
      .where('a.status', 'open')
      .select('m.id', 'm.installed_on')) as Array<{ id: string; installed_on: string }>
    const read = new Set(
      (
        (await knex('readings').where('kind', 'regular').select('meter_id', 'period')) as Array<{
          meter_id: string
          period: string
        }>
      ).map((r) => `${r.meter_id}:${r.period}`),
    )
    let due = 0
    let missed = 0
    let longGaps = 0
    for (const m of meters) {
      let run = 0
      let longest = 0
      for (const period of HISTORY.filter((p) => p > m.installed_on.slice(0, 7))) {
        due++
        if (read.has(`${m.id}:${period}`)) run = 0
        else {
          missed++
          longest = Math.max(longest, ++run)
        }
      }
      if (longest >= 4) longGaps++
    }
    expect(missed / due).toBeGreaterThan(0.08)
    expect(missed / due).toBeLessThan(0.16)
    expect(longGaps).toBeGreaterThan(meters.length * 0.01)
    expect(longGaps).toBeLessThan(meters.length * 0.15)
  })

  it('splits every payment over services to the kopeck, paid in the first half of the next month', async () => {
    const { knex } = getCtx().db
    const payments = (await knex('payments').select(
      'id',
      'account_id',
      'business_date',
      'amount_kopecks',
      'kind',
      'source',
    )) as Array<Record<string, unknown>>
    const allocations = (await knex('payment_allocations').select(
      'payment_id',
      'account_id',
      'amount_kopecks',
    )) as Array<Record<string, unknown>>
    const accountOf = new Map(payments.map((p) => [p.id as string, p.account_id]))
    const byPayment = new Map<string, number>()
    const wrong: string[] = []
    for (const a of allocations) {
      const id = a.payment_id as string
      if (num(a.amount_kopecks) <= 0 || a.account_id !== accountOf.get(id)) wrong.push(`allocation of ${id}`)
      byPayment.set(id, (byPayment.get(id) ?? 0) + num(a.amount_kopecks))
    }
    for (const p of payments) {
      const date = p.business_date as string
      const fine =
        byPayment.get(p.id as string) === num(p.amount_kopecks) &&
        p.kind === 'payment' &&
        ['bank', 'post'].includes(p.source as string) &&
        Number(date.slice(8, 10)) <= 15 &&
        date < DEMO.asOf &&
        date.slice(0, 7) > HISTORY[0]!
      if (!fine) wrong.push(JSON.stringify([p, byPayment.get(p.id as string)]))
    }
    expect(wrong.slice(0, 5)).toEqual([])
    // Most accounts pay most months.
    const open = num((await knex('accounts').where('status', 'open').count({ n: '*' }))[0]!.n)
    expect(payments.length).toBeGreaterThan(open * 12 * 0.75)
    expect(payments.length).toBeLessThan(open * 12)
  })

  it('carries in a debt from before the history on about a fifth of the accounts', async () => {
    const { knex } = getCtx().db
    const rows = (await knex('opening_balances').select(
      'account_id',
      'as_of_period',
      'amount_kopecks',
    )) as Array<Record<string, unknown>>
    const perAccount = new Map<string, number>()
    for (const r of rows) {
      expect(r.as_of_period).toBe(HISTORY[0])
      expect(num(r.amount_kopecks)).toBeGreaterThan(0)
      perAccount.set(
        r.account_id as string,
        (perAccount.get(r.account_id as string) ?? 0) + num(r.amount_kopecks),
      )
    }
    expect(perAccount.size).toBeGreaterThan(DEMO.accounts * 0.15)
    expect(perAccount.size).toBeLessThan(DEMO.accounts * 0.25)
    for (const total of perAccount.values()) expect(total).toBeLessThanOrEqual(1_500_000)
  })

  it('charges every history month of the open accounts, and the payments follow those bills', async () => {
    const { knex } = getCtx().db
    const runs = (await knex('charge_runs').orderBy('period').pluck('period')) as string[]
    expect(runs).toEqual(HISTORY)
    const perPeriod = (await knex('charges')
      .select('period')
      .countDistinct({ n: 'account_id' })
      .groupBy('period')
      .orderBy('period')) as Array<{ period: string; n: number | string }>
    expect(perPeriod.map((r) => r.period)).toEqual(HISTORY)
    const open = num((await knex('accounts').where('status', 'open').count({ n: '*' }))[0]!.n)
    expect(num(perPeriod.at(-1)!.n)).toBeGreaterThan(open * 0.97)
    // What is owed at the as-of date (before its own month is charged): most accounts pay their
    // bills, so most owe less than a month's bill, and overpay by little.
    const owed = (await knex('accounts as a')
      .where('a.status', 'open')
      .select(
        knex.raw(
          `COALESCE((SELECT SUM(amount_kopecks) FROM opening_balances o WHERE o.account_id = a.id), 0)
         + COALESCE((SELECT SUM(amount_kopecks) FROM charges c WHERE c.account_id = a.id), 0)
         - COALESCE((SELECT SUM(amount_kopecks) FROM payments p WHERE p.account_id = a.id), 0) AS debt`,
        ),
        knex.raw(
          `(SELECT SUM(amount_kopecks) FROM charges c WHERE c.account_id = a.id AND c.period = ?) AS bill`,
          [HISTORY.at(-1) as string],
        ),
      )) as Array<{ debt: number | string; bill: number | string | null }>
    const settled = owed.filter((r) => num(r.debt) < Math.max(num(r.bill), 1) && num(r.debt) > -100_000)
    expect(settled.length).toBeGreaterThan(owed.length * 0.6)
  })
})
