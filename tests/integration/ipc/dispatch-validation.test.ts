// Malformed input never reaches a service: VALIDATION with a Russian message, nothing changed.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { CallContext } from '../../../src/main/ipc/handlers'
import { anonymousCall, signedInCall } from '../../helpers/calls'
import { demoClerk } from '../../helpers/clerks'
import { describeEachDatabase } from '../../helpers/database'
import { countAll } from '../../helpers/rows'

const OFFICE = randomUUID()
const settings = (patch: Record<string, unknown>) => ({
  officeId: OFFICE,
  counterNumber: 2,
  idleLockMinutes: 5,
  printer: { paper: 'a4', deviceName: null, copies: 1 },
  ...patch,
})

const ACCOUNT = randomUUID()
const PASSPORT = {
  seriesNumber: '4506 123456',
  issuedOn: '2010-01-01',
  issuedBy: 'ОВД',
  departmentCode: '770-001',
  birthDate: '1980-01-01',
}
const register = (patch: Record<string, unknown>) => ({
  accountId: ACCOUNT,
  passport: PASSPORT,
  holder: { surname: 'Иванов', firstName: 'Иван', patronymic: null },
  loginKind: 'account',
  email: null,
  phone: null,
  notify: { email: false, sms: false },
  ...patch,
})
const printout = (patch: Record<string, unknown>) => ({
  document: { title: 'Слип', blocks: [{ kind: 'separator' }], ...patch },
})

