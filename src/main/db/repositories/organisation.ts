// The organisation (one row), its offices and their counters.
import type { OfficeRef } from '../../../shared/domain/app'
import type { Db } from '../connection'

export interface OrganisationRow {
  id: string
  name: string
  short_name: string
  inn: string
  kpp: string
  bank_name: string
  bic: string
  settlement_account: string
  correspondent_account: string
  address: string
  phone: string
  time_zone: string
  account_number_length: number
  verification_warning_days: number
  is_demo: boolean | number
  cabinet_url: string
  reading_window_from: number
  reading_window_to: number
  anomaly_factor: number
  payment_supervisor_factor: number
  /** BIGINT: text on PostgreSQL. */
  advance_limit_kopecks: number | string
}

export async function findOrganisation(db: Db): Promise<OrganisationRow | undefined> {
  return (await db.knex('organisation').first()) as OrganisationRow | undefined
}

export async function listOffices(db: Db): Promise<OfficeRef[]> {
  return (await db.knex('offices').select('id', 'code', 'name', 'address').orderBy('name')) as OfficeRef[]
}

export async function findOffice(db: Db, id: string): Promise<OfficeRef | undefined> {
  return (await db.knex('offices').select('id', 'code', 'name', 'address').where({ id }).first()) as
    OfficeRef | undefined
}

/** The numbers of the office's counters (windows), in order. */
export async function listCounterNumbers(db: Db, officeId: string): Promise<number[]> {
  const rows = (await db
    .knex('counters')
    .where({ office_id: officeId })
    .orderBy('number')
    .select('number')) as { number: number | string }[]
  return rows.map((r) => Number(r.number))
}
