// Odd and hostile input in the search field: never an error, never a changed database.
import { beforeAll, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import type { AccountSearchResult } from '../../../../src/shared/domain/account'
import { signedInCall } from '../../../helpers/calls'
import { DEMO, describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { countAll } from '../../../helpers/rows'
import { loadAccounts, withNameWords, type OracleAccount } from '../../../helpers/search-oracle'

const NOTHING_TO_FIND = [
  '"',
  '*',
  '(',
  ')',
  '-',
  '%',
  '_',
  '\\',
  '\u0000',
  '😀',
  '👨‍👩‍👧🏠',
  'AND',
  'NEAR',
  'OR 1=1',
  "'; drop table accounts; --",
  "Robert'); DROP TABLE persons;--",
  '" OR ""="',
  '*) OR (*',
  'а'.repeat(10_000),
  '1'.repeat(10_000),
  'ё'.repeat(5000) + 'x'.repeat(5000),
]

const TABLES = ['accounts', 'persons', 'account_persons', 'addresses', 'meters', 'name_words', 'clerks']

type Search = (text: string) => Promise<AccountSearchResult>

/** The service itself, and the path the desk takes: dispatch with a signed-in clerk. */
async function entryPoints(env: TestEnv): Promise<Array<[string, Search]>> {
  const call = await signedInCall(env)
  return [
    ['service', (text) => searchAccounts(env.ctx, text)],
    [
      'dispatch',
      async (text) => {
        const envelope = await dispatch('accounts:search', { query: text }, call)
        if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
        return envelope.data as AccountSearchResult
      },
    ],
  ]
}

describeEachDatabase('account search with odd input', (getCtx) => {
  let accounts: OracleAccount[]
  beforeAll(async () => {
    accounts = await loadAccounts(getCtx().db)
  })

  it('answers every odd query without an error and finds nothing', async () => {
    const env = getCtx()
    const via = await entryPoints(env)
    const before = await countAll(env.db, TABLES)
    expect(before.accounts).toBe(DEMO.accounts)
    for (const [name, search] of via) {
      for (const text of NOTHING_TO_FIND) {
        await expect(search(text), `${name}: ${text.slice(0, 40)}`).resolves.toEqual({
          items: [],
          more: false,
        })
      }
    }
    expect(await countAll(env.db, TABLES)).toEqual(before)
  })

  it('finds the name in a query padded to 10,000 characters or wrapped in punctuation and emoji', async () => {
    const env = getCtx()
    const person = accounts
      .flatMap((a) => a.people)
      .find((p) => withNameWords(accounts, [p.surname.toLowerCase()]).size <= 50)!
    const plain = await searchAccounts(env.ctx, person.surname)
    expect(plain.items.length).toBeGreaterThan(0)
    for (const [via, search] of await entryPoints(env)) {
      for (const text of [
        person.surname + ' '.repeat(10_000 - person.surname.length),
        `«${person.surname}»!!!`,
        `😀 ${person.surname} 🏠`,
        `"${person.surname}"`,
        `(${person.surname})*`,
      ]) {
        expect(await search(text), `${via}: ${text.trim()}`).toEqual(plain)
      }
    }
  })
})