const MALFORMED: Array<[string, unknown]> = [
  ['app:info', null],
  ['app:info', []],
  ['app:info', 'info'],
  ['app:info', { verbose: true }],
  ['sessions:current', 1],
  ['sessions:signIn', undefined],
  ['sessions:signIn', null],
  ['sessions:signIn', []],
  ['sessions:signIn', 'operator operator123'],
  ['sessions:signIn', { login: 'operator' }],
  ['sessions:signIn', { login: 'operator', password: 123 }],
  ['sessions:signIn', { login: ['operator'], password: 'operator123' }],
  ['sessions:signIn', { login: 'operator', password: 'operator123', role: 'administrator' }],
  ['sessions:signIn', { login: '   ', password: 'operator123' }],
  ['sessions:signIn', { login: 'o'.repeat(65), password: 'operator123' }],
  ['sessions:signIn', { login: 'operator', password: 'p'.repeat(257) }],
  ['sessions:unlock', { password: '' }],
  ['sessions:unlock', { password: null }],
  ['sessions:lock', { reason: 'idle' }],
  ['accounts:search', {}],
  ['accounts:search', { query: 42 }],
  ['accounts:search', { query: null }],
  ['accounts:search', { query: ['иванов'] }],
  ['accounts:search', { query: 'иванов', limit: 1000 }],
  ['accounts:search', { query: 'я'.repeat(20_001) }],
  ['accounts:get', {}],
  ['accounts:get', { accountId: 'not-a-uuid' }],
  ['accounts:get', { accountId: "1' OR '1'='1" }],
  ['accounts:get', { accountId: 12 }],
  ['settings:update', {}],
  ['settings:update', settings({ officeId: 'office-1' })],
  ['settings:update', settings({ counterNumber: 0 })],
  ['settings:update', settings({ counterNumber: '2' })],
  ['settings:update', settings({ idleLockMinutes: 1.5 })],
  ['settings:update', settings({ idleLockMinutes: 121 })],
  ['settings:update', settings({ workstationId: randomUUID() })],
  ['audit:verify', { all: true }],
  ['cabinets:state', {}],
  ['cabinets:state', { accountId: 'account-1' }],
  ['cabinets:state', { accountId: ACCOUNT, withPassport: true }],
  ['cabinets:register', null],
  ['cabinets:register', {}],
  ['cabinets:register', register({ accountId: undefined })],
  ['cabinets:register', register({ passport: null })],
  ['cabinets:register', register({ passport: '4506 123456' })],
  ['cabinets:register', register({ passport: { ...PASSPORT, issuedOn: '2010-02-31' } })],
  ['cabinets:register', register({ passport: { ...PASSPORT, birthDate: 19800101 } })],
  ['cabinets:register', register({ passport: { ...PASSPORT, departmentCode: undefined } })],
  ['cabinets:register', register({ passport: { ...PASSPORT, issuedBy: 'О'.repeat(301) } })],
  ['cabinets:register', register({ holder: ['Иванов', 'Иван'] })],
  ['cabinets:register', register({ holder: { surname: 'Иванов' } })],
  ['cabinets:register', register({ holder: { surname: 'Ф'.repeat(5000), firstName: 'Иван' } })],
  ['cabinets:register', register({ loginKind: 'login' })],
  ['cabinets:register', register({ email: 'ivanov(at)mail.ru' })],
  ['cabinets:register', register({ phone: '+1 212 555 0100' })],
  ['cabinets:register', register({ notify: undefined })],
  ['cabinets:register', register({ notify: { email: 'yes', sms: false } })],
  ['cabinets:register', register({ addAsOwner: { reason: '' } })],
  ['cabinets:register', register({ addAsOwner: true })],
  ['cabinets:register', register({ supervisor: { login: 'supervisor' } })],
  ['cabinets:register', register({ supervisor: { login: '  ', password: 'supervisor123' } })],
  ['cabinets:register', register({ passwordHash: 'scrypt$1$2$3$4$5' })],
  ['cabinets:reset', {}],
  ['cabinets:reset', { accountId: ACCOUNT }],
  ['cabinets:reset', { accountId: ACCOUNT, identity: null }],
  ['cabinets:reset', { accountId: ACCOUNT, identity: { seriesNumber: '4506 123456' } }],
  ['cabinets:reset', { accountId: ACCOUNT, identity: { kind: 'stored' } }],
  ['cabinets:reset', { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: 4506123456 } }],
  ['cabinets:reset', { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: '4'.repeat(41) } }],
  [
    'cabinets:reset',
    { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: '4506 123456', force: true } },
  ],
  ['cabinets:reset', { accountId: ACCOUNT, identity: { kind: 'document', passport: PASSPORT } }],
  ['cabinets:reset', { accountId: 'x', identity: { kind: 'stored', seriesNumber: '4506 123456' } }],
  ['cabinets:attach', {}],
  ['cabinets:attach', { accountId: ACCOUNT }],
  ['cabinets:attach', { accountId: ACCOUNT, seriesNumber: null }],
  ['cabinets:attach', { accountId: ACCOUNT, seriesNumber: '4'.repeat(41) }],
  ['cabinets:attach', { accountId: ACCOUNT, seriesNumber: '4506 123456', cabinetId: ACCOUNT }],
  ['cabinets:unblockReset', { accountId: ACCOUNT }],
  ['cabinets:unblockReset', { accountId: ACCOUNT, reason: '   да   ' }],
  ['cabinets:unblockReset', { accountId: ACCOUNT, reason: 'я'.repeat(501) }],
  ['cabinets:unblockReset', { accountId: ACCOUNT, reason: 42 }],
  ['cabinets:unblockReset', { reason: 'клиент пришёл с паспортом' }],
  ['cabinets:revealPassport', {}],
  ['cabinets:revealPassport', { personId: 'person-1' }],
  ['cabinets:revealPassport', { personId: null }],
  ['cabinets:revealPassport', { accountId: ACCOUNT }],
  ['cabinets:revealPassport', { personId: ACCOUNT, unmasked: true }],
  ['printing:print', {}],
  ['printing:print', { document: null }],
  ['printing:print', printout({ title: '' })],
  ['printing:print', printout({ title: 'Т'.repeat(201) })],
  ['printing:print', printout({ blocks: [] })],
  ['printing:print', printout({ blocks: [{ kind: 'html', html: '<script>alert(1)</script>' }] })],
  ['printing:print', printout({ blocks: [{ kind: 'text', text: 'т'.repeat(2001) }] })],
  ['printing:print', printout({ blocks: [{ kind: 'text', text: 'т', onclick: 'alert(1)' }] })],
  ['printing:print', printout({ blocks: Array.from({ length: 201 }, () => ({ kind: 'separator' })) })],
  ['printing:print', printout({ copy: 'yes' })],
  ['printing:print', { ...printout({}), printer: 'XP-80C' }],
  ['printing:printers', { all: true }],
]

