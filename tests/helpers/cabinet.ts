// Customers for the personal-cabinet tests: a real owner or registered resident of a seeded
// account, a valid passport for them, a registration form, and the clerks who serve them.
import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Db } from '../../src/main/db/connection'
import { findClerkById, toClerkInfo } from '../../src/main/db/repositories/clerks'
import type { RegisterCabinetInput } from '../../src/main/services/cabinet/issue'
import { hashPassword } from '../../src/main/services/clerks/passwords'
import { addDays, daysBetween } from '../../src/shared/dates'
import type { ClerkInfo, ClerkRole } from '../../src/shared/domain/clerk'
import { OknoError } from '../../src/shared/ipc/envelope'
import { birthdayAt, FIRST_PASSPORT_DATE, maskPassport, type PassportFields } from '../../src/shared/passport'
import { addClerk, type TestClerk } from './clerks'
import { TEST_NOW } from './clock'
import type { TestEnv } from './database'

/** A person on a seeded account, as the passport names them. */
export interface Holder {
  personId: string
  accountId: string
  accountNumber: string
  surname: string
  firstName: string
  patronymic: string | null
  birthDate: string
}

/** Every table a cabinet registration or reset may write: what a refused call must leave alone. */
export const CABINET_TABLES = [
  'persons',
  'account_persons',
  'person_documents',
  'cabinets',
  'cabinet_accounts',
  'consents',
  'identity_checks',
  'reset_unblocks',
  'audit_log',
  'outbox',
] as const

// People and accounts already handed to a test of this file (each test file has its own module
// state and its own database), so no two tests register the same customer.
const takenPeople = new Set<string>()
const takenAccounts = new Set<string>()

/**
 * An owner or registered resident, born before 1990, of an open account that has no cabinet yet;
 * neither the person nor the account was handed out before in this file.
 */
export async function freshHolder(db: Db): Promise<Holder> {
  const row = (await db
    .knex('account_persons as ap')
    .join('persons as p', 'p.id', 'ap.person_id')
    .join('accounts as a', 'a.id', 'ap.account_id')
    .where('a.status', 'open')
    .where('p.birth_date', '<', '1990-01-01')
    .whereNotIn('p.id', [...takenPeople])
    .whereNotIn('a.id', [...takenAccounts])
    .whereNotExists((q) => q.select('*').from('cabinet_accounts as ca').whereRaw('ca.account_id = a.id'))
    .whereNotExists((q) => q.select('*').from('cabinets as c').whereRaw('c.person_id = p.id'))
    .whereNotExists((q) => q.select('*').from('person_documents as d').whereRaw('d.person_id = p.id'))
    .orderBy('a.number')
    .first(
      'p.id as person_id',
      'a.id as account_id',
      'a.number',
      'p.surname',
      'p.first_name',
      'p.patronymic',
      'p.birth_date',
    )) as Record<string, string | null> | undefined
  if (!row) throw new Error('No fresh holder left in the demo data')
  takenPeople.add(String(row.person_id))
  takenAccounts.add(String(row.account_id))
  return {
    personId: String(row.person_id),
    accountId: String(row.account_id),
    accountNumber: String(row.number),
    surname: String(row.surname),
    firstName: String(row.first_name),
    patronymic: row.patronymic ?? null,
    birthDate: String(row.birth_date),
  }
}

/** Another open account with no cabinet, whose people are not `holder` (nobody from a test's past). */
export async function freshAccount(db: Db): Promise<{ accountId: string; accountNumber: string }> {
  const row = (await db
    .knex('accounts as a')
    .where('a.status', 'open')
    .whereNotIn('a.id', [...takenAccounts])
    .whereNotExists((q) => q.select('*').from('cabinet_accounts as ca').whereRaw('ca.account_id = a.id'))
    .orderBy('a.number', 'desc')
    .first('a.id', 'a.number')) as { id: string; number: string } | undefined
  if (!row) throw new Error('No fresh account left in the demo data')
  takenAccounts.add(row.id)
  return { accountId: row.id, accountNumber: row.number }
}

