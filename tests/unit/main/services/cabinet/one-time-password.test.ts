// One-time cabinet passwords: length, alphabet, both classes, no look-alikes, and the redraw.
import { describe, expect, it } from 'vitest'
import {
  generateOneTimePassword,
  ONE_TIME_ALPHABET,
  ONE_TIME_PASSWORD_LENGTH,
} from '../../../../../src/main/services/cabinet/one-time-password'

const DRAWS = 10_000
const LOOK_ALIKES = ['0', 'O', 'o', '1', 'l', 'I']

describe('generateOneTimePassword', () => {
  it('has an alphabet of Latin letters and digits without look-alikes', () => {
    expect(ONE_TIME_PASSWORD_LENGTH).toBe(10)
    expect(ONE_TIME_ALPHABET).toMatch(/^[A-Za-z0-9]+$/)
    expect(new Set(ONE_TIME_ALPHABET).size).toBe(ONE_TIME_ALPHABET.length)
    for (const ch of LOOK_ALIKES) expect(ONE_TIME_ALPHABET).not.toContain(ch)
    // Everything else of A–Z, a–z, 2–9 is there: the alphabet is not smaller than it must be.
    expect(ONE_TIME_ALPHABET).toHaveLength(26 + 26 + 10 - LOOK_ALIKES.length)
  })

  it(`gives ${DRAWS} passwords of 10 characters from the alphabet, each with a letter and a digit`, () => {
    const alphabet = new Set(ONE_TIME_ALPHABET)
    const seen = new Set<string>()
    const used = new Set<string>()
    for (let i = 0; i < DRAWS; i++) {
      const password = generateOneTimePassword()
      expect(password).toHaveLength(ONE_TIME_PASSWORD_LENGTH)
      for (const ch of password) {
        if (!alphabet.has(ch)) expect.fail(`«${ch}» in ${password} is not in the alphabet`)
        used.add(ch)
      }
      expect(password).toMatch(/[A-Za-z]/)
      expect(password).toMatch(/[2-9]/)
      expect(password).not.toMatch(/[0Oo1lI]/)
      seen.add(password)
    }
    // A cryptographic generator does not repeat itself in 10,000 draws of 55^10, and over
    // 100,000 characters uses every character of the alphabet.
    expect(seen.size).toBe(DRAWS)
    expect(used.size).toBe(ONE_TIME_ALPHABET.length)
  })

  it('draws each character anew from the whole alphabet (the bound passed to draw)', () => {
    const bounds: number[] = []
    generateOneTimePassword((max) => {
      bounds.push(max)
      return bounds.length % 2 === 0 ? 0 : ONE_TIME_ALPHABET.length - 1
    })
    expect(bounds).toHaveLength(ONE_TIME_PASSWORD_LENGTH)
    expect(new Set(bounds)).toEqual(new Set([ONE_TIME_ALPHABET.length]))
  })

  it('redraws a password of letters only until it has a digit', () => {
    const firstDigit = ONE_TIME_ALPHABET.search(/\d/)
    let calls = 0
    // Three whole passwords of letters, then a letter and digits.
    const draw = (): number => {
      calls++
      return calls <= 3 * ONE_TIME_PASSWORD_LENGTH + 1 ? calls % firstDigit : firstDigit
    }
    const password = generateOneTimePassword(draw)
    expect(calls).toBe(4 * ONE_TIME_PASSWORD_LENGTH)
    expect(password).toHaveLength(ONE_TIME_PASSWORD_LENGTH)
    expect(password).toMatch(/^[A-Za-z][2-9]{9}$/)
  })

  it('redraws a password of digits only until it has a letter', () => {
    const firstDigit = ONE_TIME_ALPHABET.search(/\d/)
    let calls = 0
    // A whole password of digits, then digits and a letter at the end.
    const draw = (): number => {
      calls++
      return calls < 2 * ONE_TIME_PASSWORD_LENGTH ? firstDigit + (calls % 8) : 0
    }
    const password = generateOneTimePassword(draw)
    expect(calls).toBe(2 * ONE_TIME_PASSWORD_LENGTH)
    expect(password).toMatch(/^[2-9]{9}A$/)
  })
})
