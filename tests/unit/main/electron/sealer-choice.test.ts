// Which OS key store may seal the desk's secrets: Electron's safeStorage, except its basic_text
// backend on Linux (a fixed key: "sealed" is as readable as plain), which is refused with a reason
// for the administrator. Checked on a fake safeStorage, without Electron.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadPassportKey } from '../../../../src/main/config/passport-key'
import {
  chooseSealer,
  NO_KEY_STORE,
  NO_KEYRING,
  type SafeStorageLike,
} from '../../../../src/main/electron/sealer-choice'

/** safeStorage with a chosen backend; its "encryption" is reversible and visibly not plain. */
function fakeStore(backend: string, available = true): SafeStorageLike & { encrypted: number } {
  return {
    encrypted: 0,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      this.encrypted++
      return Buffer.from(`v10${Buffer.from(text).reverse().toString('hex')}`)
    },
    decryptString: (sealed) => Buffer.from(sealed.toString().slice(3), 'hex').reverse().toString(),
  }
}

describe('chooseSealer', () => {
  it.each(['basic_text', 'unknown'])(
    'refuses the %s backend on Linux and says what to install',
    (backend) => {
      const choice = chooseSealer(fakeStore(backend), 'linux')
      expect(choice.sealer).toBeNull()
      expect(choice.warning).toBe(NO_KEYRING)
      expect(choice.warning).toMatch(/gnome-keyring или KWallet/)
      expect(choice.warning).not.toMatch(/[A-Za-z]+_[A-Za-z]+/) // no backend identifiers for the administrator
    },
  )

  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])('trusts %s on Linux', (backend) => {
    const choice = chooseSealer(fakeStore(backend), 'linux')
    expect(choice.warning).toBeNull()
    const key = randomBytes(32)
    const sealed = choice.sealer?.seal(key) ?? ''
    expect(sealed).not.toContain(key.toString('base64'))
    expect(choice.sealer?.open(sealed)).toEqual(key)
  })

  it('trusts the store of Windows and macOS whatever the Linux backend name says', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(chooseSealer(fakeStore('unknown'), platform)).toMatchObject({ warning: null, legacyOpen: null })
      expect(chooseSealer(fakeStore('unknown'), platform).sealer).not.toBeNull()
    }
  })

  it('has no sealer, and says so, where encryption is not available', () => {
    expect(chooseSealer(fakeStore('gnome_libsecret', false), 'linux')).toEqual({
      sealer: null,
      legacyOpen: null,
      warning: NO_KEY_STORE,
    })
  })
})

describe('the passport key under a refused basic_text store', () => {
  let dir: string
  let path: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okno-sealer-'))
    path = join(dir, 'okno-passport.key')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const load = (store: SafeStorageLike) => {
    const choice = chooseSealer(store, 'linux')
    return loadPassportKey({
      path,
      sealer: choice.sealer,
      legacyOpen: choice.legacyOpen,
      ...(choice.warning ? { plainWarning: choice.warning } : {}),
    })
  }

  it('never seals a new key with it: the file is plain, owner-only, and the administrator is told', () => {
    const store = fakeStore('basic_text')
    const result = load(store)
    expect(result).toMatchObject({ warning: NO_KEYRING })
    expect(store.encrypted).toBe(0)
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; key: string }
    expect(file.format).toBe('plain')
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('keeps a key an earlier version sealed with it, now in plain form', () => {
    const store = fakeStore('basic_text')
    const key = randomBytes(32)
    const sealed = store.encryptString(key.toString('base64')).toString('base64')
    writeFileSync(path, JSON.stringify({ format: 'os', key: sealed }), { mode: 0o600 })
    const result = load(store)
    expect(result).toEqual({ key, warning: NO_KEYRING })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ format: 'plain', key: key.toString('base64') })
  })

  it('seals with a keyring once there is one', () => {
    load(fakeStore('basic_text'))
    const store = fakeStore('gnome_libsecret')
    expect(load(store)).toMatchObject({ warning: null })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format: 'os' })
    expect(store.encrypted).toBe(1)
  })
})
