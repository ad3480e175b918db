import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  CARD_VIEW_AUDIT_DEFAULT_MINUTES,
  fileSettings,
  memorySettings,
} from '../../../../src/main/config/settings'
import { DEFAULT_PRINTER_SETTINGS } from '../../../../src/shared/print/document'
import { DEFAULT_CASH_SETTINGS, IDLE_LOCK_DEFAULT_MINUTES } from '../../../../src/shared/settings'
import { SYNC_INTERVAL_DEFAULT_SECONDS } from '../../../../src/shared/ipc/schemas/sync'

const OFFICE = '0199f49d-b400-7050-a2e7-81e7c2b45595'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('fileSettings', () => {
  let dir: string
  let path: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okno-settings-'))
    path = join(dir, 'nested', 'okno-settings.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('creates the file with defaults and a new workstation id', () => {
    const s = fileSettings(path).get()
    expect(s).toEqual({
      workstationId: expect.stringMatching(UUID),
      officeId: null,
      counterNumber: 1,
      idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES,
      cardViewAuditMinutes: CARD_VIEW_AUDIT_DEFAULT_MINUTES,
      printer: DEFAULT_PRINTER_SETTINGS,
      cash: DEFAULT_CASH_SETTINGS,
      sync: {
        mode: 'standalone',
        server: null,
        legacy: false,
        intervalSeconds: SYNC_INTERVAL_DEFAULT_SECONDS,
      },
    })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(s)
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('gives each new workstation its own id and keeps it across restarts', () => {
    const first = fileSettings(path).get().workstationId
    expect(fileSettings(path).get().workstationId).toBe(first)
    expect(fileSettings(join(dir, 'other.json')).get().workstationId).not.toBe(first)
  })

  it('round-trips updates through the file', () => {
    const store = fileSettings(path)
    const id = store.get().workstationId
    const printer = { paper: 'thermal58' as const, deviceName: 'XP-58', copies: 2 }
    const cash = { toleranceKopecks: 0, blindClose: true, openDrawer: true, drawerDevice: '/dev/usb/lp0' }
    store.update({ officeId: OFFICE, counterNumber: 7, idleLockMinutes: 3, printer, cash })
    expect(fileSettings(path).get()).toEqual({
      workstationId: id,
      officeId: OFFICE,
      counterNumber: 7,
      idleLockMinutes: 3,
      cardViewAuditMinutes: CARD_VIEW_AUDIT_DEFAULT_MINUTES,
      printer,
      cash,
      sync: {
        mode: 'standalone',
        server: null,
        legacy: false,
        intervalSeconds: SYNC_INTERVAL_DEFAULT_SECONDS,
      },
    })
  })

  it('reads a file written before the cash settings existed, with their defaults', () => {
    const file = join(dir, 'old.json')
    writeFileSync(file, JSON.stringify({ workstationId: OFFICE, officeId: null, counterNumber: 4 }))
    expect(fileSettings(file).get()).toMatchObject({
      counterNumber: 4,
      cash: DEFAULT_CASH_SETTINGS,
      sync: { mode: 'standalone', server: null },
    })
  })

  it('loads a desk set up for direct PostgreSQL: office mode kept, the connection and its password dropped', () => {
    const file = join(dir, 'direct.json')
    const server = { host: 'office-1', port: 5432, database: 'okno', user: 'desk' }
    const password = { format: 'plain', data: Buffer.from('Пароль-базы-1', 'utf8').toString('base64') }
    writeFileSync(
      file,
      JSON.stringify({
        workstationId: OFFICE,
        sync: { mode: 'office', server: { ...server, password }, intervalSeconds: 3 },
      }),
    )
    const store = fileSettings(file)
    expect(store.get().sync).toEqual({ mode: 'office', server: null, legacy: true, intervalSeconds: 3 })
    store.update({ counterNumber: 2 })
    const written = readFileSync(file, 'utf8')
    expect(written).not.toContain(password.data)
    expect(written).not.toContain('office-1')
    expect(fileSettings(file).get().sync).toMatchObject({ mode: 'office', legacy: true })
  })

  it('refuses an invalid update and keeps the file as it was', () => {
    const store = fileSettings(path)
    const before = readFileSync(path, 'utf8')
    expect(() => store.update({ counterNumber: 100 })).toThrow()
    expect(() => store.update({ cash: { ...DEFAULT_CASH_SETTINGS, toleranceKopecks: -1 } })).toThrow()
    expect(() => store.update({ idleLockMinutes: 0 })).toThrow()
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect(store.get().counterNumber).toBe(1)
  })

  it.each([
    ['not JSON', '{"workstationId": '],
    ['an empty file', ''],
    ['a bad workstation id', JSON.stringify({ workstationId: 'abc' })],
    ['a counter out of range', JSON.stringify({ workstationId: OFFICE, counterNumber: 500 })],
  ])('refuses a corrupted file (%s) with a clear message and leaves it alone', (_, content) => {
    const file = join(dir, 'okno-settings.json')
    writeFileSync(file, content)
    expect(() => fileSettings(file)).toThrow(/^Файл настроек .*okno-settings\.json повреждён/)
    expect(readFileSync(file, 'utf8')).toBe(content)
  })
})

describe('memorySettings', () => {
  it('starts from defaults with a new workstation id', () => {
    const a = memorySettings().get()
    expect(a).toMatchObject({ officeId: null, counterNumber: 1, idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES })
    expect(a.workstationId).toMatch(UUID)
    expect(memorySettings().get().workstationId).not.toBe(a.workstationId)
  })

  it('validates the initial values and every update', () => {
    expect(() => memorySettings({ counterNumber: 0 })).toThrow()
    expect(() => memorySettings({ officeId: 'office-1' })).toThrow()
    const store = memorySettings({ idleLockMinutes: 5 })
    expect(() => store.update({ idleLockMinutes: 121 })).toThrow()
    expect(() => store.update({ counterNumber: 1.5 })).toThrow()
    expect(store.get().idleLockMinutes).toBe(5)
    expect(store.update({ idleLockMinutes: 120 }).idleLockMinutes).toBe(120)
  })
})
