// The renderer never receives a secret: every settings answer is walked for the office server's
// password in any form it is kept in — typed, base64 (browser mode), sealed (desktop shell).
import { expect, it } from 'vitest'
import type { KeySealer } from '../../../src/main/config/passport-key'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createSyncService } from '../../../src/main/sync/service'
import type { Channel } from '../../../src/shared/ipc/channels'
import { signedInCall } from '../../helpers/calls'
import { describeEachDatabase, type TestEnv } from '../../helpers/database'

const PASSWORD = 'Пароль-сервера-7Qz!'

/** A stand-in for safeStorage whose sealed form is recognisable and reversible. */
const fakeSealer: KeySealer = {
  seal: (key) => `SEALED:${Buffer.from(key).reverse().toString('hex')}`,
  open: (sealed) => Buffer.from(sealed.slice('SEALED:'.length), 'hex').reverse(),
}

/** Every string a leaked password could look like in an answer. */
function secretForms(env: TestEnv): string[] {
  const forms = [
    PASSWORD,
    Buffer.from(PASSWORD, 'utf8').toString('base64'),
    fakeSealer.seal(Buffer.from(PASSWORD, 'utf8')),
  ]
  const stored = env.settings.get().sync.server?.password
  if (stored) forms.push(stored.data)
  return forms
}

/** All string leaves of an answer, so a secret nested anywhere (or under another key) is seen. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

describeEachDatabase('settings answers and the office server password', (getCtx) => {
  for (const [shell, sealer] of [
    ['browser mode', null],
    ['desktop shell', fakeSealer],
  ] as const) {
    it(`never carry the password, plain, base64 or sealed (${shell})`, async () => {
      const env = getCtx()
      const call = await signedInCall(env, 'administrator')
      call.sync = createSyncService({ ctx: env.ctx, sealer })
      const server = { host: 'office-1', port: 5432, database: 'okno', user: 'desk' }
      const saved = await dispatch(
        'sync:saveSettings',
        { mode: 'standalone', server: { ...server, password: PASSWORD }, intervalSeconds: 5 },
        call,
      )
      // The password is really saved, so a leak would have something to show.
      expect(env.settings.get().sync.server?.password).not.toBeNull()

      const office = env.settings.get().officeId
      const answers: Partial<Record<Channel, unknown>> = {
        'sync:saveSettings': saved,
        'settings:get': await dispatch('settings:get', {}, call),
        'settings:update': await dispatch(
          'settings:update',
          {
            officeId: office ?? ((await env.db.knex('offices').first('id')) as { id: string }).id,
            counterNumber: 2,
            idleLockMinutes: 10,
            printer: { paper: 'a4', deviceName: null, copies: 1 },
          },
          call,
        ),
        'sync:settings': await dispatch('sync:settings', {}, call),
        'app:info': await dispatch('app:info', {}, call),
      }
      for (const answer of Object.values(answers)) expect(answer).toMatchObject({ ok: true })
      const forms = secretForms(env)
      for (const [channel, answer] of Object.entries(answers)) {
        const leaks = strings(answer).filter((s) => forms.some((f) => s.includes(f)))
        expect(leaks, channel).toEqual([])
        expect(JSON.stringify(answer), channel).not.toMatch(/"password"\s*:/)
      }
      const view = { server: { ...server, passwordSet: true } }
      expect(saved).toMatchObject({ data: view })
      expect(answers['settings:get']).toMatchObject({ data: { sync: { mode: 'standalone', ...view } } })
      await call.sync.close()
    })
  }

  it('keeps the saved password when an update types none, and shows it as not set once removed', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    call.sync = createSyncService({ ctx: env.ctx, sealer: null })
    const server = { host: 'office-1', port: 5432, database: 'okno', user: 'desk' }
    await dispatch(
      'sync:saveSettings',
      { mode: 'standalone', server: { ...server, password: PASSWORD }, intervalSeconds: 5 },
      call,
    )
    const stored = env.settings.get().sync.server?.password
    await dispatch('sync:saveSettings', { mode: 'standalone', server, intervalSeconds: 6 }, call)
    expect(env.settings.get().sync.server?.password).toEqual(stored)
    expect(await dispatch('settings:get', {}, call)).toMatchObject({
      data: { sync: { server: { passwordSet: true }, intervalSeconds: 6 } },
    })
    await dispatch(
      'sync:saveSettings',
      { mode: 'standalone', server: { ...server, password: '' }, intervalSeconds: 6 },
      call,
    )
    expect(await dispatch('settings:get', {}, call)).toMatchObject({
      data: { sync: { server: { passwordSet: false } } },
    })
    await call.sync.close()
  })
})
