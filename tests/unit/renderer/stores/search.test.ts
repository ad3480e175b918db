// @vitest-environment happy-dom
// The desk's search: an answer to an older query that arrives after a newer one is dropped, an
// empty query clears without asking main, arrows wrap round the results.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSearchStore } from '../../../../src/renderer/src/stores/search'
import type { AccountSearchResult } from '../../../../src/shared/domain/account'
import { searchResult as found } from '../accounts'
import { held, Refusal, stubBridge, type Bridge } from '../bridge'

let bridge: Bridge

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

describe('search store', () => {
  it('drops an older query’s answer that arrives after the newer one', async () => {
    const slow = held<AccountSearchResult>()
    bridge.answer('accounts:search', (input) =>
      (input as { query: string }).query === '10' ? slow.promise : found('1001', '1002'),
    )
    const search = useSearchStore()
    const older = search.run('10')
    await search.run('100')
    expect(search.result?.items.map((h) => h.number)).toEqual(['1001', '1002'])
    slow.resolve(found('1099'))
    await older
    expect(search.result?.items.map((h) => h.number)).toEqual(['1001', '1002'])
    expect(search.loading).toBe(false)
    expect(search.query).toBe('100')
  })

  it('clears on an empty query without asking main', async () => {
    bridge.answer('accounts:search', found('1001'))
    const search = useSearchStore()
    await search.run('1001')
    await search.run('   ')
    expect(search.result).toBeNull()
    expect(bridge.calls).toHaveLength(1)
  })

  it('shows a refusal as the clerk’s message and keeps the last results', async () => {
    const search = useSearchStore()
    bridge.answer('accounts:search', found('1001'))
    await search.run('1001')
    bridge.answer('accounts:search', new Refusal('VALIDATION', 'Уточните запрос: не меньше двух букв.'))
    await search.run('Л')
    expect(search.error).toBe('Уточните запрос: не меньше двух букв.')
    expect(search.result?.items).toHaveLength(1)
  })

  it('moves the highlight round the results, starting at the first of each answer', async () => {
    bridge.answer('accounts:search', found('1001', '1002', '1003'))
    const search = useSearchStore()
    await search.run('100')
    search.move(-1)
    expect(search.active).toBe(2)
    search.move(1)
    expect(search.active).toBe(0)
    search.move(1)
    await search.run('1000')
    expect(search.active).toBe(0)
  })
})
