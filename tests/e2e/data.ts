// Reads facts from a test desk's database, so scripts search for people and addresses that
// really exist there instead of hard-coding what the generator happened to produce.
import { openDb } from '../../src/main/db/connection'

export interface SampleAccount {
  number: string
  surname: string
  firstName: string
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
      .select('a.number', 'p.surname', 'p.first_name', 's.name as street', 'ad.house', 'ad.apartment')
      .orderBy('a.number')
      .offset(offset)
      .first()) as
      | {
          number: string
          surname: string
          first_name: string
          street: string
          house: string
          apartment: string
        }
      | undefined
    if (!row) throw new Error('В тестовой базе нет подходящего лицевого счёта')
    return {
      number: row.number,
      surname: row.surname,
      firstName: row.first_name,
      street: row.street,
      house: row.house,
      apartment: row.apartment,
    }
  } finally {
    await db.close()
  }
}
