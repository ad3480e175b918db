// The server's TLS identity: a key and a self-signed certificate made on first start in the data
// dir (desks pin its fingerprint at enrollment), or a CA-issued pair the administrator gives.
import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface TlsIdentity {
  key: string
  cert: string
  /** SHA-256 of the certificate's DER as «AB:CD:…». */
  fingerprint: string
}

const KEY_FILE = 'server-key.pem'
const CERT_FILE = 'server-cert.pem'
const VALID_YEARS = 10

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256
}

function writeAtomically(path: string, text: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, text, { mode })
  chmodSync(tmp, mode)
  renameSync(tmp, path)
}

/** The self-signed pair of `dataDir`, made now when there is none. */
export async function selfSignedIdentity(
  dataDir: string,
  hostNames: readonly string[],
): Promise<TlsIdentity> {
  const keyPath = join(dataDir, KEY_FILE)
  const certPath = join(dataDir, CERT_FILE)
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    const names = [...new Set(['localhost', '127.0.0.1', ...hostNames])]
    const notBeforeDate = new Date()
    const notAfterDate = new Date(notBeforeDate)
    notAfterDate.setFullYear(notAfterDate.getFullYear() + VALID_YEARS)
    const pems = await generate([{ name: 'commonName', value: hostNames[0] ?? 'okno-server' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: names.map((n) =>
            isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n },
          ),
        },
      ],
    })
    // The key first and owner-only: a certificate without its key is made again next start.
    writeAtomically(keyPath, pems.private, 0o600)
    writeAtomically(certPath, pems.cert, 0o644)
  }
  return loadIdentity(certPath, keyPath)
}

/** A pair from files (a CA-issued certificate, or the data dir's own). */
export function loadIdentity(certPath: string, keyPath: string): TlsIdentity {
  const cert = readFileSync(certPath, 'utf8')
  const key = readFileSync(keyPath, 'utf8')
  return { cert, key, fingerprint: fingerprintOf(cert) }
}

/** The fingerprint of the data dir's certificate, or null when the server never started there. */
export function storedFingerprint(dataDir: string): string | null {
  const certPath = join(dataDir, CERT_FILE)
  return existsSync(certPath) ? fingerprintOf(readFileSync(certPath, 'utf8')) : null
}
