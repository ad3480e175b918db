// The cash drawer's port: a printer's raw device of Linux or Windows, nothing a file write could
// abuse (a system file, a relative path, a network folder).
import { describe, expect, it } from 'vitest'
import { cashSettingsInputSchema, drawerDeviceSystem } from '../../../src/shared/settings'

describe('drawerDeviceSystem', () => {
  it.each([
    ['/dev/usb/lp0', 'unix'],
    ['/dev/usb/lp12', 'unix'],
    ['/dev/lp0', 'unix'],
    ['/dev/ttyS0', 'unix'],
    ['/dev/ttyUSB1', 'unix'],
    ['/dev/ttyACM0', 'unix'],
    ['COM3', 'windows'],
    ['com12', 'windows'],
    ['\\\\.\\COM3', 'windows'],
    ['LPT1', 'windows'],
    ['\\\\localhost\\POS58', 'windows'],
    ['\\\\kassa-2.office.local\\XP 80C', 'windows'],
  ] as const)('takes %s as a %s device', (path, system) => {
    expect(drawerDeviceSystem(path)).toBe(system)
  })

  it.each([
    '/etc/passwd',
    '/dev/sda',
    '/dev/usb/lp0/../../etc/passwd',
    '/dev/usb/../../etc/shadow',
    '../dev/usb/lp0',
    'dev/usb/lp0',
    '/home/clerk/drawer.txt',
    '/dev/ttyS0\n/etc/passwd',
    'C:\\Windows\\win.ini',
    'COM3:\\file',
    '\\\\.\\PhysicalDrive0',
    '\\\\?\\C:\\file',
    '\\\\server\\share\\folder\\file.txt',
    '\\\\server\\C$',
    '\\\\server\\..',
    '\\\\server',
    '//server/printer',
    'smb://server/printer',
    '',
  ])('refuses %j', (path) => {
    expect(drawerDeviceSystem(path)).toBeNull()
  })
})

describe('cashSettingsInputSchema', () => {
  const cash = { toleranceKopecks: 0, blindClose: false, openDrawer: true }

  it('saves a device or no port at all', () => {
    expect(cashSettingsInputSchema.parse({ ...cash, drawerDevice: ' /dev/usb/lp0 ' }).drawerDevice).toBe(
      '/dev/usb/lp0',
    )
    expect(cashSettingsInputSchema.parse({ ...cash, drawerDevice: null }).drawerDevice).toBeNull()
  })

  it('refuses any other path, saying in Russian what to enter', () => {
    const result = cashSettingsInputSchema.safeParse({ ...cash, drawerDevice: '/etc/passwd' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(
      /^Порт ящика — устройство принтера чеков: в Линуксе \/dev\/usb\/lp0/,
    )
    expect(result.error?.issues[0]?.path).toEqual(['drawerDevice'])
  })
})
