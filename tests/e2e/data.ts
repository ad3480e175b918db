// Reads facts from a test desk's database, so scripts search for people and addresses that
// really exist there instead of hard-coding what the generator happened to produce.
import { randomUUID } from 'node:crypto'
import { memorySettings } from '../../src/main/config/settings'
import { openDb } from '../../src/main/db/connection'
import { listAccountPersons } from '../../src/main/db/repositories/accounts'
import { unavailableVault } from '../../src/main/security/passport-vault'
import { verifyCabinetLogin } from '../../src/main/services/cabinet/cabinets'
import { addPeriods } from '../../src/shared/billing/period'
import type { AccountPerson } from '../../src/shared/domain/account'
import { E2E_CLOCK_START } from './template'

export interface SampleAccount {
  accountId: string
  number: string
  surname: string
  firstName: string
  patronymic: string | null
  birthDate: string
  street: string
  house: string
  apartment: string
}

/** An open account in a block of flats, with an owner, picked deterministically by offset. */
export async function sampleAccount(dbPath: string, offset = 0): Promise<SampleAccount> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const row = (await db
      .knex('accounts as a')
      .join('addresses as ad', 'ad.id', 'a.address_id')
      .join('streets as s', 's.id', 'ad.street_id')
      .join('account_persons as ap', 'ap.account_id', 'a.id')
      .join('persons as p', 'p.id', 'ap.person_id')
      .where('a.status', 'open')
      .where('ap.owner', true)
      .whereNotNull('ad.apartment')
      .whereNotNull('p.birth_date')
      .select(
        'a.id',
        'a.number',
        'p.surname',
        'p.first_name',
        'p.patronymic',
        'p.birth_date',
        's.name as street',
        'ad.house',
        'ad.apartment',
      )
      .orderBy('a.number')
      .offset(offset)
      .first()) as
      | {
          id: string
          number: string
          surname: string
          first_name: string
          patronymic: string | null
          birth_date: string
          street: string
          house: string
          apartment: string
        }
      | undefined
    if (!row) throw new Error('В тестовой базе нет подходящего лицевого счёта')
    return {
      accountId: row.id,
      number: row.number,
      surname: row.surname,
      firstName: row.first_name,
      patronymic: row.patronymic,
      birthDate: row.birth_date,
      street: row.street,
      house: row.house,
      apartment: row.apartment,
    }
  } finally {
    await db.close()
  }
}

/**
 * An open account with one person on it, or with several, each an owner or registered there with
 * a birth date; the people in the order the card lists them. Picked deterministically by offset.
 */
export async function household(
  dbPath: string,
  size: 'one' | 'several',
  offset = 0,
): Promise<{ number: string; persons: AccountPerson[] }> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const accounts = (await db
      .knex('accounts as a')
      .join('account_persons as ap', 'ap.account_id', 'a.id')
      .where('a.status', 'open')
      .groupBy('a.id', 'a.number')
      .havingRaw(size === 'one' ? 'count(*) = 1' : 'count(*) >= 2')
      .orderBy('a.number')
      .limit(offset + 200)
      .select('a.id', 'a.number')) as Array<{ id: string; number: string }>
    let skip = offset
    for (const account of accounts) {
      const persons = await listAccountPersons(db, account.id)
      if (!persons.every((p) => p.birthDate && (p.owner || p.registered))) continue
      if (skip-- === 0) return { number: account.number, persons }
    }
    throw new Error('В тестовой базе нет подходящего лицевого счёта')
  } finally {
    await db.close()
  }
}

/**
 * An active meter whose readings skip a month between two readings, with that month; the first
 * such meter of an open account, by account number.
 */
