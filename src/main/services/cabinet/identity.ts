// Who the passport belongs to on an account: names compared with case folded and ё = е, plus
// the date of birth.
import type { Knex } from 'knex'
import type { PersonName } from '../../../shared/person-name'
import { foldForSearch } from '../../../shared/text/normalize'
import { accountPersonRows, type AccountPersonRow } from '../../db/repositories/cabinets'
import type { Db } from '../../db/connection'

export type HolderName = PersonName

const fold = (s: string | null): string => foldForSearch(s ?? '')

export function sameHolder(
  person: Pick<AccountPersonRow, 'surname' | 'first_name' | 'patronymic' | 'birth_date'>,
  holder: HolderName,
  birthDate: string,
): boolean {
  return (
    fold(person.surname) === fold(holder.surname) &&
    fold(person.first_name) === fold(holder.firstName) &&
    fold(person.patronymic) === fold(holder.patronymic) &&
    person.birth_date === birthDate
  )
}

/** The owner or registered resident of the account who matches the passport, if any. */
export async function holderOnAccount(
  db: Db | Knex.Transaction,
  accountId: string,
  holder: HolderName,
  birthDate: string,
): Promise<AccountPersonRow | undefined> {
  const people = await accountPersonRows(db, accountId)
  return people.find((p) => sameHolder(p, holder, birthDate))
}