const TABLES = [
  'audit_log',
  'outbox',
  'clerks',
  'accounts',
  'persons',
  'person_documents',
  'cabinets',
  'identity_checks',
  'reset_unblocks',
]

async function snapshot(call: CallContext) {
  const { db, settings } = call.ctx
  return {
    counts: await countAll(db, TABLES),
    clerks: await db.knex('clerks').select('id', 'failed_attempts', 'locked_until').orderBy('id'),
    settings: settings.get(),
  }
}

describeEachDatabase('dispatch: input validation', (getCtx) => {
  // The administrator may call every channel: only the input can be the reason for refusal.
  let admin: Awaited<ReturnType<typeof signedInCall>>
  beforeAll(async () => {
    admin = await signedInCall(getCtx(), 'administrator')
  })

  it.each(MALFORMED.map(([channel, input], i) => [i + 1, channel, input] as const))(
    '#%i %s refuses malformed input with VALIDATION and a Russian message',
    async (_, channel, input) => {
      const before = await snapshot(admin)
      const result = await dispatch(channel, input, admin)
      expect(result).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: expect.any(String), fields: expect.any(Object) },
      })
      const { message } = (result as { error: { message: string } }).error
      expect(message).toMatch(/^Проверьте /)
      expect(message).toMatch(/[а-яё]{4}/i)
      expect(message).not.toMatch(/\b(expected|invalid|received|required|unrecognized|must)\b/i)
      expect(await snapshot(admin)).toEqual(before)
      expect(admin.session.clerk?.id).toBe(admin.clerk.id)
    },
  )

  it('says which field is wrong and what is expected', async () => {
    const result = await dispatch('settings:update', settings({ counterNumber: 0 }), admin)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('Номер окна') } })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('от 1 до 99') } })
  })

  it('names the field of a nested input and of a key the form does not have', async () => {
    const date = await dispatch(
      'cabinets:register',
      register({ passport: { ...PASSPORT, issuedOn: '2010-02-31' } }),
      admin,
    )
    expect(date).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^Проверьте поле «Дата выдачи»: .*ДД\.ММ\.ГГГГ/),
        fields: { issuedOn: expect.stringMatching(/существующую дату/) },
      },
    })
    const extra = await dispatch('cabinets:register', register({ passwordHash: 'x' }), admin)
    expect(extra).toMatchObject({ ok: false, error: { fields: { passwordHash: expect.any(String) } } })
  })

  it('does not count a malformed sign-in against the demo operator', async () => {
    const operator = demoClerk('operator')
    const call = anonymousCall(getCtx())
    const before = await snapshot(call)
    await dispatch('sessions:signIn', { login: operator.login, password: operator.password, extra: 1 }, call)
    await dispatch('sessions:signIn', { login: operator.login, password: 1 }, call)
    expect(call.session.clerk).toBeNull()
    expect(await snapshot(call)).toEqual(before)
  })

  it('answers UNKNOWN_CHANNEL for a channel not in the contract', async () => {
    for (const channel of [
      'accounts:delete',
      'session:signin',
      '',
      'toString',
      '__proto__',
      'constructor',
      42,
      null,
      undefined,
    ]) {
      expect(await dispatch(channel, {}, admin)).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: 'Неизвестная операция. Обновите приложение.' },
      })
    }
  })
})
