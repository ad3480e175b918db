// @vitest-environment happy-dom
// The stores' plain actions (the screens' one path to main): each sends its channel with the
// input the screen gave, hands back main's answer, and turns a refusal into the clerk's message
// with the fields to mark.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../../src/renderer/src/api/client'
import { useAppointmentsStore } from '../../../../src/renderer/src/stores/appointments'
import { useBillingStore } from '../../../../src/renderer/src/stores/billing'
import { useCabinetStore } from '../../../../src/renderer/src/stores/cabinet'
import { useCashStore } from '../../../../src/renderer/src/stores/cash'
import { usePrintingStore } from '../../../../src/renderer/src/stores/printing'
import { useSchedulesStore } from '../../../../src/renderer/src/stores/schedules'
import { useSearchStore } from '../../../../src/renderer/src/stores/search'
import { useSessionStore } from '../../../../src/renderer/src/stores/session'
import { useSettingsStore } from '../../../../src/renderer/src/stores/settings'
import { useSyncStore } from '../../../../src/renderer/src/stores/sync'
import type { Channel } from '../../../../src/shared/ipc/channels'
import { Refusal, stubBridge, type Bridge } from '../bridge'

const DOC = { kind: 'doc' }
const REPORT_INPUT = { scope: 'day', date: '2026-03-05' } as never
const SERVER = { url: 'https://srv:8443', fingerprint: 'AB:CD', code: 'ABCD-EFGH-JKLM' }

/** An action, the channel it must use, and the input main must get. */
const ACTIONS: Array<{ name: string; run: () => Promise<unknown>; channel: Channel; input: unknown }> = [
  {
    name: 'printing.print',
    run: () => usePrintingStore().print({ document: DOC as never, paper: 'a4' }),
    channel: 'printing:print',
    input: { document: DOC, paper: 'a4' },
  },
  {
    name: 'printing.pdf',
    run: () => usePrintingStore().pdf({ document: DOC as never }),
    channel: 'printing:pdf',
    input: { document: DOC },
  },
  {
    name: 'printing.printers',
    run: () => usePrintingStore().printers(),
    channel: 'printing:printers',
    input: {},
  },
  { name: 'settings.get', run: () => useSettingsStore().get(), channel: 'settings:get', input: {} },
  {
    name: 'settings.update',
    run: () => useSettingsStore().update({ counterNumber: 2 } as never),
    channel: 'settings:update',
    input: { counterNumber: 2 },
  },
  {
    name: 'settings.verifyAudit',
    run: () => useSettingsStore().verifyAudit(),
    channel: 'audit:verify',
    input: {},
  },
  {
    name: 'schedules.get',
    run: () => useSchedulesStore().get('o1'),
    channel: 'schedules:get',
    input: { officeId: 'o1' },
  },
  {
    name: 'schedules.save',
    run: () => useSchedulesStore().save({ officeId: 'o1', days: [] }),
    channel: 'schedules:save',
    input: { officeId: 'o1', days: [] },
  },
  {
    name: 'schedules.saveClosure',
    run: () =>
      useSchedulesStore().saveClosure({ action: 'remove', officeId: 'o1', date: '2026-03-05' } as never),
    channel: 'schedules:saveClosure',
    input: { action: 'remove', officeId: 'o1', date: '2026-03-05' },
  },
  {
    name: 'schedules.calendar',
    run: () => useSchedulesStore().calendar(2026),
    channel: 'schedules:calendar',
    input: { year: 2026 },
  },
  {
    name: 'schedules.saveCalendar',
    run: () => useSchedulesStore().saveCalendar({ year: 2026, days: [] }),
    channel: 'schedules:saveCalendar',
    input: { year: 2026, days: [] },
  },
  {
    name: 'schedules.importCalendar',
    run: () => useSchedulesStore().importCalendar(2026, 'текст'),
    channel: 'schedules:importCalendar',
    input: { year: 2026, text: 'текст' },
  },
  {
    name: 'schedules.topics',
    run: () => useSchedulesStore().topics(),
    channel: 'schedules:topics',
    input: {},
  },
  {
    name: 'schedules.saveTopic',
    run: () => useSchedulesStore().saveTopic({ id: null, name: 'Приём' } as never),
    channel: 'schedules:saveTopic',
    input: { id: null, name: 'Приём' },
  },
  {
    name: 'cabinet.revealPassport',
    run: () => useCabinetStore().revealPassport('p1'),
    channel: 'cabinets:revealPassport',
    input: { personId: 'p1' },
  },
  {
    name: 'billing.statementOf',
    run: () => useBillingStore().statementOf('a1', '2026-01', '2026-03'),
    channel: 'charges:statement',
    input: { accountId: 'a1', from: '2026-01', to: '2026-03' },
  },
  {
    name: 'billing.bill',
    run: () => useBillingStore().bill('a1', '2026-03'),
    channel: 'charges:bill',
    input: { accountId: 'a1', period: '2026-03' },
  },
  {
    name: 'appointments.report',
    run: () => useAppointmentsStore().report({ from: '2026-03-01', to: '2026-03-31' }),
    channel: 'appointments:report',
    input: { from: '2026-03-01', to: '2026-03-31' },
  },
  {
    name: 'appointments.reportXlsx',
    run: () => useAppointmentsStore().reportXlsx({ from: '2026-03-01', to: '2026-03-31' }),
    channel: 'appointments:reportXlsx',
    input: { from: '2026-03-01', to: '2026-03-31' },
  },
  {
    name: 'appointments.loadMeta',
    run: () => useAppointmentsStore().loadMeta(),
    channel: 'appointments:meta',
    input: {},
  },
  { name: 'cash.listShifts', run: () => useCashStore().listShifts(), channel: 'shifts:list', input: {} },
  {
    name: 'cash.report',
    run: () => useCashStore().report(REPORT_INPUT),
    channel: 'payments:report',
    input: REPORT_INPUT,
  },
  {
    name: 'cash.reportXlsx',
    run: () => useCashStore().reportXlsx(REPORT_INPUT),
    channel: 'payments:reportXlsx',
    input: REPORT_INPUT,
  },
  {
    name: 'cash.reportDocument',
    run: () => useCashStore().reportDocument(REPORT_INPUT),
    channel: 'payments:reportDocument',
    input: REPORT_INPUT,
  },
  {
    name: 'sync.outbox',
    run: () => useSyncStore().outbox({ filter: 'failed', limit: 200 }),
    channel: 'sync:outbox',
    input: { filter: 'failed', limit: 200 },
  },
  { name: 'sync.settings', run: () => useSyncStore().settings(), channel: 'sync:settings', input: {} },
  {
    name: 'sync.saveSettings',
    run: () => useSyncStore().saveSettings({ intervalSeconds: 60 }),
    channel: 'sync:saveSettings',
    input: { intervalSeconds: 60 },
  },
  {
    name: 'sync.probe',
    run: () => useSyncStore().probe({ url: SERVER.url }),
    channel: 'sync:probe',
    input: { url: SERVER.url },
  },
  {
    name: 'sync.enroll',
    run: () => useSyncStore().enroll(SERVER),
    channel: 'sync:enroll',
    input: SERVER,
  },
  { name: 'sync.disconnect', run: () => useSyncStore().disconnect(), channel: 'sync:disconnect', input: {} },
  {
    name: 'search.lookup',
    run: () => useSearchStore().lookup('Ленина 5'),
    channel: 'accounts:search',
    input: { query: 'Ленина 5' },
  },
  { name: 'session.touch', run: () => useSessionStore().touch(), channel: 'sessions:touch', input: {} },
]

