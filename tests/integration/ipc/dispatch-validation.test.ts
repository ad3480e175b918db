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
  ['session:current', 1],
  ['session:signIn', undefined],
  ['session:signIn', null],
  ['session:signIn', []],
  ['session:signIn', 'operator operator123'],
  ['session:signIn', { login: 'operator' }],
  ['session:signIn', { login: 'operator', password: 123 }],
  ['session:signIn', { login: ['operator'], password: 'operator123' }],
  ['session:signIn', { login: 'operator', password: 'operator123', role: 'administrator' }],
  ['session:signIn', { login: '   ', password: 'operator123' }],
  ['session:signIn', { login: 'o'.repeat(65), password: 'operator123' }],
  ['session:signIn', { login: 'operator', password: 'p'.repeat(257) }],
  ['session:unlock', { password: '' }],
  ['session:unlock', { password: null }],
  ['session:lock', { reason: 'idle' }],
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
  ['cabinet:state', {}],
  ['cabinet:state', { accountId: 'account-1' }],
  ['cabinet:state', { accountId: ACCOUNT, withPassport: true }],
  ['cabinet:register', null],
  ['cabinet:register', {}],
  ['cabinet:register', register({ accountId: undefined })],
  ['cabinet:register', register({ passport: null })],
  ['cabinet:register', register({ passport: '4506 123456' })],
  ['cabinet:register', register({ passport: { ...PASSPORT, issuedOn: '2010-02-31' } })],
  ['cabinet:register', register({ passport: { ...PASSPORT, birthDate: 19800101 } })],
  ['cabinet:register', register({ passport: { ...PASSPORT, departmentCode: undefined } })],
  ['cabinet:register', register({ passport: { ...PASSPORT, issuedBy: 'О'.repeat(301) } })],
  ['cabinet:register', register({ holder: ['Иванов', 'Иван'] })],
  ['cabinet:register', register({ holder: { surname: 'Иванов' } })],
  ['cabinet:register', register({ holder: { surname: 'Ф'.repeat(5000), firstName: 'Иван' } })],
  ['cabinet:register', register({ loginKind: 'login' })],
  ['cabinet:register', register({ email: 'ivanov(at)mail.ru' })],
  ['cabinet:register', register({ phone: '+1 212 555 0100' })],
  ['cabinet:register', register({ notify: undefined })],
  ['cabinet:register', register({ notify: { email: 'yes', sms: false } })],
  ['cabinet:register', register({ addAsOwner: { reason: '' } })],
  ['cabinet:register', register({ addAsOwner: true })],
  ['cabinet:register', register({ supervisor: { login: 'supervisor' } })],
  ['cabinet:register', register({ supervisor: { login: '  ', password: 'supervisor123' } })],
  ['cabinet:register', register({ passwordHash: 'scrypt$1$2$3$4$5' })],
  ['cabinet:reset', {}],
  ['cabinet:reset', { accountId: ACCOUNT }],
  ['cabinet:reset', { accountId: ACCOUNT, identity: null }],
  ['cabinet:reset', { accountId: ACCOUNT, identity: { seriesNumber: '4506 123456' } }],
  ['cabinet:reset', { accountId: ACCOUNT, identity: { kind: 'stored' } }],
  ['cabinet:reset', { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: 4506123456 } }],
  ['cabinet:reset', { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: '4'.repeat(41) } }],
  [
    'cabinet:reset',
    { accountId: ACCOUNT, identity: { kind: 'stored', seriesNumber: '4506 123456', force: true } },
  ],
  ['cabinet:reset', { accountId: ACCOUNT, identity: { kind: 'document', passport: PASSPORT } }],
  ['cabinet:reset', { accountId: 'x', identity: { kind: 'stored', seriesNumber: '4506 123456' } }],
  ['cabinet:attach', {}],
  ['cabinet:attach', { accountId: ACCOUNT }],
  ['cabinet:attach', { accountId: ACCOUNT, seriesNumber: null }],
  ['cabinet:attach', { accountId: ACCOUNT, seriesNumber: '4'.repeat(41) }],
  ['cabinet:attach', { accountId: ACCOUNT, seriesNumber: '4506 123456', cabinetId: ACCOUNT }],
  ['cabinet:unblockReset', { accountId: ACCOUNT }],
  ['cabinet:unblockReset', { accountId: ACCOUNT, reason: '   да   ' }],
  ['cabinet:unblockReset', { accountId: ACCOUNT, reason: 'я'.repeat(501) }],
  ['cabinet:unblockReset', { accountId: ACCOUNT, reason: 42 }],
  ['cabinet:unblockReset', { reason: 'клиент пришёл с паспортом' }],
  ['passport:reveal', {}],
  ['passport:reveal', { personId: 'person-1' }],
  ['passport:reveal', { personId: null }],
  ['passport:reveal', { accountId: ACCOUNT }],
  ['passport:reveal', { personId: ACCOUNT, unmasked: true }],
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
      'cabinet:register',
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
    const extra = await dispatch('cabinet:register', register({ passwordHash: 'x' }), admin)
    expect(extra).toMatchObject({ ok: false, error: { fields: { passwordHash: expect.any(String) } } })
  })

  it('does not count a malformed sign-in against the demo operator', async () => {
    const operator = demoClerk('operator')
    const call = anonymousCall(getCtx())
    const before = await snapshot(call)
    await dispatch('session:signIn', { login: operator.login, password: operator.password, extra: 1 }, call)
    await dispatch('session:signIn', { login: operator.login, password: 1 }, call)
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