/** Makes `holder` an owner of a second account (in the demo data nobody has two). */
export async function secondAccountOf(
  db: Db,
  holder: Holder,
): Promise<{ accountId: string; accountNumber: string }> {
  const account = await freshAccount(db)
  await db.knex('account_persons').insert({
    id: randomUUID(),
    account_id: account.accountId,
    person_id: holder.personId,
    owner: true,
    share: null,
    registered: false,
    registered_since: null,
    created_at: TEST_NOW,
  })
  return account
}

const usedNumbers = new Set<string>()

/**
 * A passport series and number no other test of the process has used, as clerks type it:
 * «4506 123456». `avoid` names text (a database's contents) the 10 digits and the 6-digit number
 * must not already appear in, so that a later «not in the file» check means something.
 */
export function newSeriesNumber(avoid: Buffer | string = ''): string {
  const haystack = typeof avoid === 'string' ? avoid : avoid.toString('latin1')
  for (;;) {
    const series = String(randomInt(1, 100)).padStart(2, '0') + String(randomInt(0, 100)).padStart(2, '0')
    const number = String(randomInt(100_000, 1_000_000))
    if (usedNumbers.has(series + number)) continue
    if (haystack.includes(number) || haystack.includes(series + number)) continue
    usedNumbers.add(series + number)
    return `${series} ${number}`
  }
}

/** The 10 digits of «4506 123456»: series then number. */
export function passportDigits(seriesNumber: string): { series: string; number: string } {
  const digits = seriesNumber.replace(/\D/g, '')
  return { series: digits.slice(0, 4), number: digits.slice(4) }
}

/** «•• •• •••456», as the desk shows a passport. */
export function maskedOf(seriesNumber: string): string {
  return maskPassport(passportDigits(seriesNumber))
}

export const ISSUED_BY = 'Отделом УФМС России по г. Севастополю в Гагаринском районе'

/**
 * A valid, unexpired passport of a person born `birthDate` as of the test date: issued a month
 * after the latest replacement birthday (14, 20 or 45) already behind them, never before
 * 1 October 1997, with a series and number of its own.
 */
export function validPassportFor(
  person: { birthDate: string },
  overrides: Partial<PassportFields> = {},
): PassportFields {
  const today = TEST_NOW.slice(0, 10)
  const due = [14, 20, 45]
    .map((age) => birthdayAt(person.birthDate, age))
    .filter((birthday) => daysBetween(birthday, today) > 90)
    .at(-1)
  if (!due) throw new Error(`${person.birthDate}: too young for a passport`)
  let issuedOn = addDays(due, 30)
  if (issuedOn < FIRST_PASSPORT_DATE) issuedOn = addDays(FIRST_PASSPORT_DATE, 100)
  return {
    seriesNumber: newSeriesNumber(),
    issuedOn,
    issuedBy: ISSUED_BY,
    departmentCode: '770-001',
    birthDate: person.birthDate,
    ...overrides,
  }
}

/** The registration form for `holder` on their account: login by account number, no contacts. */
export function registerInput(
  holder: Holder,
  overrides: Partial<RegisterCabinetInput> = {},
): RegisterCabinetInput {
  return {
    accountId: holder.accountId,
    passport: validPassportFor(holder),
    holder: { surname: holder.surname, firstName: holder.firstName, patronymic: holder.patronymic },
    loginKind: 'account',
    email: null,
    phone: null,
    notify: { email: false, sms: false },
    ...overrides,
  }
}

/** A new clerk of `role` (see addClerk) and the ClerkInfo a signed-in session would carry. */
export async function clerkOf(
  db: Db,
  role: ClerkRole = 'operator',
): Promise<{ info: ClerkInfo; credentials: { login: string; password: string }; clerk: TestClerk }> {
  const clerk = await addClerk(db, role)
  const row = await findClerkById(db, clerk.id)
  if (!row) throw new Error(`No clerk ${clerk.id}`)
  return { info: toClerkInfo(row), credentials: { login: clerk.login, password: clerk.password }, clerk }
}

