import { beforeAll, expect, it } from 'vitest'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import { formatStreet } from '../../../../src/shared/address'
import { parseSearchQuery } from '../../../../src/shared/search/query'
import { foldForSearch } from '../../../../src/shared/text/normalize'
import { describeEachDatabase } from '../../../helpers/database'
import {
  atAddress,
  expectPageOf,
  loadAccounts,
  union,
  withNameWords,
  type OracleAccount,
} from '../../../helpers/search-oracle'

/** What an address or words query must find, by the oracle. */
function expectedFor(accounts: OracleAccount[], text: string): Set<string> {
  const q = parseSearchQuery(text)
  if (q.kind === 'address')
    return atAddress(accounts, q.address.streetWords, q.address.house, q.address.apartment)
  if (q.kind === 'words') {
    return union(
      withNameWords(accounts, q.words),
      q.street ? atAddress(accounts, q.street.streetWords) : new Set(),
    )
  }
  throw new Error(`${text} is neither an address nor words`)
}

/** The ways a clerk types the address of `a` (a flat in a block). */
function typedForms(a: OracleAccount): string[] {
  const street = a.streetName
  const flat = a.apartment!
  return [
    `${street.toLowerCase()} ${a.house} ${flat}`,
    `${street} ${a.house} кв ${flat}`,
    `${formatStreet(a.streetKind, street)}, д.${a.house}, кв.${flat}`,
    `${a.streetKind} ${street} дом ${a.house} квартира ${flat}`,
    `г. Севастополь, ${street}, д. ${a.house}, кв. ${flat}`,
  ]
}

describeEachDatabase('account search by address', (getCtx) => {
  let accounts: OracleAccount[]
  beforeAll(async () => {
    accounts = await loadAccounts(getCtx().db)
  })

  it('finds a flat by street, house and flat in the forms clerks type', async () => {
    const streets = new Set<string>()
    const samples = accounts.filter(
      (a) => a.apartment !== null && !streets.has(a.streetKey) && streets.add(a.streetKey),
    )
    expect(samples.length).toBeGreaterThan(3)
    for (const a of samples.slice(0, 6)) {
      for (const text of typedForms(a)) {
        const result = await searchAccounts(getCtx().ctx, text)
        expect(
          result.items.map((h) => h.accountId),
          text,
        ).toContain(a.id)
        expect(
          result.items.every((h) => h.matchedBy === 'address'),
          text,
        ).toBe(true)
        expectPageOf(result, expectedFor(accounts, text))
      }
    }
  })

  it('finds a house with a letter («ул Ленина д 3а» style)', async () => {
    const a = accounts.find((x) => /^\d+[аб]$/.test(x.house))!
    const text = `ул ${a.streetName} д ${a.house}`
    const result = await searchAccounts(getCtx().ctx, text)
    expectPageOf(result, atAddress(accounts, foldForSearch(a.streetName).split(' '), a.houseKey))
    for (const hit of result.items) expect(hit.address).toContain(`д. ${a.house}`)
  })

  it('lists a whole house in flat order when no flat is given', async () => {
    const a = accounts.find(
      (x) => x.apartment !== null && atAddress(accounts, [x.streetKey], x.houseKey).size > 60,
    )!
    const result = await searchAccounts(getCtx().ctx, `${a.streetName} ${a.house}`)
    expectPageOf(result, atAddress(accounts, foldForSearch(a.streetName).split(' '), a.houseKey))
    expect(result.more).toBe(true)
    const flats = result.items.map((h) => Number(/кв\. (\d+)$/.exec(h.address)?.[1]))
    expect(flats).toEqual([...flats].sort((x, y) => x - y))
  })

  it('matches a street with ё typed with е, and the other way round', async () => {
    const a = accounts.find((x) => x.streetName.includes('ё') && x.apartment !== null)!
    const plain = a.streetName.replace(/ё/g, 'е')
    for (const text of [plain, plain.toUpperCase(), a.streetName]) {
      const result = await searchAccounts(getCtx().ctx, text)
      expectPageOf(result, expectedFor(accounts, text))
      expect(result.items.length).toBeGreaterThan(0)
    }
    const exact = await searchAccounts(getCtx().ctx, `${plain} ${a.house} ${a.apartment}`)
    expect(exact.items.map((h) => h.accountId)).toContain(a.id)
    expect(exact.items[0]!.address).toContain(a.streetName)
  })

  it('finds nothing at a street that does not exist', async () => {
    expect(await searchAccounts(getCtx().ctx, 'Несуществующая 5 12')).toEqual({ items: [], more: false })
  })

  it('still says «more» when a name hit also lives on the street searched for', async () => {
    // A person named like their street (Шевченко on ул. Шевченко): the name hit and the street
    // hits overlap, and the page must still be full with «more» set.
    const { db, ctx } = getCtx()
    const street = [...new Set(accounts.map((a) => a.streetName))].find(
      (s) => !s.includes(' ') && atAddress(accounts, [foldForSearch(s)]).size > 60,
    )!
    const word = foldForSearch(street)
    // The first account on the street (nobody is named like the street yet).
    const first = (await searchAccounts(ctx, word)).items[0]!
    expect(first.matchedBy).toBe('address')
    const home = accounts.find((a) => a.id === first.accountId)!
    const person = (await db
      .knex('account_persons as ap')
      .join('persons as p', 'p.id', 'ap.person_id')
      .where('ap.account_id', home.id)
      .select('p.id')
      .first()) as { id: string }
    await db.knex('persons').where({ id: person.id }).update({ surname: street, surname_key: word })
    await db.knex('name_words').insert({ word }).onConflict('word').ignore()
    const refreshed = await loadAccounts(db)
    const expected = expectedFor(refreshed, word)
    expect(withNameWords(refreshed, [word]).has(home.id)).toBe(true)
    expect(expected.size).toBeGreaterThan(51)
    const result = await searchAccounts(ctx, word)
    expectPageOf(result, expected)
    expect(result.items[0]).toMatchObject({ accountId: home.id, matchedBy: 'name' })
  })
})
