// @vitest-environment happy-dom
// The cash store's payment key: a retry of the same account and amount (even from a reopened
// form) carries the same idempotency key, so main never posts it twice; a posted payment or
// another amount gets a new one.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useCashStore } from '../../../../src/renderer/src/stores/cash'
import { Refusal, stubBridge, type Bridge } from '../bridge'

let bridge: Bridge
const keys = (): string[] => bridge.calls.map((c) => (c.input as { idempotencyKey: string }).idempotencyKey)
const payment = { accountId: 'a1', amount: '100,00', tendered: '100,00' } as never

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

describe('cash store: posting a payment', () => {
  it('retries a refused payment with the same key, and keeps the posted one', async () => {
    const cash = useCashStore()
    bridge.answer('payments:post', new Refusal('UNAVAILABLE', 'Касса не ответила: повторите.'))
    await expect(cash.post(payment, 10_000)).rejects.toThrow('Касса не ответила: повторите.')
    bridge.answer('payments:post', { paymentId: 'p1' })
    await expect(cash.post(payment, 10_000)).resolves.toEqual({ paymentId: 'p1' })
    expect(cash.posted).toEqual({ paymentId: 'p1' })
    const [first, retry] = keys()
    expect(first).toBeTruthy()
    expect(retry).toBe(first)
  })

  it('takes a new key after a payment is posted, and for another amount', async () => {
    const cash = useCashStore()
    bridge.answer('payments:post', { paymentId: 'p1' })
    await cash.post(payment, 10_000)
    await cash.post(payment, 10_000)
    bridge.answer('payments:post', new Refusal('UNAVAILABLE', 'Повторите.'))
    await cash.post(payment, 20_000).catch(() => undefined)
    expect(new Set(keys()).size).toBe(3)
  })

  it('says why printing failed instead of throwing', async () => {
    const cash = useCashStore()
    bridge.answer('payments:print', new Refusal('UNAVAILABLE', 'Принтер не отвечает.'))
    await expect(cash.print('p1')).resolves.toEqual({ ok: false, message: 'Принтер не отвечает.' })
  })
})
