// Passports at rest: AES-256-GCM sealing under the workstation key, the HMAC that finds them,
// and the vault of a workstation that has no key.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  createPassportVault,
  unavailableVault,
  type PassportRecord,
} from '../../../../src/main/security/passport-vault'
import { OknoError } from '../../../../src/shared/ipc/envelope'

const RECORD: PassportRecord = {
  series: '4506',
  number: '123456',
  issuedOn: '2005-06-15',
  issuedBy: 'ОВД «Гагаринский» г. Севастополя',
  departmentCode: '770-001',
  birthDate: '1985-03-12',
  surname: 'Семёнова',
  firstName: 'Алёна',
  patronymic: null,
}

/** The error `fn` throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('createPassportVault', () => {
  it('accepts only a 32-byte master key', () => {
    for (const n of [0, 16, 31, 33, 64]) expect(() => createPassportVault(randomBytes(n))).toThrow(/32 байта/)
    expect(createPassportVault(randomBytes(32)).keyId).toMatch(/^[0-9a-f]{16}$/)
  })

  it('opens what it sealed, every field intact', () => {
    const vault = createPassportVault(randomBytes(32))
    const sealed = vault.seal(RECORD)
    expect(vault.open(sealed, vault.keyId)).toEqual(RECORD)
  })

  it('seals without a trace of the passport in clear, and anew each time (fresh IV)', () => {
    const vault = createPassportVault(randomBytes(32))
    const a = vault.seal(RECORD)
    const b = vault.seal(RECORD)
    expect(a).not.toBe(b)
    for (const sealed of [a, b]) {
      expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/)
      const bytes = Buffer.from(sealed, 'base64')
      // 12-byte IV, 16-byte tag, then the ciphertext (as long as the JSON it hides).
      expect(bytes.length).toBe(12 + 16 + Buffer.byteLength(JSON.stringify(RECORD)))
      for (const clear of [RECORD.number, `${RECORD.series}${RECORD.number}`, RECORD.issuedBy, 'Семёнова']) {
        expect(sealed).not.toContain(clear)
        expect(bytes.includes(Buffer.from(clear))).toBe(false)
      }
    }
    expect(Buffer.from(a, 'base64').subarray(0, 12)).not.toEqual(Buffer.from(b, 'base64').subarray(0, 12))
  })

  it('names the same key with the same id, and different keys with different ids', () => {
    const key = randomBytes(32)
    expect(createPassportVault(key).keyId).toBe(createPassportVault(Buffer.from(key)).keyId)
    expect(createPassportVault(randomBytes(32)).keyId).not.toBe(createPassportVault(key).keyId)
  })

  it('refuses a row sealed under another key with UNAVAILABLE and a Russian reason', () => {
    const mine = createPassportVault(randomBytes(32))
    const theirs = createPassportVault(randomBytes(32))
    const err = thrown(() => mine.open(theirs.seal(RECORD), theirs.keyId))
    expect(err).toBeInstanceOf(OknoError)
    expect(err).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/другим ключом/) })
  })

  it('does not open another key’s ciphertext even under its own key id (GCM authentication)', () => {
    const mine = createPassportVault(randomBytes(32))
    const theirs = createPassportVault(randomBytes(32))
    expect(() => mine.open(theirs.seal(RECORD), mine.keyId)).toThrow(/authenticate/i)
  })

  it('detects a tampered ciphertext, tag or IV', () => {
    const vault = createPassportVault(randomBytes(32))
    const sealed = Buffer.from(vault.seal(RECORD), 'base64')
    for (const at of [0, 11, 12, 27, 28, sealed.length - 1]) {
      const tampered = Buffer.from(sealed)
      tampered[at] = tampered[at]! ^ 0x01
      expect(() => vault.open(tampered.toString('base64'), vault.keyId), `byte ${at}`).toThrow(
        /authenticate/i,
      )
    }
    expect(() => vault.open(sealed.subarray(0, sealed.length - 1).toString('base64'), vault.keyId)).toThrow()
  })

  it('gives a stable HMAC for the same key and series+number, and another for another key', () => {
    const key = randomBytes(32)
    const vault = createPassportVault(key)
    const h = vault.hmac('4506', '123456')
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(vault.hmac('4506', '123456')).toBe(h)
    expect(createPassportVault(Buffer.from(key)).hmac('4506', '123456')).toBe(h)
    expect(createPassportVault(randomBytes(32)).hmac('4506', '123456')).not.toBe(h)
    expect(vault.hmac('4506', '123457')).not.toBe(h)
    expect(vault.hmac('4507', '123456')).not.toBe(h)
    expect(h).not.toContain('123456')
  })

  it('derives separate keys for the HMAC and the cipher: the key id reveals neither', () => {
    const key = randomBytes(32)
    const vault = createPassportVault(key)
    expect(vault.hmac('4506', '123456')).not.toContain(vault.keyId)
    expect(vault.keyId).not.toBe(key.toString('hex').slice(0, 16))
  })
})

describe('unavailableVault', () => {
  it('refuses every passport operation with UNAVAILABLE and its reason', () => {
    const reason = 'Ключ шифрования паспортов доступен только в настольном приложении «Окно».'
    const vault = unavailableVault(reason)
    expect(vault.keyId).toBe('')
    for (const op of [
      () => vault.hmac('4506', '123456'),
      () => vault.seal(RECORD),
      () => vault.open('AAAA', ''),
    ]) {
      const err = thrown(op)
      expect(err).toBeInstanceOf(OknoError)
      expect(err).toMatchObject({ code: 'UNAVAILABLE', message: reason })
    }
  })
})
