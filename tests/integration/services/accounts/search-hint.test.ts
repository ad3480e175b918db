// The search field's hint and its «nothing found» text give an example address: on the demo
// data it must find accounts, or the example teaches the clerk a query that fails.
import { expect, it } from 'vitest'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import { ru } from '../../../../src/renderer/src/i18n/ru'
import { describeEachDatabase } from '../../../helpers/database'

const example = (text: string): string => {
  const quoted = /«([^»]+)»/.exec(text)?.[1]
  if (!quoted) throw new Error(`no example in ${text}`)
  return quoted
}

describeEachDatabase('the search hint’s example', (getCtx) => {
  it.each([
    ['hint', ru.search.hint],
    ['empty', ru.search.empty],
  ])('in the %s text finds accounts on the demo data', async (_, text) => {
    const result = await searchAccounts(getCtx().ctx, example(text))
    expect(result.items.length).toBeGreaterThan(0)
    for (const item of result.items) {
      expect(item.matchedBy).toBe('address')
      expect(item.address).toMatch(/Нахимова, д\. 1, кв\. 12$/)
    }
  })
})