/**
 * A cabinet the customer registered online (by account number, bill amount and e-mail): no
 * passport on file. Returns its login (the account number) and password.
 */
export async function onlineCabinet(
  env: TestEnv,
  holder: Holder,
  password = 'Online-2026',
): Promise<{ cabinetId: string; login: string; password: string }> {
  const now = env.clock.now().toISOString()
  const cabinetId = randomUUID()
  await env.db.knex('cabinets').insert({
    id: cabinetId,
    login: holder.accountNumber,
    password_hash: await hashPassword(password),
    must_change: false,
    status: 'active',
    person_id: holder.personId,
    email: null,
    phone: null,
    created_at: now,
    created_by: null,
    updated_at: now,
    password_changed_at: now,
  })
  await env.db.knex('cabinet_accounts').insert({
    id: randomUUID(),
    cabinet_id: cabinetId,
    account_id: holder.accountId,
    attached_at: now,
    attached_by: null,
  })
  return { cabinetId, login: holder.accountNumber, password }
}

/** The OknoError a promise rejects with. */
export async function refusal(p: Promise<unknown>): Promise<OknoError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof OknoError))
    throw new Error(`expected an OknoError, got ${String(err)}`, { cause: err })
  return err
}

/** Audit entries of one workstation with their ids, to match them to outbox rows. */
export async function auditIds(db: Db, workstationId: string): Promise<string[]> {
  const rows = (await db
    .knex('audit_log')
    .where({ workstation_id: workstationId })
    .orderBy('seq')
    .select('id')) as Array<{
    id: string
  }>
  return rows.map((r) => r.id)
}

/** Audit entries (by id) that have no outbox row queued for the office server. */
export async function auditWithoutOutbox(db: Db, workstationId: string): Promise<string[]> {
  const ids = await auditIds(db, workstationId)
  const queued = new Set(
    (
      (await db
        .knex('outbox')
        .where({ entity: 'audit_log' })
        .whereIn('entity_id', ids)
        .select('entity_id')) as Array<{
        entity_id: string
      }>
    ).map((r) => r.entity_id),
  )
  return ids.filter((id) => !queued.has(id))
}

/**
 * Everything the database holds, as text to search for a secret: on SQLite the bytes of the
 * file and its write-ahead log (what a thief copying the folder would get); on PostgreSQL every
 * row of every table of the schema.
 */
export async function databaseContents(env: TestEnv): Promise<string> {
  if (env.db.dialect === 'sqlite') {
    const rows = (await env.db.knex.raw('PRAGMA database_list')) as Array<{ name: string; file: string }>
    const file = rows.find((r) => r.name === 'main')?.file
    if (!file) throw new Error('No SQLite file')
    const parts = [readFileSync(file)]
    try {
      parts.push(readFileSync(`${file}-wal`))
    } catch {
      // No write-ahead log right now: everything is in the file.
    }
    // UTF-8 bytes read as Latin-1 keep every byte one character: a Cyrillic text encoded as
    // UTF-8 and read the same way is found exactly where its bytes are.
    return Buffer.concat(parts).toString('latin1')
  }
  const tables = (await env.db.knex.raw(
    'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  )) as { rows: Array<{ tablename: string }> }
  const chunks: string[] = []
  for (const { tablename } of tables.rows) {
    const result = (await env.db.knex.raw('SELECT row_to_json(t)::text AS j FROM ?? t', [tablename])) as {
      rows: Array<{ j: string }>
    }
    for (const r of result.rows) chunks.push(r.j)
  }
  return Buffer.from(chunks.join('\n'), 'utf8').toString('latin1')
}

/** `text` as databaseContents shows it (UTF-8 bytes read as Latin-1). */
export function asStored(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1')
}
