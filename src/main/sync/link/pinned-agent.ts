// The desk's TLS to okno-server: a keep-alive agent that, with a pinned fingerprint, checks the
// peer certificate's SHA-256 before the socket is handed to any request (nothing is sent to an
// impostor); without one, the certificate is verified by the system's CAs as usual.
import { Agent, type AgentOptions } from 'node:https'
import type { ClientRequestArgs } from 'node:http'
import type { Duplex } from 'node:stream'
import type { TLSSocket } from 'node:tls'
import { OfficeLinkError } from './types'

export function pinMismatch(seen: string, pinned: string): OfficeLinkError {
  return new OfficeLinkError(
    'PIN_MISMATCH',
    `Сертификат сервера изменился: отпечаток ${seen} вместо сохранённого ${pinned}. ` +
      'Сверьте отпечаток с администратором сервера (npm run server -- fingerprint) и подключите окно заново.',
    false,
  )
}

export function sameFingerprint(a: string, b: string): boolean {
  return a.replaceAll(':', '').toUpperCase() === b.replaceAll(':', '').toUpperCase()
}

export class PinnedAgent extends Agent {
  constructor(
    private readonly pin: string | null,
    options: AgentOptions = {},
  ) {
    super({
      keepAlive: true,
      maxSockets: 8,
      // Every connection shows its certificate: a resumed session is not re-checked here.
      maxCachedSessions: 0,
      ...options,
      rejectUnauthorized: pin === null,
    })
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options) as TLSSocket
    const pin = this.pin
    if (pin === null || !callback) return socket
    const fail = (err: Error): void => {
      socket.destroy()
      callback(err, socket)
    }
    socket.once('error', fail)
    socket.once('secureConnect', () => {
      socket.off('error', fail)
      const seen = socket.getPeerCertificate().fingerprint256 ?? ''
      if (!sameFingerprint(seen, pin)) fail(pinMismatch(seen, pin))
      else callback(null, socket)
    })
    return undefined
  }
}
