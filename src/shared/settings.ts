// Workstation settings a clerk or administrator can change, and their limits.
import { z } from 'zod'
import { printerSettingsSchema } from './print/document'

export const IDLE_LOCK_DEFAULT_MINUTES = 10

export const settingsUpdateSchema = z
  .object({
    officeId: z.uuid({ message: 'Выберите отделение из списка' }),
    counterNumber: z
      .number({ message: 'Номер окна — целое число от 1 до 99' })
      .int('Номер окна — целое число от 1 до 99')
      .min(1, 'Номер окна — целое число от 1 до 99')
      .max(99, 'Номер окна — целое число от 1 до 99'),
    idleLockMinutes: z
      .number({ message: 'Время блокировки — от 1 до 120 минут' })
      .int('Время блокировки — целое число минут')
      .min(1, 'Время блокировки — от 1 до 120 минут')
      .max(120, 'Время блокировки — от 1 до 120 минут'),
    printer: printerSettingsSchema,
  })
  .strict()

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>
