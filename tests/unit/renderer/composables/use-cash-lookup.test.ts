// @vitest-environment happy-dom
// The cash desk's «Лицевой счёт или QR-код» through the search store: a bill's QR code gives the
// account, amount and month; a bare number the payment at once; other text shows results first
// and pays the highlighted one on the next Enter. Older answers are dropped.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useCashLookup } from '../../../../src/renderer/src/composables/useCashLookup'
import type { AccountSearchResult } from '../../../../src/shared/domain/account'
import { searchResult as found } from '../accounts'
import { held, stubBridge, type Bridge } from '../bridge'

const TEXTS = {
  noAccountInCode: 'В коде нет лицевого счёта.',
  notFound: (n: string) => `Счёт ${n} не найден.`,
}
const QR =
  'ST00012|Name=ГУП «ЕИРЦ»|PersonalAcc=40602810000000000001|BankName=АО «ДЕМО-БАНК»|BIC=046799999|' +
  'CorrespAcc=30101810000000000999|PersAcc=1001|Sum=123456|PaymPeriod=032026'

let bridge: Bridge

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

describe('useCashLookup', () => {
  it('takes a bill’s QR code: the account by its exact number, the amount and the month', async () => {
    bridge.answer('accounts:search', found('10011', '1001'))
    const lookup = useCashLookup(TEXTS)
    expect(await lookup.resolve(QR)).toEqual({ accountId: 'id-1001', amount: '1234,56', period: '2026-03' })
    expect(bridge.calls).toEqual([{ channel: 'accounts:search', input: { query: '1001' } }])
  })

  it('says so when the number is not an open account', async () => {
    bridge.answer('accounts:search', found('10011'))
    const lookup = useCashLookup(TEXTS)
    expect(await lookup.resolve(' 10 01 ')).toBeNull()
    expect(lookup.message.value).toBe('Счёт 1001 не найден.')
  })

  it('shows the results of search text first, then pays the highlighted one', async () => {
    bridge.answer('accounts:search', found('1001', '1002'))
    const lookup = useCashLookup(TEXTS)
    expect(await lookup.resolve('Ленина')).toBeNull()
    expect(lookup.result.value?.items).toHaveLength(2)
    lookup.move(1)
    expect(await lookup.resolve('Ленина')).toEqual({ accountId: 'id-1002' })
  })

  it('drops an older search’s answer, and searches nothing for a scan in progress', async () => {
    const slow = held<AccountSearchResult>()
    bridge.answer('accounts:search', (input) =>
      (input as { query: string }).query === 'Лен' ? slow.promise : found('1002'),
    )
    const lookup = useCashLookup(TEXTS)
    const older = lookup.search('Лен')
    await lookup.search('Ленина')
    slow.resolve(found('1001'))
    await older
    expect(lookup.result.value?.items.map((h) => h.number)).toEqual(['1002'])
    await lookup.search('ST0001')
    expect(lookup.result.value).toBeNull()
    expect(bridge.calls).toHaveLength(2)
  })
})