export async function meterWithGap(
  dbPath: string,
): Promise<{ accountNumber: string; serviceName: string; serial: string; unit: string; missing: string }> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const rows = (await db
      .knex('readings as r')
      .join('meters as m', 'm.id', 'r.meter_id')
      .join('services as s', 's.id', 'm.service_id')
      .join('accounts as a', 'a.id', 'r.account_id')
      .where({ 'r.status': 'active', 'm.status': 'active', 'a.status': 'open' })
      .whereIn('a.id', db.knex('accounts').where('status', 'open').orderBy('number').limit(100).select('id'))
      .orderBy([{ column: 'a.number' }, { column: 'm.id' }, { column: 'r.period' }])
      .select('a.number', 'm.id', 'm.serial', 's.name', 's.unit', 'r.period')) as Array<{
      number: string
      id: string
      serial: string
      name: string
      unit: string
      period: string
    }>
    for (let i = 1; i < rows.length; i++) {
      const [before, after] = [rows[i - 1]!, rows[i]!]
      if (before.id !== after.id) continue
      const next = addPeriods(before.period, 1)
      if (next < after.period) {
        return {
          accountNumber: after.number,
          serviceName: after.name,
          serial: after.serial,
          unit: after.unit,
          missing: next,
        }
      }
    }
    throw new Error('В тестовой базе нет прибора с пропущенным месяцем показаний')
  } finally {
    await db.close()
  }
}

/**
 * An issue date that makes a passport current for this birth date: after the 20th or 45th
 * birthday, and not before Russian passports existed (1997).
 */
export function currentPassportIssueDate(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4))
  const issued = Math.max(year + (year <= 1975 ? 46 : 21), 1998)
  return `${issued}${birthDate.slice(4)}`.replace(/-02-29$/, '-03-01')
}

/** «1985-03-05» as a clerk types it: «05.03.1985». */
export const ruDate = (iso: string): string => iso.split('-').reverse().join('.')

/** What the online cabinet would answer for these credentials, read from the desk's database. */
export async function cabinetSignIn(dbPath: string, login: string, password: string) {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const ctx = {
      db,
      clock: { now: () => new Date(E2E_CLOCK_START) },
      newId: randomUUID,
      settings: memorySettings(),
      vault: unavailableVault('не нужен для входа'),
    }
    return await verifyCabinetLogin(ctx, login, password)
  } finally {
    await db.close()
  }
}

export interface SampleMeter {
  meterId: string
  serviceCode: string
  serviceName: string
  unit: string
  serial: string
  zones: number
  digitCapacity: number
  fractionDigits: number
  /** The last reading before this month, per zone, in milli-units. */
  previousMilli: number[]
  previousPeriod: string
  /** The monthly consumption per zone over its readings (a rough average), in milli-units. */
  monthlyMilli: number[]
}

export interface MeteredAccount {
  accountId: string
  number: string
  meters: SampleMeter[]
}

interface MeterRow {
  id: string
  account_id: string
  code: string
  name: string
  unit: string
  serial: string
  zones: number
  digit_capacity: number
  fraction_digits: number
}

interface ReadingRow {
  meter_id: string
  period: string
  zone1_milli: number
  zone2_milli: number | null
  zone3_milli: number | null
}

/**
 * An open account whose active meters are a two-zone electricity meter, cold and hot water (and
 * perhaps gas), all in verification, each with readings for at least three months before `period`
 * and none for it yet; picked deterministically by offset.
 */
