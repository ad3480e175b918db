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
  ...patch,
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
]

const TABLES = ['audit_log', 'outbox', 'clerks', 'accounts']

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
      expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.any(String) } })
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
