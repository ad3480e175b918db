// The OS key store for the desk's secrets: Electron safeStorage (DPAPI on Windows, the keychain
// on macOS, libsecret or KWallet on Linux), when sealer-choice.ts finds it trustworthy.
import { safeStorage } from 'electron'
import { chooseSealer, type SealerChoice } from './sealer-choice'

export function safeStorageSealer(): SealerChoice {
  return chooseSealer(safeStorage, process.platform)
}
