// The memory of failed unknown logins: by login (case and spaces ignored), bounded, the least
// recently used forgotten first, and never holding the text typed.
import { describe, expect, it } from 'vitest'
import { memorySettings } from '../../../../../src/main/config/settings'
import { LoginStrikes, strikesOf } from '../../../../../src/main/services/clerks/login-strikes'

describe('LoginStrikes', () => {
  it('remembers a login regardless of case and surrounding spaces', () => {
    const strikes = new LoginStrikes()
    strikes.set('Someone', { failed: 2, lockedUntil: null })
    expect(strikes.get('  someONE ')).toEqual({ failed: 2, lockedUntil: null })
    expect(strikes.get('someone-else')).toEqual({ failed: 0, lockedUntil: null })
  })

  it('keeps at most its limit, forgetting the least recently written', () => {
    const strikes = new LoginStrikes(3)
    for (const login of ['a', 'b', 'c']) strikes.set(login, { failed: 1, lockedUntil: null })
    strikes.set('a', { failed: 2, lockedUntil: null })
    strikes.set('d', { failed: 1, lockedUntil: null })
    expect(strikes.size).toBe(3)
    expect(strikes.get('b')).toEqual({ failed: 0, lockedUntil: null })
    expect(strikes.get('a')).toEqual({ failed: 2, lockedUntil: null })
  })

  it('holds a hash of the login, not its text', () => {
    const strikes = new LoginStrikes()
    strikes.set('Typed-Password-123', { failed: 1, lockedUntil: null })
    const held = JSON.stringify([...(strikes as unknown as { entries: Map<string, unknown> }).entries])
    expect(held.toLowerCase()).not.toContain('typed-password-123')
  })

  it('is one per workstation', () => {
    const [a, b] = [memorySettings(), memorySettings()]
    expect(strikesOf(a)).toBe(strikesOf(a))
    expect(strikesOf(a)).not.toBe(strikesOf(b))
  })
})