let bridge: Bridge

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

describe('store actions', () => {
  it.each(ACTIONS)('$name sends $channel with the screen’s input', async ({ run, channel, input }) => {
    const answer = { answered: channel }
    bridge.answer(channel, answer)
    const result = await run()
    expect(bridge.calls).toEqual([{ channel, input }])
    if (channel !== 'sessions:touch') expect(result).toEqual(answer)
  })

  it.each(ACTIONS)('$name passes a refusal on with its message and fields', async ({ run, channel }) => {
    bridge.answer(channel, new Refusal('VALIDATION', 'Исправьте год.', { year: 'Год из четырёх цифр.' }))
    const err = await run().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      code: 'VALIDATION',
      message: 'Исправьте год.',
      fields: { year: 'Год из четырёх цифр.' },
    })
  })

  it('appointments.loadMeta keeps the meta for the screens that share it', async () => {
    const meta = { today: '2026-03-05', offices: [] }
    bridge.answer('appointments:meta', meta)
    const store = useAppointmentsStore()
    await store.loadMeta()
    expect(store.meta).toEqual(meta)
  })

  it('cash.loadShifts keeps the list it gets through listShifts, and a refusal as the message', async () => {
    const store = useCashStore()
    bridge.answer('shifts:list', [{ id: 's1' }])
    await store.loadShifts()
    expect(store.shifts).toEqual([{ id: 's1' }])
    bridge.answer('shifts:list', new Refusal('UNAVAILABLE', 'Касса недоступна.'))
    await store.loadShifts()
    expect(store.shiftsError).toBe('Касса недоступна.')
    expect(store.shifts).toEqual([{ id: 's1' }])
  })
})
