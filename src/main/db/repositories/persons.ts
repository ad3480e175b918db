// People: their name as records hold it, and writing them — the folded name keys and the
// name-word dictionary the search relies on are kept in step with every insert.
import type { Knex } from 'knex'
import { foldForSearch } from '../../../shared/text/normalize'

export interface NewPerson {
  id: string
  surname: string
  firstName: string
  patronymic: string | null
  birthDate: string | null
  phone: string | null
  email: string | null
  now: string
}

export async function insertPerson(trx: Knex.Transaction, p: NewPerson): Promise<Record<string, unknown>> {
  const keys = [foldForSearch(p.surname), foldForSearch(p.firstName), foldForSearch(p.patronymic ?? '')]
  const row = {
    id: p.id,
    surname: p.surname,
    first_name: p.firstName,
    patronymic: p.patronymic,
    birth_date: p.birthDate,
    surname_key: keys[0],
    first_name_key: keys[1],
    patronymic_key: keys[2],
    phone: p.phone,
    email: p.email,
    created_at: p.now,
    updated_at: p.now,
  }
  await trx('persons').insert(row)
  const words = keys.filter((w) => w.length > 0).map((word) => ({ word }))
  if (words.length > 0) await trx('name_words').insert(words).onConflict('word').ignore()
  return row
}

export interface PersonNameRow {
  surname: string
  first_name: string
  patronymic: string | null
  birth_date: string | null
}

/** The person's name and birth date as on record. */
export async function personName(
  db: Knex | Knex.Transaction,
  id: string,
): Promise<PersonNameRow | undefined> {
  return (await db('persons').where({ id }).first('surname', 'first_name', 'patronymic', 'birth_date')) as
    PersonNameRow | undefined
}
