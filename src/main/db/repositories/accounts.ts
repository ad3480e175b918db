// The account card's data: account, address, people and meters; accounts' numbers for lists.
import type { Knex } from 'knex'
import type { AccountPerson, AccountStatus, MeterStatus } from '../../../shared/domain/account'
import type { Db } from '../connection'

export interface AccountRow {
  id: string
  number: string
  status: AccountStatus
  area_centi_sqm: number
  opened_on: string
  locality: string
  street_kind: string
  street_name: string
  house: string
  apartment: string | null
  office_id: string | null
  office_name: string | null
}

export interface MeterRow {
  id: string
  service_code: string
  service_name: string
  unit: string
  serial: string
  zones: number
  digit_capacity: number
  installed_on: string
  next_verification_on: string
  status: MeterStatus
}

export async function findAccount(db: Db, accountId: string): Promise<AccountRow | undefined> {
  return (await db
    .knex('accounts as a')
    .join('addresses as ad', 'ad.id', 'a.address_id')
    .join('streets as s', 's.id', 'ad.street_id')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select(
      'a.id',
      'a.number',
      'a.status',
      'a.area_centi_sqm',
      'a.opened_on',
      's.locality',
      's.kind as street_kind',
      's.name as street_name',
      'ad.house',
      'ad.apartment',
      'o.id as office_id',
      'o.name as office_name',
    )
    .where('a.id', accountId)
    .first()) as AccountRow | undefined
}

export async function listAccountPersons(db: Db, accountId: string): Promise<AccountPerson[]> {
  const rows = (await db
    .knex('account_persons as ap')
    .join('persons as p', 'p.id', 'ap.person_id')
    .leftJoin('person_documents as d', (j) =>
      j.on('d.person_id', 'p.id').andOnVal('d.kind', 'passport_rf').andOnNull('d.replaced_at'),
    )
    .select(
      'p.id',
      'p.surname',
      'p.first_name',
      'p.patronymic',
      'p.birth_date',
      'ap.owner',
      'ap.share',
      'ap.registered',
      'd.masked as passport_masked',
    )
    .where('ap.account_id', accountId)
    // Owners first, then the others registered there, each by birth date (eldest first).
    .orderByRaw(
      `CASE WHEN ap.owner THEN 0 ELSE 1 END, p.birth_date, p.surname_key, p.first_name_key`,
    )) as Array<{
    id: string
    surname: string
    first_name: string
    patronymic: string | null
    birth_date: string | null
    owner: boolean | number
    share: string | null
    registered: boolean | number
    passport_masked: string | null
  }>
  return rows.map((r) => ({
    id: r.id,
    fullName: [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' '),
    surname: r.surname,
    firstName: r.first_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    owner: Boolean(r.owner),
    share: r.share,
    registered: Boolean(r.registered),
    passportMasked: r.passport_masked,
  }))
}

export async function listMeters(db: Db, accountId: string): Promise<MeterRow[]> {
  return (await db
    .knex('meters as m')
    .join('services as sv', 'sv.id', 'm.service_id')
    .select(
      'm.id',
      'sv.code as service_code',
      'sv.name as service_name',
      'sv.unit',
      'm.serial',
      'm.zones',
      'm.digit_capacity',
      'm.installed_on',
      'm.next_verification_on',
      'm.status',
    )
    .where('m.account_id', accountId)
    .orderBy([{ column: 'sv.sort' }, { column: 'm.installed_on' }, { column: 'm.serial' }])) as MeterRow[]
}

/** The numbers of accounts `ids`. */
export async function accountNumbers(
  knex: Knex,
  ids: readonly string[],
): Promise<Array<{ id: string; number: string }>> {
  return (await knex('accounts').whereIn('id', ids).select('id', 'number')) as Array<{
    id: string
    number: string
  }>
}
