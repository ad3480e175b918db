// The OS key store for the passport master key: Electron safeStorage (DPAPI on Windows, the
// keychain on macOS, libsecret on Linux).
import { safeStorage } from 'electron'
import type { KeySealer } from '../config/passport-key'

export function safeStorageSealer(): KeySealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  return {
    seal: (key) => safeStorage.encryptString(key.toString('base64')).toString('base64'),
    open: (sealed) => Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64'),
  }
}
