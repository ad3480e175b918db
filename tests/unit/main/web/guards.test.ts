import { describe, expect, it } from 'vitest'
import {
  bridgeHeaderPresent,
  hostAllowed,
  originAllowed,
  parseCookies,
  sameSecret,
} from '../../../../src/main/web/guards'

describe('web guards', () => {
  it('allows only loopback Host headers with this port', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321'])
      expect(hostAllowed(host, 4321)).toBe(true)
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:80',
      'evil.example:4321',
      '127.0.0.1.evil.example:4321',
      'localhost.:4321',
    ]) {
      expect(hostAllowed(host, 4321)).toBe(false)
    }
  })

  it('allows calls from this very server, and page navigations the user started', () => {
    const host = '127.0.0.1:4321'
    for (const kind of ['page', 'api'] as const) {
      expect(originAllowed({ host }, kind)).toBe(true)
      expect(
        originAllowed({ host, origin: 'http://127.0.0.1:4321', 'sec-fetch-site': 'same-origin' }, kind),
      ).toBe(true)
    }
    // Typing or pasting the printed link: Chromium sends Sec-Fetch-Site: none.
    expect(originAllowed({ host, 'sec-fetch-site': 'none' }, 'page')).toBe(true)
    expect(originAllowed({ host, 'sec-fetch-site': 'none' }, 'api')).toBe(false)
  })

  it('refuses other origins and cross-site fetch metadata', () => {
    const host = '127.0.0.1:4321'
    for (const kind of ['page', 'api'] as const) {
      expect(originAllowed({ host, origin: 'http://evil.example' }, kind)).toBe(false)
      expect(originAllowed({ host, origin: 'http://localhost:4321' }, kind)).toBe(false)
      expect(originAllowed({ host, origin: 'null' }, kind)).toBe(false)
      expect(originAllowed({ host, 'sec-fetch-site': 'cross-site' }, kind)).toBe(false)
      expect(originAllowed({ host, 'sec-fetch-site': 'same-site' }, kind)).toBe(false)
      expect(originAllowed({ host, origin: 'http://evil.example', 'sec-fetch-site': 'none' }, kind)).toBe(
        false,
      )
    }
  })

  it('requires the bridge header with the value 1', () => {
    expect(bridgeHeaderPresent({ 'x-okno-bridge': '1' })).toBe(true)
    expect(bridgeHeaderPresent({})).toBe(false)
    expect(bridgeHeaderPresent({ 'x-okno-bridge': 'true' })).toBe(false)
  })

  it('parses cookies and compares secrets exactly', () => {
    expect(parseCookies('a=1; okno_token=x=y ;b')).toEqual(
      new Map([
        ['a', '1'],
        ['okno_token', 'x=y'],
      ]),
    )
    expect(parseCookies(undefined).size).toBe(0)
    expect(sameSecret('abc', 'abc')).toBe(true)
    for (const other of [undefined, '', 'abd', 'abcd', 'ab']) expect(sameSecret(other, 'abc')).toBe(false)
  })
})