export async function meteredAccount(dbPath: string, period: string, offset = 0): Promise<MeteredAccount> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const k = db.knex
    const active = (code: string, zones?: number) =>
      k('meters as m')
        .join('services as s', 's.id', 'm.service_id')
        .where('s.code', code)
        .where('m.status', 'active')
        .modify((q) => (zones ? q.where('m.zones', zones) : q))
        .select('m.account_id')
    const candidates = (await k('accounts as a')
      .where('a.status', 'open')
      .whereIn('a.id', active('electricity', 2))
      .whereIn('a.id', active('cold_water'))
      .whereIn('a.id', active('hot_water'))
      // Every active meter in verification for the months ahead.
      .whereNotExists(
        k('meters as m')
          .whereRaw('m.account_id = a.id')
          .where('m.status', 'active')
          .where('m.next_verification_on', '<=', `${period}-28`),
      )
      // Nothing taken for this period yet.
      .whereNotExists(k('readings as r').whereRaw('r.account_id = a.id').where('r.period', '>=', period))
      .orderBy('a.number')
      .select('a.id', 'a.number')
      .limit(offset + 40)) as Array<{ id: string; number: string }>
    for (const account of candidates.slice(offset)) {
      const meters = (await k('meters as m')
        .join('services as s', 's.id', 'm.service_id')
        .where('m.account_id', account.id)
        .where('m.status', 'active')
        // The order the readings form lists them in.
        .orderBy([{ column: 's.sort' }, { column: 'm.installed_on' }, { column: 'm.serial' }])
        .select(
          'm.id',
          'm.account_id',
          's.code',
          's.name',
          's.unit',
          'm.serial',
          'm.zones',
          'm.digit_capacity',
          'm.fraction_digits',
        )) as MeterRow[]
      const readings = (await k('readings')
        .whereIn(
          'meter_id',
          meters.map((m) => m.id),
        )
        .where('status', 'active')
        .where('period', '<', period)
        .orderBy('period')
        .select('meter_id', 'period', 'zone1_milli', 'zone2_milli', 'zone3_milli')) as ReadingRow[]
      const sample: SampleMeter[] = []
      for (const m of meters) {
        const own = readings.filter((r) => r.meter_id === m.id)
        const first = own[0]
        const last = own.at(-1)
        if (!first || !last || own.length < 3 || last.period < addMonths(period, -2)) break
        const values = (r: ReadingRow): number[] =>
          [r.zone1_milli, r.zone2_milli ?? 0, r.zone3_milli ?? 0].slice(0, m.zones).map(Number)
        const months = monthsBetween(first.period, last.period)
        const monthly = values(last).map((v, z) =>
          Math.max(1000, Math.round((v - (values(first)[z] ?? 0)) / months)),
        )
        // Room below the meter's capacity for an anomalous value.
        if (values(last).some((v) => v + 100 * (monthly[0] ?? 0) >= 10 ** m.digit_capacity * 1000)) break
        sample.push({
          meterId: m.id,
          serviceCode: m.code,
          serviceName: m.name,
          unit: m.unit,
          serial: m.serial,
          zones: Number(m.zones),
          digitCapacity: Number(m.digit_capacity),
          fractionDigits: Number(m.fraction_digits),
          previousMilli: values(last),
          previousPeriod: last.period,
          monthlyMilli: monthly,
        })
      }
      if (sample.length === meters.length)
        return { accountId: account.id, number: account.number, meters: sample }
    }
    throw new Error('В тестовой базе нет счёта с двухзонным счётчиком электроэнергии и счётчиками воды')
  } finally {
    await db.close()
  }
}

function addMonths(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

function monthsBetween(from: string, to: string): number {
  const index = (p: string): number => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7))
  return Math.max(1, index(to) - index(from))
}

/** The account's readings as stored, oldest first (superseded ones too). */
export async function storedReadings(dbPath: string, accountId: string) {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    return (await db
      .knex('readings')
      .where({ account_id: accountId })
      .orderBy('created_at')
      .orderBy('id')
      .select(
        'id',
        'meter_id',
        'period',
        'taken_on',
        'status',
        'review',
        'zone1_milli',
        'zone2_milli',
      )) as Array<{
      id: string
      meter_id: string
      period: string
      taken_on: string
      status: string
      review: number
      zone1_milli: number
      zone2_milli: number | null
    }>
  } finally {
    await db.close()
  }
}

/** A value `months` of usual consumption above the previous one, on the meter's own resolution. */
export function ahead(meter: SampleMeter, zone: number, months: number): number {
  const step = 10 ** (3 - meter.fractionDigits)
  const usual = Math.max(step, Math.round((meter.monthlyMilli[zone] ?? step) / step) * step)
  return (meter.previousMilli[zone] as number) + usual * months
}

/**
 * A reading in milli-units as a clerk types it off the meter: «12345» or «123,456» (comma, the
 * meter's fraction digits, no grouping).
 */
export function typedValue(milli: number, fractionDigits: number): string {
  const whole = Math.floor(milli / 1000)
  if (fractionDigits === 0) return String(whole)
  const fraction = String(milli % 1000)
    .padStart(3, '0')
    .slice(0, fractionDigits)
  return `${whole},${fraction}`
}
