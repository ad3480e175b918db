// Who may call what: sessions, the locked screen, and roles.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { OfficeRef } from '../../../src/shared/domain/app'
import { CHANNELS, type Channel } from '../../../src/shared/ipc/channels'
import { contract, type ChannelInput } from '../../../src/shared/ipc/contract'
import { anonymousCall, signedInCall } from '../../helpers/calls'
import { describeEachDatabase } from '../../helpers/database'
import { auditTrail, countAll } from '../../helpers/rows'

/** A well-formed input for every channel: only access can be the reason for a refusal. */
const VALID: { [C in Channel]: ChannelInput<C> } = {
  'app:info': {},
  'sessions:current': {},
  'sessions:signIn': { login: 'nobody', password: 'secret' },
  'sessions:signOut': {},
  'sessions:lock': {},
  'sessions:unlock': { password: 'secret' },
  'sessions:touch': {},
  'accounts:search': { query: 'иванов' },
  'accounts:get': { accountId: randomUUID() },
  'settings:get': {},
  'settings:update': {
    officeId: randomUUID(),
    counterNumber: 2,
    idleLockMinutes: 5,
    printer: { paper: 'a4', deviceName: null, copies: 1 },
  },
  'audit:verify': {},
  'cabinets:state': { accountId: randomUUID() },
  'cabinets:register': {
    accountId: randomUUID(),
    passport: {
      seriesNumber: '4506 123456',
      issuedOn: '2010-01-01',
      issuedBy: 'ОВД',
      departmentCode: '770-001',
      birthDate: '1980-01-01',
    },
    holder: { surname: 'Иванов', firstName: 'Иван', patronymic: null },
    loginKind: 'account',
    email: null,
    phone: null,
    notify: { email: false, sms: false },
  },
  'cabinets:reset': { accountId: randomUUID(), identity: { kind: 'stored', seriesNumber: '4506 123456' } },
  'cabinets:attach': { accountId: randomUUID(), seriesNumber: '4506 123456' },
  'cabinets:unblockReset': { accountId: randomUUID(), reason: 'клиент пришёл с паспортом' },
  'cabinets:revealPassport': { personId: randomUUID() },
  'printing:print': { document: { title: 'Т', blocks: [{ kind: 'separator' }] } },
  'printing:printers': {},
  'readings:form': { accountId: randomUUID() },
  'readings:check': {
    accountId: randomUUID(),
    takenOn: '2026-11-20',
    source: 'office',
    entries: [{ meterId: randomUUID(), values: ['123'] }],
  },
  'readings:post': {
    accountId: randomUUID(),
    takenOn: '2026-11-20',
    source: 'office',
    entries: [{ meterId: randomUUID(), values: ['123'] }],
  },
  'readings:history': { accountId: randomUUID() },
  'charges:run': { period: '2026-10' },
  'charges:statement': { accountId: randomUUID(), from: '2026-01', to: '2026-10' },
  'charges:month': { accountId: randomUUID(), period: '2026-10' },
  'charges:balance': { accountId: randomUUID() },
  'shifts:state': {},
  'shifts:open': { float: '1000' },
  'shifts:cashMove': { kind: 'cash_in', amount: '500', reason: 'change_fund', comment: '' },
  'shifts:xReport': {},
  'shifts:close': { counted: '1000' },
  'shifts:zReport': { shiftId: randomUUID() },
  'shifts:list': {},
  'shifts:receipts': { shiftId: randomUUID() },
  'payments:draft': { accountId: randomUUID() },
  'payments:post': {
    idempotencyKey: randomUUID(),
    accountId: randomUUID(),
    amount: '100',
    tendered: '100',
    allocations: [{ serviceId: randomUUID(), amountKopecks: 10_000 }],
    payerName: 'Иванов',
    period: '2026-10',
  },
  'payments:reverse': { idempotencyKey: randomUUID(), paymentId: randomUUID(), reason: 'ошибка в счёте' },
  'payments:receipt': { paymentId: randomUUID() },
  'payments:print': { paymentId: randomUUID() },
  'payments:markPrinted': { paymentId: randomUUID() },
  'charges:bill': { accountId: randomUUID(), period: '2026-10' },
  'printing:pdf': { document: { title: 'Т', blocks: [{ kind: 'separator' }] } },
  'payments:report': { scope: 'shift', shiftId: randomUUID() },
  'payments:reportXlsx': { scope: 'day', date: '2026-11-22' },
  'payments:reportDocument': { scope: 'day', date: '2026-11-22', officeId: randomUUID() },
  'appointments:meta': {},
  'appointments:slots': {
    officeId: randomUUID(),
    topicId: randomUUID(),
    from: '2026-11-23',
    to: '2026-11-30',
  },
  'appointments:book': {
    officeId: randomUUID(),
    topicId: randomUUID(),
    date: '2026-11-24',
    time: '10:30',
    accountId: null,
    personName: 'Иванов Иван Иванович',
    phone: '+7 978 123-45-67',
  },
  'appointments:cancel': { appointmentId: randomUUID(), reason: 'заболел' },
  'appointments:reschedule': { appointmentId: randomUUID(), date: '2026-11-25', time: '11:00' },
  'appointments:mark': { appointmentId: randomUUID(), status: 'arrived' },
  'appointments:day': { officeId: randomUUID(), date: '2026-11-24' },
  'appointments:week': { officeId: randomUUID(), from: '2026-11-23' },
  'appointments:search': { query: 'Иванов' },
  'appointments:forAccount': { accountId: randomUUID() },
  'appointments:ticket': { appointmentId: randomUUID() },
  'schedules:get': { officeId: randomUUID() },
  'schedules:save': {
    officeId: randomUUID(),
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      working: weekday < 6,
      opens: '08:00',
      closes: '17:00',
      breakFrom: '12:00',
      breakTo: '12:45',
      capacity: 2,
    })),
  },
  'schedules:calendar': { year: 2026 },
  'schedules:saveCalendar': {
    year: 2026,
    days: [{ date: '2026-01-01', kind: 'holiday', name: 'Новый год' }],
  },
  'schedules:importCalendar': { year: 2026, text: '2026-01-01;holiday;Новый год' },
  'schedules:saveClosure': {
    action: 'add',
    officeId: randomUUID(),
    date: '2026-12-01',
    reason: 'санитарный день',
  },
  'schedules:topics': {},
  'schedules:saveTopic': {
    id: null,
    name: 'Приём документов',
    durationMinutes: 15,
    whatToBring: 'Паспорт',
    active: true,
  },
  'appointments:report': { from: '2026-11-01', to: '2026-11-30' },
  'appointments:reportXlsx': { from: '2026-11-01', to: '2026-11-30', officeId: randomUUID() },
  'sync:status': {},
  'sync:now': {},
  'sync:outbox': { filter: 'failed', limit: 10 },
  'sync:retryFailed': {},
  'sync:settings': {},
  'sync:saveSettings': { intervalSeconds: 2 },
  'sync:probe': { url: 'https://127.0.0.1:1' },
  'sync:enroll': {
    url: 'https://127.0.0.1:1',
    fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
    code: 'ABCD-EFGH-JKLM',
  },
  'sync:disconnect': {},
}

