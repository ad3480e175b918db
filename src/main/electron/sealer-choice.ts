// Whether the OS key store may seal the desk's secrets (the passport master key, the office
// server's password). Electron's safeStorage reports itself available on Linux even without a
// keyring: its `basic_text` backend then encrypts with a fixed key built into Chromium, so a
// "sealed" file is as readable as a plain one. That backend is refused, and the administrator told
// why. Pure: it takes safeStorage as a parameter, so it is tested without Electron.
import type { KeySealer } from '../config/passport-key'

/** The part of Electron's safeStorage the choice reads and the sealer uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  /** Linux only: basic_text, gnome_libsecret, kwallet, kwallet5, kwallet6 or unknown. */
  getSelectedStorageBackend?(): string
  encryptString(text: string): Buffer
  decryptString(sealed: Buffer): string
}

export interface SealerChoice {
  /** Seals and opens; null when the store must not be trusted with new secrets. */
  sealer: KeySealer | null
  /**
   * Opens what an earlier version sealed with an untrusted backend, so it can be kept, in plain
   * owner-only form, instead of being lost. Null when there is a real sealer or nothing to open.
   */
  legacyOpen: ((sealed: string) => Buffer) | null
  /** For the administrator, in Russian: why secrets are not sealed by the OS. */
  warning: string | null
}

/** Linux backends that keep their key in the user's keyring, unlocked at login. */
const KEYRING_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

export const NO_KEY_STORE =
  'Системное хранилище ключей недоступно, поэтому ключ шифрования паспортов и пароль сервера отделения хранятся в файлах без его защиты (доступных только этой учётной записи). Обратитесь к администратору.'

export const NO_KEYRING =
  'На этом компьютере не работает хранилище паролей (gnome-keyring или KWallet): Electron шифровал бы ключи постоянным ключом, одинаковым на всех компьютерах, а это не защита. ' +
  'Ключ шифрования паспортов и пароль сервера отделения хранятся в файлах, доступных только этой учётной записи. ' +
  'Установите и включите gnome-keyring или KWallet для этой учётной записи и перезапустите «Окно».'

function sealerOf(store: SafeStorageLike): KeySealer {
  return {
    seal: (key) => store.encryptString(key.toString('base64')).toString('base64'),
    open: (sealed) => Buffer.from(store.decryptString(Buffer.from(sealed, 'base64')), 'base64'),
  }
}

export function chooseSealer(store: SafeStorageLike, platform: NodeJS.Platform): SealerChoice {
  if (!store.isEncryptionAvailable()) return { sealer: null, legacyOpen: null, warning: NO_KEY_STORE }
  if (platform === 'linux') {
    const backend = store.getSelectedStorageBackend?.() ?? 'unknown'
    if (!KEYRING_BACKENDS.has(backend)) {
      return { sealer: null, legacyOpen: sealerOf(store).open, warning: NO_KEYRING }
    }
  }
  return { sealer: sealerOf(store), legacyOpen: null, warning: null }
}
