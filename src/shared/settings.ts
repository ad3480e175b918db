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
    /**
     * The receipt printer's raw port, which takes the drawer's ESC/POS pulse: /dev/usb/lp0, \\.\COM3.
     * Checked on input (cashSettingsInputSchema), not when the settings file is read.
     */
    drawerDevice: z.string().trim().max(200, 'Порт ящика: не длиннее 200 символов').nullable(),
  })
  .strict()

export type CashSettings = z.infer<typeof cashSettingsSchema>

// The drawer's pulse is written to this path as to a file: only a printer's raw device may be
// named, never a file (/etc/passwd), a relative path or a network folder.
const UNIX_DEVICE = /^\/dev\/(usb\/lp\d{1,3}|lp\d{1,3}|tty[A-Za-z]{0,6}\d{1,3})$/
const WINDOWS_PORT = /^(\\\\\.\\)?(COM\d{1,3}|LPT\d)$/i
/** `\\host\printer`: one share name, no folder below it, no hidden ($) or dot-led share. */
const PRINTER_SHARE = /^\\\\[A-Za-z0-9][A-Za-z0-9.-]{0,62}\\[^\\/:*?"<>|$.][^\\/:*?"<>|$]{0,79}$/

/** Which system's device `path` names: /dev/… on Linux and macOS, a port or a printer share on Windows. */
export function drawerDeviceSystem(path: string): 'unix' | 'windows' | null {
  if (UNIX_DEVICE.test(path)) return 'unix'
  if (WINDOWS_PORT.test(path) || PRINTER_SHARE.test(path)) return 'windows'
  return null
}

export const DRAWER_DEVICE_EXAMPLES: Record<'unix' | 'windows', string> = {
  unix: '/dev/usb/lp0 или /dev/ttyUSB0',
  windows: 'COM3, \\\\.\\COM3, LPT1 или общий принтер \\\\компьютер\\принтер',
}

const drawerDeviceSchema = z
  .string()
  .trim()
  .max(200, 'Порт ящика: не длиннее 200 символов')
  .refine(
    (path) => drawerDeviceSystem(path) !== null,
    `Порт ящика — устройство принтера чеков: в Линуксе ${DRAWER_DEVICE_EXAMPLES.unix}, в Виндоус ${DRAWER_DEVICE_EXAMPLES.windows}`,
  )
  .nullable()

/** What an administrator may save: the drawer's port only as a printer device. */
export const cashSettingsInputSchema = cashSettingsSchema
  .extend({ drawerDevice: drawerDeviceSchema })
  .strict()

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
    cash: cashSettingsInputSchema.optional(),
  })
  .strict()

export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>
