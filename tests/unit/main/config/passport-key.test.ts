// Where the passport master key comes from: the environment, or a key file beside the database
// that the operating system seals (Electron safeStorage) when the desktop shell runs.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPassportKey, type KeySealer, type KeyResult } from '../../../../src/main/config/passport-key'

/** A stand-in for safeStorage: reversible, visibly not the plain key, and it counts its calls. */
class FakeSealer implements KeySealer {
  sealed = 0
  opened = 0
  seal(key: Buffer): string {
    this.sealed++
    return `sealed:${Buffer.from(key).reverse().toString('hex')}`
  }
  open(sealed: string): Buffer {
    this.opened++
    if (!sealed.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided')
    return Buffer.from(sealed.slice('sealed:'.length), 'hex').reverse()
  }
}

let dir: string
let path: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'okno-key-'))
  path = join(dir, 'okno-passport.key')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const readFile = (): { format: string; key: string } => JSON.parse(readFileSync(path, 'utf8'))
const mode = (): number => statSync(path).mode & 0o777

function keyOf(result: KeyResult): Buffer {
  if (result.key === null) throw new Error(`expected a key, got the reason: ${result.reason}`)
  return result.key
}

function reasonOf(result: KeyResult): string {
  if (result.key !== null) throw new Error('expected a reason, got a key')
  return result.reason
}

