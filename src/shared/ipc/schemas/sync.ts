// Inputs of the sync channels: the okno-server's address, its certificate's fingerprint and the
// enrollment code an administrator enters, the exchange interval, the outbox view.
import { z } from 'zod'
import { ENROLL_CODE_RE } from '../../office/protocol'

export const SYNC_INTERVAL_DEFAULT_SECONDS = 2

const URL_MESSAGE = 'Адрес сервера: https://имя-или-адрес:порт, например https://okno-server:8443'
const HOST = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])`
const SERVER_URL_RE = new RegExp(`^https://${HOST}:([0-9]{1,5})$`)

/** https://host:port, no path: the only form of an okno-server's address. */
export const serverUrlSchema = z
  .string({ message: URL_MESSAGE })
  .trim()
  .min(1, 'Укажите адрес сервера «Окно»')
  .max(300, URL_MESSAGE)
  .refine((url) => {
    const m = SERVER_URL_RE.exec(url)
    const port = Number(m?.[1])
    return m !== null && port >= 1 && port <= 65535
  }, URL_MESSAGE)

const FINGERPRINT_MESSAGE =
  'Отпечаток: 32 пары шестнадцатеричных цифр через двоеточие, как его показала проверка'

/** The certificate's SHA-256 as the probe answered it: 32 pairs of hex digits. */
export const fingerprintSchema = z
  .string({ message: FINGERPRINT_MESSAGE })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/, FINGERPRINT_MESSAGE)

export const syncProbeSchema = z.object({ url: serverUrlSchema }).strict()
export type SyncProbeInput = z.infer<typeof syncProbeSchema>

export const syncEnrollSchema = z
  .object({
    url: serverUrlSchema,
    fingerprint: fingerprintSchema,
    code: z
      .string({ message: 'Введите код подключения' })
      .trim()
      .toUpperCase()
      .regex(ENROLL_CODE_RE, 'Код подключения: 12 букв и цифр, как его выдал администратор сервера'),
  })
  .strict()
export type SyncEnrollInput = z.infer<typeof syncEnrollSchema>

export const syncSettingsSchema = z
  .object({
    intervalSeconds: z
      .number({ message: 'Интервал обмена — от 1 до 300 секунд' })
      .int('Интервал обмена — целое число секунд')
      .min(1, 'Интервал обмена — от 1 до 300 секунд')
      .max(300, 'Интервал обмена — от 1 до 300 секунд'),
  })
  .strict()

export type SyncSettingsInput = z.infer<typeof syncSettingsSchema>

export const outboxListSchema = z
  .object({
    filter: z.enum(['pending', 'failed'], { message: 'Выберите: ожидающие или с ошибкой' }),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
