// One contract, three users: every channel has a contract entry and a handler, and nothing else
// does. (The preload and the browser bridge have their own tests.)
import { describe, expect, it } from 'vitest'
import { handlers } from '../../../../src/main/ipc/handlers'
import { CHANNELS, isChannel } from '../../../../src/shared/ipc/channels'
import { contract } from '../../../../src/shared/ipc/contract'

const ACCESS = ['public', 'session', 'clerk', 'supervisor', 'administrator']

describe('contract coverage', () => {
  it('lists each channel once, named domain:verb', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/)
  })

  it('has a contract entry for every channel and no other', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) {
      expect(ACCESS).toContain(contract[channel].access)
      expect(typeof contract[channel].input.safeParse).toBe('function')
    }
  })

  it('has a handler for every channel and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) expect(typeof handlers[channel]).toBe('function')
  })

  it('keeps sign-in and app info public, settings and audit for the administrator', () => {
    expect(contract['sessions:signIn'].access).toBe('public')
    expect(contract['app:info'].access).toBe('public')
    expect(contract['settings:update'].access).toBe('administrator')
    expect(contract['audit:verify'].access).toBe('administrator')
    expect(contract['accounts:search'].access).toBe('clerk')
  })

  it('recognises only listed channels', () => {
    for (const name of ['accounts:delete', '', 'toString', '__proto__', 'constructor', 42, null, undefined]) {
      expect(isChannel(name)).toBe(false)
    }
    for (const channel of CHANNELS) expect(isChannel(channel)).toBe(true)
  })
})
