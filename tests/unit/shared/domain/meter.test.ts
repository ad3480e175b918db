import { describe, expect, it } from 'vitest'
import { VERIFICATION_WARNING_DEFAULT_DAYS, verificationState } from '../../../../src/shared/domain/meter'

describe('verificationState', () => {
  const today = '2026-11-22'
  const warn = VERIFICATION_WARNING_DEFAULT_DAYS

  it.each([
    ['2025-11-22', 'lapsed', -365],
    ['2026-11-21', 'lapsed', -1],
    ['2026-11-22', 'soon', 0],
    ['2026-12-22', 'soon', 30],
    ['2027-01-21', 'soon', 60],
    ['2027-01-22', 'ok', 61],
    ['2027-11-22', 'ok', 365],
  ])('due %s → %s (%i days)', (due, state, days) => {
    expect(verificationState(today, due, warn)).toEqual({ state, days })
  })

  it('follows the organisation’s warning window', () => {
    expect(verificationState(today, '2026-12-22', 10).state).toBe('ok')
    expect(verificationState(today, '2026-12-02', 10).state).toBe('soon')
    expect(verificationState(today, '2026-11-22', 0).state).toBe('soon')
  })
})