describe('loadPassportKey', () => {
  describe('from OKNO_PASSPORT_KEY', () => {
    it('takes a 32-byte base64 key and touches no file', () => {
      const key = randomBytes(32)
      const sealer = new FakeSealer()
      const result = loadPassportKey({ path, sealer, envKey: key.toString('base64') })
      expect(result).toEqual({ key, warning: null })
      expect(() => statSync(path)).toThrow()
      expect(sealer.sealed + sealer.opened).toBe(0)
    })

    it('refuses a key of another length with a reason naming the variable', () => {
      for (const bad of [randomBytes(16), randomBytes(31), randomBytes(33), randomBytes(64)]) {
        const result = loadPassportKey({ path, sealer: null, envKey: bad.toString('base64') })
        expect(reasonOf(result)).toMatch(/^OKNO_PASSPORT_KEY: .*32 байт/)
      }
      expect(reasonOf(loadPassportKey({ path, sealer: null, envKey: 'не ключ' }))).toMatch(
        /OKNO_PASSPORT_KEY/,
      )
      expect(() => statSync(path)).toThrow()
    })

    it('ignores an empty variable and falls back to the file', () => {
      const result = loadPassportKey({ path, sealer: null, envKey: '' })
      expect(keyOf(result)).toHaveLength(32)
      expect(readFile().format).toBe('plain')
    })
  })

  describe('from the key file', () => {
    it('on a first start without a sealer writes a plain owner-only file and warns', () => {
      const result = loadPassportKey({ path, sealer: null })
      const key = keyOf(result)
      expect(key).toHaveLength(32)
      expect(result).toMatchObject({ warning: expect.stringMatching(/без защиты операционной системы/) })
      // Where the desktop app could not be had, it says what to do instead of «run the desktop app».
      const { warning } = result as { warning: string }
      expect(warning).toContain(path)
      expect(warning).toMatch(/не давайте другим пользователям доступ к папке с базой/)
      expect(warning).not.toMatch(/запустите настольное приложение/)
      expect(readFile()).toEqual({ format: 'plain', key: key.toString('base64') })
      expect(mode()).toBe(0o600)
      // The next start reads the same key, and still warns.
      expect(loadPassportKey({ path, sealer: null })).toEqual(result)
    })

    it('on a first start with a sealer writes the sealed form only, without a warning', () => {
      const sealer = new FakeSealer()
      const result = loadPassportKey({ path, sealer })
      const key = keyOf(result)
      expect(result).toEqual({ key, warning: null })
      const file = readFile()
      expect(file).toEqual({ format: 'os', key: expect.stringMatching(/^sealed:/) })
      expect(readFileSync(path, 'utf8')).not.toContain(key.toString('base64'))
      expect(readFileSync(path, 'utf8')).not.toContain(key.toString('hex'))
      expect(mode()).toBe(0o600)
      expect(loadPassportKey({ path, sealer })).toEqual({ key, warning: null })
      expect(sealer.opened).toBe(1)
    })

    it('upgrades a plain file to the sealed form when a sealer appears, keeping the key', () => {
      const plain = keyOf(loadPassportKey({ path, sealer: null }))
      const sealer = new FakeSealer()
      expect(loadPassportKey({ path, sealer })).toEqual({ key: plain, warning: null })
      expect(readFile().format).toBe('os')
      expect(readFileSync(path, 'utf8')).not.toContain(plain.toString('base64'))
      expect(mode()).toBe(0o600)
      expect(sealer.sealed).toBe(1)
      // Once sealed it stays sealed: opened, not sealed again.
      expect(loadPassportKey({ path, sealer })).toEqual({ key: plain, warning: null })
      expect(sealer.sealed).toBe(1)
    })

    it('gives a reason, not a key, for a sealed file when there is no sealer (browser mode)', () => {
      const key = keyOf(loadPassportKey({ path, sealer: new FakeSealer() }))
      const before = readFileSync(path, 'utf8')
      const result = loadPassportKey({ path, sealer: null })
      expect(reasonOf(result)).toMatch(/настольном приложении/)
      // The sealed key is left as it was: the desktop shell can still open it.
      expect(readFileSync(path, 'utf8')).toBe(before)
      expect(loadPassportKey({ path, sealer: new FakeSealer() })).toEqual({ key, warning: null })
    })

    it.each([
      ['not JSON at all', 'это не ключ'],
      ['truncated JSON', '{"format":"plain","key":"AAAA'],
      ['JSON of another shape', '{"key":"AAAA"}'],
      ['an unknown format', '{"format":"dpapi","key":"AAAA"}'],
      ['an empty key', '{"format":"plain","key":""}'],
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['an empty file', ''],
    ])('gives a reason, not a key, for a corrupted file: %s', (_, content) => {
      writeFileSync(path, content, { mode: 0o600 })
      for (const sealer of [null, new FakeSealer()]) {
        const result = loadPassportKey({ path, sealer })
        expect(reasonOf(result)).toMatch(/повреждён/)
        expect(reasonOf(result)).toContain(path)
      }
      // A damaged file is never replaced by a new key: passports sealed under the old one would be lost.
      expect(readFileSync(path, 'utf8')).toBe(content)
    })

    it('gives a reason for a plain key of the wrong length, and does not seal it', () => {
      writeFileSync(path, JSON.stringify({ format: 'plain', key: randomBytes(16).toString('base64') }))
      const before = readFileSync(path, 'utf8')
      expect(reasonOf(loadPassportKey({ path, sealer: null }))).toMatch(/повреждён/)
      expect(reasonOf(loadPassportKey({ path, sealer: new FakeSealer() }))).toMatch(/повреждён/)
      expect(readFileSync(path, 'utf8')).toBe(before)
    })

    it('gives a reason when the operating system cannot open the sealed key', () => {
      writeFileSync(path, JSON.stringify({ format: 'os', key: 'sealed-by-another-user' }))
      const before = readFileSync(path, 'utf8')
      expect(reasonOf(loadPassportKey({ path, sealer: new FakeSealer() }))).toMatch(
        /Обратитесь к администратору/,
      )
      expect(readFileSync(path, 'utf8')).toBe(before)
    })

    it('gives a reason when the sealed key opens to the wrong length', () => {
      const sealer = new FakeSealer()
      writeFileSync(path, JSON.stringify({ format: 'os', key: sealer.seal(randomBytes(24)) }))
      expect(reasonOf(loadPassportKey({ path, sealer }))).toMatch(/повреждён/)
    })
  })
})
