// Passports at rest (DESIGN.md «Security rules»): sealed with AES-256-GCM, found by an
// HMAC-SHA-256 of series and number. Both keys derive (HKDF) from one master key held by the
// workstation (Electron safeStorage, or OKNO_PASSPORT_KEY in tests and tools).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { OknoError } from '../../shared/ipc/envelope'
import type { Passport } from '../../shared/passport'
import type { PersonName } from '../../shared/person-name'

/** Everything written in the passport that the desk keeps: the document and its holder's name. */
export type PassportRecord = Passport & PersonName

export interface PassportVault {
  /** Names the master key, so a row sealed under another key is recognised, not garbled. */
  readonly keyId: string
  hmac(series: string, number: string): string
  seal(record: PassportRecord): string
  open(sealed: string, keyId: string): PassportRecord
}

const IV_BYTES = 12
const TAG_BYTES = 16

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
}

export function createPassportVault(master: Buffer): PassportVault {
  if (master.length !== 32) throw new Error('Ключ шифрования паспортов должен быть длиной 32 байта')
  const encKey = derive(master, 'okno/passport/aes-256-gcm')
  const macKey = derive(master, 'okno/passport/hmac-sha256')
  const keyId = createHash('sha256').update(macKey).digest('hex').slice(0, 16)
  const aad = Buffer.from(`passport_rf:${keyId}`)
  return {
    keyId,
    hmac: (series, number) => createHmac('sha256', macKey).update(`${series}${number}`).digest('hex'),
    seal(record) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv).setAAD(aad)
      const body = Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    open(sealed, rowKeyId) {
      if (rowKeyId !== keyId) {
        throw new OknoError(
          'UNAVAILABLE',
          'Паспорт записан под другим ключом шифрования (другое рабочее место). Обратитесь к администратору.',
        )
      }
      const raw = Buffer.from(sealed, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES)).setAAD(aad)
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      const body = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
      return JSON.parse(body.toString('utf8')) as PassportRecord
    },
  }
}

/** A vault for a workstation without a usable key: passport work is refused with the reason. */
export function unavailableVault(reason: string): PassportVault {
  const refuse = (): never => {
    throw new OknoError('UNAVAILABLE', reason)
  }
  return { keyId: '', hmac: refuse, seal: refuse, open: refuse }
}
