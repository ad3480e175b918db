// Workstation settings a clerk or administrator can change, and their limits.
import { z } from 'zod'
import { printerSettingsSchema } from './print/document'

export const IDLE_LOCK_DEFAULT_MINUTES = 10

export const cashSettingsSchema = z
  .object({
    toleranceKopecks: z
      .number({ message: 'Допустимое расхождение — в копейках, от 0 до 100 000 ₽' })
      .int('Допустимое расхождение — целое число копеек')
      .min(0, 'Допустимое расхождение не может быть отрицательным')
      .max(10_000_000, 'Допустимое расхождение — не больше 100 000 ₽'),
    blindClose: z.boolean(),
    openDrawer: z.boolean(),
    /** The receipt printer's raw port, which takes the drawer's ESC/POS pulse: /dev/usb/lp0, \\.\COM3. */
    drawerDevice: z.string().trim().max(200, 'Порт ящика: не длиннее 200 символов').nullable(),
  })
  .strict()

export type CashSettings = z.infer<typeof cashSettingsSchema>

export const DEFAULT_CASH_SETTINGS: CashSettings = {
  toleranceKopecks: 5_000,
  blindClose: false,
  openDrawer: false,
  drawerDevice: null,
}

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
    /** Left out: unchanged. */
    cash: cashSettingsSchema.optional(),
  })
  .strict()

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>