const byAccess = (...access: string[]): Channel[] =>
  CHANNELS.filter((c) => access.includes(contract[c].access))

describeEachDatabase('dispatch: access', (getCtx) => {
  let offices: OfficeRef[]
  beforeAll(async () => {
    offices = (await getCtx()
      .db.knex('offices')
      .select('id', 'code', 'name', 'address')
      .orderBy('name')) as OfficeRef[]
  })

  it.each(byAccess('session', 'clerk', 'supervisor', 'administrator'))(
    '%s refuses a window with nobody signed in',
    async (channel) => {
      const env = getCtx()
      const before = await countAll(env.db, ['audit_log', 'outbox'])
      const result = await dispatch(channel, VALID[channel], anonymousCall(env))
      expect(result).toEqual({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/^Сеанс завершён/) },
      })
      expect(await countAll(env.db, ['audit_log', 'outbox'])).toEqual(before)
    },
  )

  it('serves the public channels to a window with nobody signed in', async () => {
    const env = getCtx()
    const call = anonymousCall(env)
    expect(await dispatch('sessions:current', {}, call)).toEqual({ ok: true, data: null })
    const info = await dispatch('app:info', {}, call)
    expect(info).toMatchObject({
      ok: true,
      data: { demo: true, shell: 'web', version: 'test', today: '2026-11-22' },
    })
    expect(await dispatch('sessions:signIn', VALID['sessions:signIn'], call)).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    })
  })

  it('refuses the clerk’s channels while the screen is locked, and keeps the session channels open', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    expect(await dispatch('sessions:lock', {}, call)).toMatchObject({ ok: true, data: { locked: true } })
    for (const channel of byAccess('clerk', 'supervisor', 'administrator')) {
      const result = await dispatch(channel, VALID[channel], call)
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'SCREEN_LOCKED', message: expect.stringMatching(/^Экран заблокирован/) },
      })
    }
    expect(await dispatch('sessions:current', {}, call)).toMatchObject({ ok: true, data: { locked: true } })
    expect(await dispatch('sessions:lock', {}, call)).toMatchObject({ ok: true })
    expect(await dispatch('sessions:unlock', { password: call.clerk.password }, call)).toMatchObject({
      ok: true,
      data: { locked: false },
    })
    expect(await dispatch('accounts:search', VALID['accounts:search'], call)).toMatchObject({ ok: true })
  })

  it('locks an idle screen at the next call and keeps an active one open', async () => {
    const env = getCtx()
    const call = await signedInCall(env)
    const idle = env.settings.get().idleLockMinutes
    env.clock.advance({ minutes: idle - 1 })
    expect(await dispatch('accounts:search', VALID['accounts:search'], call)).toMatchObject({ ok: true })
    env.clock.advance({ minutes: idle - 1 })
    expect(await dispatch('sessions:touch', {}, call)).toEqual({ ok: true, data: null })
    env.clock.advance({ minutes: idle, ms: 1 })
    expect(await dispatch('accounts:search', VALID['accounts:search'], call)).toMatchObject({
      ok: false,
      error: { code: 'SCREEN_LOCKED' },
    })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toMatchObject({ action: 'session.lock', details: { reason: 'idle' } })
  })

  it('refuses settings:update to an operator and a supervisor, changing nothing', async () => {
    const env = getCtx()
    const update = {
      officeId: offices[1]!.id,
      counterNumber: 3,
      idleLockMinutes: 3,
      printer: { paper: 'thermal80' as const, deviceName: 'XP-80C', copies: 2 },
    }
    const settingsBefore = env.settings.get()
    for (const role of ['operator', 'supervisor'] as const) {
      const call = await signedInCall(env, role)
      const countsBefore = await countAll(env.db, ['audit_log', 'outbox'])
      const result = await dispatch('settings:update', update, call)
      expect(result).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('«Администратор»') },
      })
      expect(env.settings.get()).toEqual(settingsBefore)
      expect(await countAll(env.db, ['audit_log', 'outbox'])).toEqual(countsBefore)
      expect(await dispatch('audit:verify', {}, call)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
  })

  it('lets the administrator update the settings, and audits the change', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const before = env.settings.get()
    const update = {
      officeId: offices[1]!.id,
      counterNumber: 3,
      idleLockMinutes: 3,
      printer: { paper: 'thermal80' as const, deviceName: 'XP-80C', copies: 2 },
    }
    const result = await dispatch('settings:update', update, call)
    expect(result).toMatchObject({ ok: true, data: { ...update, workstationId: before.workstationId } })
    expect((result as { data: { offices: OfficeRef[] } }).data.offices).toEqual(offices)
    expect(env.settings.get()).toEqual({ ...before, ...update })
    const trail = await auditTrail(env.db, before.workstationId)
    expect(trail.at(-1)).toMatchObject({
      action: 'settings.update',
      clerkId: call.clerk.id,
      objectId: before.workstationId,
      details: { before: { officeId: null, counterNumber: 1, idleLockMinutes: 10 }, after: update },
    })
    expect(await dispatch('settings:get', {}, call)).toMatchObject({ ok: true, data: update })
  })

  it('refuses an office that does not exist, even to the administrator', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const before = env.settings.get()
    const result = await dispatch('settings:update', VALID['settings:update'], call)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/отделени/) },
    })
    expect(env.settings.get()).toEqual(before)
  })

  it('lets the administrator verify the audit chain', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const result = await dispatch('audit:verify', {}, call)
    expect(result).toMatchObject({ ok: true, data: { intact: true, brokenAt: null } })
    expect((result as { data: { entries: number } }).data.entries).toBeGreaterThan(0)
  })

  it('answers NOT_FOUND for an account that does not exist', async () => {
    const call = await signedInCall(getCtx())
    expect(await dispatch('accounts:get', VALID['accounts:get'], call)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  // Issue 12 item 19: a list for an id that does not exist is not an empty list.
  it.each([
    'accounts:get',
    'readings:form',
    'readings:check',
    'readings:history',
    'charges:statement',
    'charges:month',
    'charges:balance',
    'cabinets:state',
    'payments:draft',
    'charges:bill',
    'appointments:forAccount',
    'shifts:receipts',
    'shifts:zReport',
    'payments:receipt',
  ] as const)('%s answers NOT_FOUND for an id that does not exist', async (channel) => {
    const call = await signedInCall(getCtx(), 'administrator')
    expect(await dispatch(channel, VALID[channel], call)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/^[А-ЯЁ][^A-Za-z]* не найден/) },
    })
  })
})
