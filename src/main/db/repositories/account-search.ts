// Account search queries: by number prefix, by a fragment of a person's name, by address.
// Each returns at most `limit` rows in display order and answers from indexes on a million
// accounts (see bench/search.bench.ts).
import type { Knex } from 'knex'
import type { AccountSearchHit, AccountStatus, PersonRole } from '../../../shared/domain/account'
import { formatAddressLine, houseSortKey } from '../../../shared/address'
import type { AddressQuery } from '../../../shared/search/query'
import type { Db } from '../connection'
import { containsInsideSql, containsSql, startsWithSql } from '../sql'

interface HitRow {
  account_id: string
  number: string
  status: AccountStatus
  kind: string
  street: string
  house: string
  apartment: string | null
  surname: string | null
  first_name: string | null
  patronymic: string | null
  role: PersonRole | null
}

const HIT_COLUMNS = [
  'a.id as account_id',
  'a.number',
  'a.status',
  's.kind',
  's.name as street',
  'ad.house',
  'ad.apartment',
]

function fullName(r: Pick<HitRow, 'surname' | 'first_name' | 'patronymic'>): string | null {
  if (!r.surname) return null
  return [r.surname, r.first_name, r.patronymic].filter(Boolean).join(' ')
}

function toHit(r: HitRow, matchedBy: AccountSearchHit['matchedBy']): AccountSearchHit {
  return {
    accountId: r.account_id,
    number: r.number,
    status: r.status,
    address: formatAddressLine({
      kind: r.kind,
      street: r.street,
      house: r.house,
      apartment: r.apartment,
    }),
    personName: fullName(r),
    personRole: r.role,
    matchedBy,
  }
}

/** Joins address and street to a query that already has accounts as `a`. */
function withAddress(q: Knex.QueryBuilder): Knex.QueryBuilder {
  return q.join('addresses as ad', 'ad.id', 'a.address_id').join('streets as s', 's.id', 'ad.street_id')
}

/** The matched person (`p`) and their role on the account (`ap`). */
function personColumns(knex: Knex): Array<string | Knex.Raw> {
  return [
    'p.surname',
    'p.first_name',
    'p.patronymic',
    knex.raw(`CASE WHEN ap.owner THEN 'owner' ELSE 'resident' END as role`),
  ]
}

/** The first owner's name, for hits that did not match by name. */
function firstOwnerColumns(knex: Knex): Knex.Raw[] {
  const owner = (col: string): Knex.Raw =>
    knex.raw(
      `(SELECT p.${col} FROM account_persons ap JOIN persons p ON p.id = ap.person_id
        WHERE ap.account_id = a.id AND ap.owner ORDER BY ap.created_at, ap.id LIMIT 1) as ${col}`,
    )
  return [owner('surname'), owner('first_name'), owner('patronymic'), knex.raw(`'owner' as role`)]
}

export async function searchByNumber(db: Db, digits: string, limit: number): Promise<AccountSearchHit[]> {
  const { knex, dialect } = db
  const rows = (await withAddress(knex('accounts as a'))
    .select(...HIT_COLUMNS, ...firstOwnerColumns(knex))
    .where(startsWithSql(knex, dialect, 'a.number', digits))
    .orderBy('a.number')
    .limit(limit)) as HitRow[]
  return rows.map((r) => toHit(r, 'number'))
}

type NamePart = 'surname_key' | 'first_name_key' | 'patronymic_key'
type WordMatch = 'prefix' | 'inside'

// The order people come out within one matching word: the rest of the index on that name part.
const ORDER_WITHIN_WORD: Record<NamePart, string[]> = {
  surname_key: ['p.first_name_key', 'p.patronymic_key'],
  first_name_key: ['p.surname_key'],
  patronymic_key: ['p.surname_key'],
}

/**
 * People whose `part` matches `driver` (as a prefix or inside the word), filtered by the other
 * words anywhere in the full name. Walks the small dictionary of name words in order and joins
 * persons by index, so the first `limit` rows come without sorting or scanning the persons
 * table: SQLite is held to that join order by CROSS JOIN (PostgreSQL plans it by cost).
 */
