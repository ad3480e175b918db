// The desk's credential at the okno-server, as the settings file keeps it: sealed by the OS key
// store in the desktop shell, plain base64 in the owner-only settings file in browser mode.
import type { KeySealer } from '../config/passport-key'
import type { StoredSecret, StoredServer } from '../config/settings'
import { OknoError } from '../../shared/ipc/envelope'
import type { DeskCredential } from './link/types'

export function sealSecret(sealer: KeySealer | null, secret: string): StoredSecret {
  return sealer
    ? { format: 'os', data: sealer.seal(Buffer.from(secret, 'utf8')) }
    : { format: 'plain', data: Buffer.from(secret, 'utf8').toString('base64') }
}

/** The credential to present; refused when browser mode meets one sealed by the OS key store. */
export function openCredential(sealer: KeySealer | null, server: StoredServer): DeskCredential {
  const stored = server.secret
  if (stored.format === 'plain') {
    return { deskId: server.deskId, secret: Buffer.from(stored.data, 'base64').toString('utf8') }
  }
  if (!sealer) {
    throw new OknoError(
      'UNAVAILABLE',
      'Ключ подключения к серверу «Окно» защищён системным хранилищем и доступен только в настольном приложении «Окно». Подключите окно заново.',
    )
  }
  return { deskId: server.deskId, secret: sealer.open(stored.data).toString('utf8') }
}
