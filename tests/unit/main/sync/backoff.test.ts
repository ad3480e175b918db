// The sync worker's backoff: doubling from the base on each failure, capped, with ±20 % jitter.
import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF } from '../../../../src/main/sync/backoff'

describe('backoffDelay', () => {
  it('doubles 1, 2, 4… seconds per failure up to the one-minute ceiling (no jitter at 0.5)', () => {
    const delays = Array.from({ length: 9 }, (_, i) => backoffDelay(i + 1, DEFAULT_BACKOFF, () => 0.5))
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000])
    expect(backoffDelay(1_000, DEFAULT_BACKOFF, () => 0.5)).toBe(60_000)
  })

  it('spreads each delay by at most 20 % either way', () => {
    const policy = { baseMs: 50, maxMs: 500 }
    expect(backoffDelay(1, policy, () => 0)).toBe(40)
    expect(backoffDelay(1, policy, () => 0.999999)).toBe(60)
    expect(backoffDelay(3, policy, () => 0)).toBe(160)
    expect(backoffDelay(20, policy, () => 0)).toBe(400)
    expect(backoffDelay(20, policy, () => 0.999999)).toBe(600)
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(4, policy)
      expect(d).toBeGreaterThanOrEqual(320)
      expect(d).toBeLessThanOrEqual(480)
    }
  })

  it('treats a count below one as the first failure', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0.5)).toBe(1_000)
  })
})
