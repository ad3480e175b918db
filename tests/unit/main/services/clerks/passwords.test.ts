import { describe, expect, it } from 'vitest'
import { decoyHash, hashPassword, verifyPassword } from '../../../../../src/main/services/clerks/passwords'

const FORMAT = /^scrypt\$131072\$8\$1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/

describe('passwords (scrypt, OWASP parameters)', () => {
  it('stores scrypt$N$r$p$salt$key with N = 2^17, r = 8, p = 1, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPassword('operator123')
    const m = FORMAT.exec(stored)
    expect(m).not.toBeNull()
    expect(Buffer.from(m![1]!, 'base64')).toHaveLength(16)
    expect(Buffer.from(m![2]!, 'base64')).toHaveLength(32)
    expect(stored).not.toContain('operator123')
  })

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Пароль-2026')
    expect(await verifyPassword('Пароль-2026', stored)).toBe(true)
    expect(await verifyPassword('пароль-2026', stored)).toBe(false)
    expect(await verifyPassword('Пароль-2026 ', stored)).toBe(false)
  })

  it('salts each hash anew, and the same salt gives the same hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')])
    expect(a).not.toBe(b)
    expect(a.split('$')[4]).not.toBe(b.split('$')[4])
    const salt = Buffer.alloc(16, 7)
    expect(await hashPassword('same', salt)).toBe(await hashPassword('same', salt))
  })

  it('treats composed and decomposed letters alike (NFC)', async () => {
    const stored = await hashPassword('ёлка')
    expect(await verifyPassword('\u0435\u0308лка', stored)).toBe(true)
  })

  it('refuses malformed or tampered hashes instead of throwing', async () => {
    const stored = await hashPassword('x')
    const parts = stored.split('$')
    const key = Buffer.from(parts[5]!, 'base64')
    key[0] = key[0]! ^ 1
    parts[5] = key.toString('base64')
    expect(await verifyPassword('x', parts.join('$'))).toBe(false)
    expect(await verifyPassword('x', '')).toBe(false)
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false)
    expect(await verifyPassword('x', stored.replace(/\$[^$]*$/, ''))).toBe(false)
  })

  it('has a decoy hash that no password matches', async () => {
    const decoy = await decoyHash()
    expect(decoy).toMatch(FORMAT)
    expect(await decoyHash()).toBe(decoy)
    expect(await verifyPassword('', decoy)).toBe(false)
  })
})
