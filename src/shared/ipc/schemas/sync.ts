// Inputs of the sync channels: the server connection an administrator enters, the outbox view.
import { z } from 'zod'

export const SYNC_INTERVAL_DEFAULT_SECONDS = 2

export const syncServerSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'Укажите адрес сервера')
      .max(253, 'Адрес сервера: не длиннее 253 символов')
      .regex(
        /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:]+\]$/,
        'Адрес сервера: имя компьютера или его сетевой адрес, без пробелов и «/»',
      ),
    port: z
      .number({ message: 'Порт — целое число от 1 до 65535' })
      .int('Порт — целое число от 1 до 65535')
      .min(1, 'Порт — целое число от 1 до 65535')
      .max(65535, 'Порт — целое число от 1 до 65535'),
    database: z
      .string()
      .trim()
      .min(1, 'Укажите имя базы данных')
      .max(63, 'Имя базы: не длиннее 63 символов')
      .regex(/^[A-Za-z0-9_]+$/, 'Имя базы: латинские буквы, цифры и «_»'),
    user: z
      .string()
      .trim()
      .min(1, 'Укажите пользователя')
      .max(63, 'Пользователь: не длиннее 63 символов')
      .regex(/^[A-Za-z0-9_]+$/, 'Пользователь: латинские буквы, цифры и «_»'),
    /** Left out: the saved password stays. An empty string removes it. */
    password: z.string().max(200, 'Пароль не длиннее 200 символов').optional(),
  })
  .strict()

export type SyncServerInput = z.infer<typeof syncServerSchema>

export const syncSettingsSchema = z
  .object({
    mode: z.enum(['standalone', 'office'], { message: 'Выберите режим: автономный или офисный' }),
    /** Required in office mode. */
    server: syncServerSchema.nullable(),
    intervalSeconds: z
      .number({ message: 'Интервал обмена — от 1 до 300 секунд' })
      .int('Интервал обмена — целое число секунд')
      .min(1, 'Интервал обмена — от 1 до 300 секунд')
      .max(300, 'Интервал обмена — от 1 до 300 секунд'),
  })
  .strict()
  .refine((s) => s.mode === 'standalone' || s.server !== null, {
    message: 'В офисном режиме укажите сервер',
    path: ['server'],
  })

export type SyncSettingsInput = z.infer<typeof syncSettingsSchema>

export const outboxListSchema = z
  .object({
    filter: z.enum(['pending', 'failed'], { message: 'Выберите: ожидающие или с ошибкой' }),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
