import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { bufferedRandom, uuidV7Generator } from '../../../src/shared/uuid'

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const T = Date.parse('2026-11-22T07:00:00.000Z')

const bytes = (id: string): Buffer => Buffer.from(id.replace(/-/g, ''), 'hex')
const timestampOf = (id: string): number => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)

describe('uuidV7Generator', () => {
  it('makes RFC 9562 version 7 ids carrying the millisecond timestamp', () => {
    const next = uuidV7Generator(
      (n) => randomBytes(n),
      () => T,
    )
    const id = next()
    expect(id).toMatch(V7)
    expect(bytes(id)[6]! >> 4).toBe(0x7)
    expect(bytes(id)[8]! >> 6).toBe(0b10)
    expect(timestampOf(id)).toBe(T)
  })

  it('sets version and variant bits whatever the random bytes are', () => {
    for (const fill of [0x00, 0xff]) {
      const next = uuidV7Generator(
        (n) => new Uint8Array(n).fill(fill),
        () => T,
      )
      expect(next()).toMatch(V7)
    }
  })

  it('counts up within one millisecond, past the 12-bit sequence', () => {
    const next = uuidV7Generator(
      (n) => randomBytes(n),
      () => T,
    )
    const ids = Array.from({ length: 5000 }, next)
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true)
    expect(ids.every((id) => V7.test(id))).toBe(true)
    // 4,096 values fit one millisecond; the rest borrow the next one rather than wrap around.
    expect(timestampOf(ids.at(-1)!)).toBe(T + 1)
  })

  it('never goes backwards when the clock does', () => {
    let now = T
    const next = uuidV7Generator(
      (n) => randomBytes(n),
      () => now,
    )
    const a = next()
    now = T - 60_000
    const b = next()
    expect(b > a).toBe(true)
    expect(timestampOf(b)).toBe(T)
  })

  it('orders ids of later milliseconds after earlier ones', () => {
    let now = T
    const next = uuidV7Generator(
      (n) => randomBytes(n),
      () => now,
    )
    const ids: string[] = []
    for (let i = 0; i < 50; i++) {
      ids.push(next(), next())
      now += 1
    }
    expect([...ids].sort()).toEqual(ids)
  })
})

describe('bufferedRandom', () => {
  it('hands out the source bytes in order, drawing a block at a time, and never reuses one', () => {
    let counter = 0
    const draws: number[] = []
    const source = (n: number): Uint8Array => {
      draws.push(n)
      return Uint8Array.from({ length: n }, () => counter++ & 0xff)
    }
    const random = bufferedRandom(source, 16)
    const got = [random(2), random(8), random(8), random(2)].map((b) => [...b])
    // 2 + 8 fit the first block of 16; the next 8 does not fit its last 6 bytes, so a new block.
    expect(got).toEqual([
      [0, 1],
      [2, 3, 4, 5, 6, 7, 8, 9],
      [16, 17, 18, 19, 20, 21, 22, 23],
      [24, 25],
    ])
    expect(draws).toEqual([16, 16])
    // More than a block at once goes straight to the source.
    expect(random(40)).toHaveLength(40)
    expect(draws).toEqual([16, 16, 40])
  })

  it('gives uuidV7Generator distinct ids', () => {
    const next = uuidV7Generator(bufferedRandom((n) => randomBytes(n)))
    const ids = new Set(Array.from({ length: 5000 }, () => next()))
    expect(ids.size).toBe(5000)
  })
})
