// Reads facts from a test desk's database, so scripts search for people and addresses that
// really exist there instead of hard-coding what the generator happened to produce.
import { randomUUID } from 'node:crypto'
import { memorySettings } from '../../src/main/config/settings'
import { openDb } from '../../src/main/db/connection'
import { unavailableVault } from '../../src/main/security/passport-vault'
import { verifyCabinetLogin } from '../../src/main/services/cabinets'

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
      clock: { now: () => new Date() },
      newId: randomUUID,
      settings: memorySettings(),
      vault: unavailableVault('не нужен для входа'),
    }
    return await verifyCabinetLogin(ctx, login, password)
  } finally {
    await db.close()
  }
}
