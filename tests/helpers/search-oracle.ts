// A plain in-memory model of the seeded accounts, to say which accounts a search must find
// (the test database is small enough to hold whole). Names and streets come from the database,
// never from the generator's word lists.
import { expect } from 'vitest'
import type { Db } from '../../src/main/db/connection'
import { SEARCH_LIMIT } from '../../src/main/services/accounts/accounts'
import type { AccountSearchResult } from '../../src/shared/domain/account'
import { foldForSearch } from '../../src/shared/text/normalize'

export interface OraclePerson {
  surname: string
  firstName: string
  patronymic: string
  /** Folded «surname first patronymic», as the search compares. */
  folded: string
}

export interface OracleAccount {
  id: string
  number: string
  streetName: string
  streetKind: string
  /** Folded «kind name» of the street. */
  streetKey: string
  house: string
  houseKey: string
  apartment: string | null
  people: OraclePerson[]
}

export async function loadAccounts(db: Db): Promise<OracleAccount[]> {
  const accounts = (await db
    .knex('accounts as a')
    .join('addresses as ad', 'ad.id', 'a.address_id')
    .join('streets as s', 's.id', 'ad.street_id')
    .select(
      'a.id',
      'a.number',
      's.name',
      's.kind',
      's.search_key',
      'ad.house',
      'ad.house_key',
      'ad.apartment',
    )) as Array<Record<string, string | null>>
  const people = (await db
    .knex('account_persons as ap')
    .join('persons as p', 'p.id', 'ap.person_id')
    .select('ap.account_id', 'p.surname', 'p.first_name', 'p.patronymic')) as Array<Record<string, string>>
  const byAccount = new Map<string, OracleAccount>()
  for (const a of accounts) {
    byAccount.set(String(a.id), {
      id: String(a.id),
      number: String(a.number),
      streetName: String(a.name),
      streetKind: String(a.kind),
      streetKey: String(a.search_key),
      house: String(a.house),
      houseKey: String(a.house_key),
      apartment: a.apartment ?? null,
      people: [],
    })
  }
  for (const p of people) {
    byAccount.get(String(p.account_id))?.people.push({
      surname: String(p.surname),
      firstName: String(p.first_name),
      patronymic: String(p.patronymic ?? ''),
      folded: foldForSearch(`${p.surname} ${p.first_name} ${p.patronymic ?? ''}`),
    })
  }
  return [...byAccount.values()]
}

/** Accounts with a person whose folded full name contains every (folded) word. */
export function withNameWords(accounts: OracleAccount[], words: string[]): Set<string> {
  return new Set(
    accounts.filter((a) => a.people.some((p) => words.every((w) => p.folded.includes(w)))).map((a) => a.id),
  )
}

/** Accounts on a street whose key contains every word, optionally at a house and flat. */
export function atAddress(
  accounts: OracleAccount[],
  streetWords: string[],
  house: string | null = null,
  apartment: string | null = null,
): Set<string> {
  return new Set(
    accounts
      .filter(
        (a) =>
          streetWords.every((w) => a.streetKey.includes(w)) &&
          (house === null || a.houseKey === house) &&
          (apartment === null || a.apartment === apartment),
      )
      .map((a) => a.id),
  )
}

export function union(...sets: Array<Set<string>>): Set<string> {
  return new Set(sets.flatMap((s) => [...s]))
}

/**
 * The result is a page of exactly the expected accounts: no strangers, no repeats, as many as
 * fit a page, and `more` exactly when the page could not hold them all.
 */
export function expectPageOf(result: AccountSearchResult, expected: Set<string>): void {
  const ids = result.items.map((h) => h.accountId)
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.filter((id) => !expected.has(id))).toEqual([])
  expect(ids.length).toBe(Math.min(SEARCH_LIMIT, expected.size))
  expect(result.more).toBe(expected.size > SEARCH_LIMIT)
}
