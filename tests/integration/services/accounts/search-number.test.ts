import { beforeAll, expect, it } from 'vitest'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import { describeEachDatabase } from '../../../helpers/database'
import { expectPageOf, loadAccounts, type OracleAccount } from '../../../helpers/search-oracle'

const startingWith = (accounts: OracleAccount[], digits: string): Set<string> =>
  new Set(accounts.filter((a) => a.number.startsWith(digits)).map((a) => a.id))

describeEachDatabase('account search by number', (getCtx) => {
  let accounts: OracleAccount[]
  let sample: OracleAccount
  beforeAll(async () => {
    accounts = await loadAccounts(getCtx().db)
    sample = accounts[Math.floor(accounts.length / 2)]!
  })

  it('finds an account by its exact number', async () => {
    const result = await searchAccounts(getCtx().ctx, sample.number)
    expect(result.items).toHaveLength(1)
    expect(result.more).toBe(false)
    expect(result.items[0]).toMatchObject({
      accountId: sample.id,
      number: sample.number,
      matchedBy: 'number',
    })
    expect(result.items[0]!.address).toContain(sample.streetName)
  })

  it('shows the first owner’s name on a number hit', async () => {
    const result = await searchAccounts(getCtx().ctx, sample.number)
    const hit = result.items[0]!
    expect(hit.personRole).toBe('owner')
    expect(sample.people.map((p) => [p.surname, p.firstName, p.patronymic].join(' '))).toContain(
      hit.personName,
    )
  })

  it('reads a number typed with spaces', async () => {
    const spaced = sample.number.replace(/(\d{3})(?=\d)/g, '$1 ')
    expect(spaced).toContain(' ')
    const result = await searchAccounts(getCtx().ctx, spaced)
    expect(result.items.map((h) => h.accountId)).toEqual([sample.id])
  })

  it('finds accounts by a number prefix, in number order', async () => {
    const prefix = sample.number.slice(0, -1)
    const result = await searchAccounts(getCtx().ctx, prefix)
    expectPageOf(result, startingWith(accounts, prefix))
    const numbers = result.items.map((h) => h.number)
    expect(numbers).toEqual([...numbers].sort())
    expect(numbers).toContain(sample.number)
  })

  it('says there is more when a short prefix matches more than a page', async () => {
    const prefix = sample.number.slice(0, 1)
    const expected = startingWith(accounts, prefix)
    expect(expected.size).toBeGreaterThan(50)
    const result = await searchAccounts(getCtx().ctx, prefix)
    expectPageOf(result, expected)
    expect(result.more).toBe(true)
  })

  it('finds nothing for a number no account has', async () => {
    const missing = ['9999999999', `${sample.number}1`, '0'].find(
      (n) => startingWith(accounts, n).size === 0,
    )!
    expect(await searchAccounts(getCtx().ctx, missing)).toEqual({ items: [], more: false })
  })
})
