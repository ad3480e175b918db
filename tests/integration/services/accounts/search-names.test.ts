import { beforeAll, expect, it } from 'vitest'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import { parseSearchQuery } from '../../../../src/shared/search/query'
import { foldForSearch } from '../../../../src/shared/text/normalize'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import {
  atAddress,
  expectPageOf,
  loadAccounts,
  union,
  withNameWords,
  type OracleAccount,
  type OraclePerson,
} from '../../../helpers/search-oracle'

/** What a words query must find: people whose name has every word, and the street fallback. */
function expectedFor(accounts: OracleAccount[], text: string): Set<string> {
  const q = parseSearchQuery(text)
  if (q.kind !== 'words') throw new Error(`${text} is not a words query`)
  return union(
    withNameWords(accounts, q.words),
    q.street ? atAddress(accounts, q.street.streetWords) : new Set(),
  )
}

async function search(env: TestEnv, text: string) {
  return searchAccounts(env.ctx, text)
}

describeEachDatabase('account search by name', (getCtx) => {
  let accounts: OracleAccount[]
  let people: OraclePerson[]
  beforeAll(async () => {
    accounts = await loadAccounts(getCtx().db)
    people = accounts.flatMap((a) => a.people)
  })

  const accountOf = (p: OraclePerson): string => accounts.find((a) => a.people.includes(p))!.id

  it('returns a full page and says there is more for a frequent two-letter fragment', async () => {
    const counts = new Map<string, number>()
    for (const a of accounts) {
      for (const prefix of new Set(a.people.map((p) => foldForSearch(p.surname).slice(0, 2)))) {
        counts.set(prefix, (counts.get(prefix) ?? 0) + 1)
      }
    }
    const [fragment] = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]!
    const result = await search(getCtx(), fragment)
    expect(result.items).toHaveLength(50)
    expect(result.more).toBe(true)
    expectPageOf(result, expectedFor(accounts, fragment))
    // Surnames starting with the fragment come first.
    expect(foldForSearch(result.items[0]!.personName!).startsWith(fragment)).toBe(true)
  })

  it('returns every match and no «more» for a rarer fragment', async () => {
    const surnames = [...new Set(people.map((p) => foldForSearch(p.surname)))]
    const rare = surnames.find((s) => {
      const n = expectedFor(accounts, s).size
      return n >= 2 && n <= 20
    })!
    const result = await search(getCtx(), rare)
    expect(result.more).toBe(false)
    expectPageOf(result, expectedFor(accounts, rare))
    expect(result.items.every((h) => h.matchedBy === 'name')).toBe(true)
  })

  it('finds a fragment from inside a surname', async () => {
    const person = people.find((p) => p.surname.length >= 7)!
    const inside = foldForSearch(person.surname).slice(2, 6)
    const result = await search(getCtx(), inside)
    expectPageOf(result, expectedFor(accounts, inside))
    if (!result.more) expect(result.items.map((h) => h.accountId)).toContain(accountOf(person))
    expect(result.items.length).toBeGreaterThan(0)
  })

  it('matches ё and е both ways', async () => {
    const person = people.find((p) => p.surname.includes('ё'))!
    const withE = person.surname.replace(/ё/g, 'е')
    const query = `${withE} ${person.firstName}`
    for (const text of [
      query,
      query.toUpperCase(),
      `${person.surname} ${person.firstName.replace(/е/g, 'ё')}`,
    ]) {
      const result = await search(getCtx(), text)
      expect(result.items.map((h) => h.accountId)).toContain(accountOf(person))
    }
    // And a name written with е is found by a query with ё.
    const plain = people.find((p) => /е/.test(p.surname) && !/ё/.test(p.surname))!
    const result = await search(getCtx(), `${plain.surname.replace('е', 'ё')} ${plain.firstName}`)
    expect(result.items.map((h) => h.accountId)).toContain(accountOf(plain))
  })

  it('finds people by first name', async () => {
    const person = people.find((p) => expectedFor(accounts, p.firstName).size <= 50)!
    const result = await search(getCtx(), person.firstName)
    expectPageOf(result, expectedFor(accounts, person.firstName))
    expect(result.items.map((h) => h.accountId)).toContain(accountOf(person))
    const hit = result.items.find((h) => h.accountId === accountOf(person))!
    expect(foldForSearch(hit.personName!)).toContain(foldForSearch(person.firstName))
  })

  it('narrows by two words: surname and first name in any order', async () => {
    const person = people.find((p) => expectedFor(accounts, p.surname).size > 50)!
    const text = `${person.surname.toLowerCase()} ${person.firstName.toLowerCase()}`
    const result = await search(getCtx(), text)
    expectPageOf(result, expectedFor(accounts, text))
    expect(result.items.map((h) => h.accountId)).toContain(accountOf(person))
    for (const hit of result.items) {
      const name = foldForSearch(hit.personName!)
      expect(name).toContain(foldForSearch(person.surname))
      expect(name).toContain(foldForSearch(person.firstName))
    }
    const reversed = await search(getCtx(), `${person.firstName} ${person.surname}`)
    expect(new Set(reversed.items.map((h) => h.accountId))).toEqual(
      new Set(result.items.map((h) => h.accountId)),
    )
  })

  it('reads Latin look-alike letters inside a Russian name as Russian', async () => {
    const LATIN: Record<string, string> = {
      А: 'A',
      В: 'B',
      Е: 'E',
      К: 'K',
      М: 'M',
      Н: 'H',
      О: 'O',
      Р: 'P',
      С: 'C',
      Т: 'T',
      Х: 'X',
    }
    const person = people.find(
      (p) => /[АВЕКМНОРСТХ]/.test(p.surname.toUpperCase()) && /[^АВЕКМНОРСТХ]/.test(p.surname.toUpperCase()),
    )!
    const mixed = [...person.surname.toUpperCase()].map((ch) => LATIN[ch] ?? ch).join('')
    expect(mixed).toMatch(/[A-Z]/)
    const result = await search(getCtx(), mixed)
    const cyrillic = await search(getCtx(), person.surname)
    expect(result).toEqual(cyrillic)
    expect(result.items.length).toBeGreaterThan(0)
  })
})