async function searchNamePart(
  db: Db,
  part: NamePart,
  match: WordMatch,
  driver: string,
  others: string[],
  limit: number,
): Promise<AccountSearchHit[]> {
  const { knex, dialect } = db
  const join = dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN'
  let q = withAddress(
    knex('name_words as w')
      .joinRaw(`${join} persons AS p ON p.${part} = w.word`)
      .join('account_persons as ap', 'ap.person_id', 'p.id')
      .join('accounts as a', 'a.id', 'ap.account_id'),
  )
    .select(...HIT_COLUMNS, ...personColumns(knex))
    .where(
      match === 'prefix'
        ? startsWithSql(knex, dialect, 'w.word', driver)
        : containsInsideSql(knex, dialect, 'w.word', driver),
    )
  const fullKey = `p.surname_key || ' ' || p.first_name_key || ' ' || p.patronymic_key`
  for (const word of others) {
    q = q.whereRaw(dialect === 'pg' ? `strpos(${fullKey}, ?) > 0` : `instr(${fullKey}, ?) > 0`, [word])
  }
  const rows = (await q
    .orderBy(['w.word', ...ORDER_WITHIN_WORD[part]].map((column) => ({ column })))
    .limit(limit)) as HitRow[]
  return rows.map((r) => toHit(r, 'name'))
}

/**
 * Accounts of people whose name contains every word. The longest word drives the lookup;
 * surname matches come first (prefix, then inside the word), then first names and patronymics.
 */
export async function searchByName(db: Db, words: string[], limit: number): Promise<AccountSearchHit[]> {
  const driver = words.reduce((a, b) => (b.length > a.length ? b : a))
  const others = words.filter((w, i) => i !== words.indexOf(driver))
  const found = new Map<string, AccountSearchHit>()
  const steps: Array<[NamePart, WordMatch]> = [
    ['surname_key', 'prefix'],
    ['surname_key', 'inside'],
    ['first_name_key', 'prefix'],
    ['patronymic_key', 'prefix'],
    ['first_name_key', 'inside'],
    ['patronymic_key', 'inside'],
  ]
  for (const [part, match] of steps) {
    if (found.size >= limit) break
    // Several people of one household share an account: ask for more rows than accounts needed.
    for (const hit of await searchNamePart(db, part, match, driver, others, limit * 3)) {
      if (found.size >= limit) break
      if (!found.has(hit.accountId)) found.set(hit.accountId, hit)
    }
  }
  return [...found.values()]
}

async function matchingStreets(db: Db, words: string[]): Promise<string[]> {
  const { knex, dialect } = db
  let q = knex('streets')
    .select('id')
    .orderBy([{ column: 'name' }, { column: 'kind' }])
  for (const w of words) q = q.where(containsSql(knex, dialect, 'search_key', w))
  return ((await q) as Array<{ id: string }>).map((r) => r.id)
}

/** Accounts at an address; streets in name order, houses and flats in numeric order. */
export async function searchByAddress(
  db: Db,
  query: AddressQuery,
  limit: number,
): Promise<AccountSearchHit[]> {
  if (query.streetWords.length === 0) return []
  const { knex } = db
  const hits: AccountSearchHit[] = []
  // Street by street: each answers from the (street, house, flat) index with no sort.
  for (const streetId of await matchingStreets(db, query.streetWords)) {
    let q = withAddress(knex('accounts as a'))
      .select(...HIT_COLUMNS, ...firstOwnerColumns(knex))
      .where('ad.street_id', streetId)
    if (query.house !== null)
      q = q.where('ad.house_sort', houseSortKey(query.house)).where('ad.house_key', query.house)
    if (query.apartment !== null) q = q.where('ad.apartment', query.apartment)
    const rows = (await q
      .orderBy([
        { column: 'ad.house_sort' },
        { column: 'ad.house_key' },
        { column: 'ad.apartment_sort' },
        { column: 'a.number' },
      ])
      .limit(limit - hits.length)) as HitRow[]
    hits.push(...rows.map((r) => toHit(r, 'address')))
    if (hits.length >= limit) break
  }
  return hits
}

/** Accounts on which this person is an owner or registered (a passport lookup's answer). */
export async function searchByPerson(db: Db, personId: string, limit: number): Promise<AccountSearchHit[]> {
  const { knex } = db
  const rows = (await withAddress(
    knex('account_persons as ap')
      .join('persons as p', 'p.id', 'ap.person_id')
      .join('accounts as a', 'a.id', 'ap.account_id'),
  )
    .select(...HIT_COLUMNS, ...personColumns(knex))
    .where('ap.person_id', personId)
    .orderBy('a.number')
    .limit(limit)) as HitRow[]
  return rows.map((r) => toHit(r, 'passport'))
}
