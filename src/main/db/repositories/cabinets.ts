// Cabinet records: the cabinet of an account or a login, its accounts, consents and the day's
// identity checks.
import type { Knex } from 'knex'
import type { Db } from '../connection'

export interface CabinetRow {
  id: string
  login: string
  password_hash: string
  must_change: boolean | number
  status: 'active' | 'blocked'
  person_id: string
  email: string | null
  phone: string | null
  created_at: string
  password_changed_at: string
}

type Reader = Knex | Knex.Transaction
const reader = (db: Db | Knex.Transaction): Reader => ('knex' in db ? db.knex : db)

export async function findCabinetByAccount(
  db: Db | Knex.Transaction,
  accountId: string,
): Promise<CabinetRow | undefined> {
  return (await reader(db)('cabinets as c')
    .join('cabinet_accounts as ca', 'ca.cabinet_id', 'c.id')
    .where('ca.account_id', accountId)
    .select('c.*')
    .first()) as CabinetRow | undefined
}

export async function findCabinetByLogin(db: Db, login: string): Promise<CabinetRow | undefined> {
  return (await db.knex('cabinets').where({ login }).first()) as CabinetRow | undefined
}

export async function findCabinetByPerson(
  db: Db | Knex.Transaction,
  personId: string,
): Promise<CabinetRow | undefined> {
  return (await reader(db)('cabinets').where({ person_id: personId }).orderBy('created_at').first()) as
    CabinetRow | undefined
}

export async function cabinetAccountNumbers(db: Db, cabinetId: string): Promise<string[]> {
  const rows = (await db
    .knex('cabinet_accounts as ca')
    .join('accounts as a', 'a.id', 'ca.account_id')
    .where('ca.cabinet_id', cabinetId)
    .orderBy('a.number')
    .select('a.number')) as Array<{ number: string }>
  return rows.map((r) => r.number)
}

export async function notificationChannels(db: Db, personId: string): Promise<string[]> {
  const row = (await db
    .knex('consents')
    .where({ person_id: personId, kind: 'notifications' })
    .whereNull('withdrawn_at')
    .orderBy('given_at', 'desc')
    .first('channels')) as { channels: string } | undefined
  return row ? row.channels.split(',').filter(Boolean) : []
}

/** Failed identity checks on the account today, since the last supervisor unblock today. */
export async function failedChecksToday(
  db: Db | Knex.Transaction,
  accountId: string,
  businessDate: string,
): Promise<number> {
  const knex = reader(db)
  const unblock = (await knex('reset_unblocks')
    .where({ account_id: accountId, business_date: businessDate })
    .max({ at: 'at' })
    .first()) as { at: string | null } | undefined
  let q = knex('identity_checks').where({
    account_id: accountId,
    business_date: businessDate,
    result: 'failed',
  })
  if (unblock?.at) q = q.where('at', '>', unblock.at)
  const row = (await q.count({ n: '*' }).first()) as { n: number | string } | undefined
  return Number(row?.n ?? 0)
}

export interface AccountPersonRow {
  person_id: string
  surname: string
  first_name: string
  patronymic: string | null
  birth_date: string | null
  owner: boolean | number
  registered: boolean | number
}

export async function accountPersonRows(
  db: Db | Knex.Transaction,
  accountId: string,
): Promise<AccountPersonRow[]> {
  return (await reader(db)('account_persons as ap')
    .join('persons as p', 'p.id', 'ap.person_id')
    .where('ap.account_id', accountId)
    .select(
      'p.id as person_id',
      'p.surname',
      'p.first_name',
      'p.patronymic',
      'p.birth_date',
      'ap.owner',
      'ap.registered',
    )) as AccountPersonRow[]
}

export interface PasswordChange {
  password_hash: string
  must_change: boolean
  updated_at: string
  password_changed_at: string
}

export async function setCabinetPassword(
  trx: Knex.Transaction,
  id: string,
  change: PasswordChange,
): Promise<void> {
  await trx('cabinets').where({ id }).update(change)
}
