// Where the workstation's passport master key comes from: OKNO_PASSPORT_KEY (tests, tools), or a
// key file beside the database — sealed by the operating system (Electron safeStorage) when the
// desktop shell runs, in plain form (owner-only file) when only browser mode has ever run. The
// desktop shell upgrades a plain file to a sealed one.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

/** The OS key store (Electron safeStorage), when the shell has one. */
export interface KeySealer {
  seal(key: Buffer): string
  open(sealed: string): Buffer
}

export type KeyResult = { key: Buffer; warning: string | null } | { key: null; reason: string }

const KEY_BYTES = 32

const fileSchema = z.object({ format: z.enum(['os', 'plain']), key: z.string().min(1) })

function write(path: string, content: z.infer<typeof fileSchema>): void {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(content), { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, path)
}

// Said where the desktop app could not be had (browser mode): what to do now, not «run it».
const browserModeWarning = (path: string): string =>
  `Ключ шифрования паспортов хранится в файле ${path} без защиты операционной системы; читать его может только ` +
  'эта учётная запись. Пока так: не давайте другим пользователям доступ к папке с базой, не копируйте файл ключа ' +
  'и не меняйте его права. Когда на этом компьютере заработает настольное приложение «Окно», оно защитит ключ само.'

export function loadPassportKey(options: {
  path: string
  sealer: KeySealer | null
  envKey?: string
  /**
   * Without a trusted sealer: opens a file sealed by an untrusted OS store (Electron's basic_text
   * on Linux), which is then kept plain — it was no safer sealed — rather than lost.
   */
  legacyOpen?: ((sealed: string) => Buffer) | null
  /** Why the key is kept plain, for the administrator; browser mode's reason by default. */
  plainWarning?: string
}): KeyResult {
  const plainWarning = options.plainWarning ?? browserModeWarning(options.path)
  if (options.envKey) {
    const key = Buffer.from(options.envKey, 'base64')
    if (key.length !== KEY_BYTES)
      return { key: null, reason: 'OKNO_PASSPORT_KEY: нужен ключ из 32 байт в base64.' }
    return { key, warning: null }
  }
  const { path, sealer } = options
  if (!existsSync(path)) {
    const key = randomBytes(KEY_BYTES)
    write(
      path,
      sealer ? { format: 'os', key: sealer.seal(key) } : { format: 'plain', key: key.toString('base64') },
    )
    return { key, warning: sealer ? null : plainWarning }
  }
  // A damaged file is reported, never thrown (the desk still starts, without passport work) and
  // never replaced: passports sealed under the old key would be lost with it.
  const damaged: KeyResult = {
    key: null,
    reason: `Файл ключа ${path} повреждён. Обратитесь к администратору.`,
  }
  let content: unknown
  try {
    content = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return damaged
  }
  const parsed = fileSchema.safeParse(content)
  if (!parsed.success) return damaged
  if (parsed.data.format === 'os') {
    if (!sealer && options.legacyOpen) {
      let key: Buffer
      try {
        key = options.legacyOpen(parsed.data.key)
      } catch {
        return damaged
      }
      if (key.length !== KEY_BYTES) return damaged
      write(path, { format: 'plain', key: key.toString('base64') })
      return { key, warning: plainWarning }
    }
    if (!sealer) {
      return {
        key: null,
        reason:
          'Ключ шифрования паспортов защищён системным хранилищем и доступен только в настольном приложении «Окно».',
      }
    }
    let key: Buffer
    try {
      key = sealer.open(parsed.data.key)
    } catch {
      return {
        key: null,
        reason: `Системное хранилище не открыло ключ шифрования паспортов (${path}): возможно, сменилась учётная запись пользователя. Обратитесь к администратору.`,
      }
    }
    return key.length === KEY_BYTES ? { key, warning: null } : damaged
  }
  const key = Buffer.from(parsed.data.key, 'base64')
  if (key.length !== KEY_BYTES) return damaged
  if (sealer) write(path, { format: 'os', key: sealer.seal(key) })
  return { key, warning: sealer ? null : plainWarning }
}
