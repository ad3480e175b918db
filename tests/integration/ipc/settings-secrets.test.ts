// The renderer never receives a secret: a desk enrolled at an okno-server (fake, in memory) is
// asked for its settings through every channel that shows them, and each answer is walked for
// the desk's credential in any form it is kept in — as the server gave it, base64 (browser mode),
// sealed (desktop shell) — and for any field named like a secret.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeySealer } from '../../../src/main/config/passport-key'
import { readState } from '../../../src/main/db/repositories/sync-state'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { createSyncService } from '../../../src/main/sync/service'
import type { Channel } from '../../../src/shared/ipc/channels'
import { signedInCall } from '../../helpers/calls'
import { type TestDatabase, type TestEnv } from '../../helpers/database'
import { downloadedDesk } from '../../helpers/office-desk'
import { FAKE_FINGERPRINT, FakeOfficeServer } from '../../helpers/fake-office-link'

/** A stand-in for safeStorage whose sealed form is recognisable and reversible. */
const fakeSealer: KeySealer = {
  seal: (key) => `SEALED:${Buffer.from(key).reverse().toString('hex')}`,
  open: (sealed) => Buffer.from(sealed.slice('SEALED:'.length), 'hex').reverse(),
}

/** All string leaves of an answer, so a secret nested anywhere (or under another key) is seen. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** All keys of an answer at any depth. */
function keys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keys)
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)])
  }
  return []
}

describe('settings answers and the desk’s credential', () => {
  let database: TestDatabase
  let env: TestEnv
  let server: FakeOfficeServer

  beforeEach(async () => {
    ;({ database, env, server } = await downloadedDesk())
  })
  afterEach(async () => {
    await database.dispose()
  })

  for (const [shell, sealer] of [
    ['browser mode', null],
    ['desktop shell', fakeSealer],
  ] as const) {
    it(`never carry the credential, plain, base64 or sealed, nor a field named like a secret (${shell})`, async () => {
      const call = await signedInCall(env, 'administrator')
      await call.sync.close()
      call.sync = createSyncService({ ctx: env.ctx, sealer, links: server.links() })
      const enrolled = await dispatch(
        'sync:enroll',
        {
          url: 'https://okno-server:8443',
          fingerprint: FAKE_FINGERPRINT.toLowerCase(),
          code: 'abcd efgh jklm'.replace(/ /g, '-'),
        },
        call,
      )
      expect(enrolled).toMatchObject({ ok: true })
      // The credential is really saved, so a leak would have something to show.
      const stored = env.settings.get().sync.server?.secret
      expect(stored?.format).toBe(sealer ? 'os' : 'plain')
      const secret = 'desk-secret-Zr81-QmXv-77aa-secret'
      const forms = [secret, Buffer.from(secret, 'utf8').toString('base64'), stored?.data ?? secret]

      const office = ((await env.db.knex('offices').first('id')) as { id: string }).id
      const answers: Partial<Record<Channel, unknown>> = {
        'sync:enroll': enrolled,
        'settings:get': await dispatch('settings:get', {}, call),
        'settings:update': await dispatch(
          'settings:update',
          {
            officeId: office,
            counterNumber: 2,
            idleLockMinutes: 10,
            printer: { paper: 'a4', deviceName: null, copies: 1 },
          },
          call,
        ),
        'sync:settings': await dispatch('sync:settings', {}, call),
        'sync:saveSettings': await dispatch('sync:saveSettings', { intervalSeconds: 5 }, call),
        'app:info': await dispatch('app:info', {}, call),
      }
      for (const answer of Object.values(answers)) expect(answer).toMatchObject({ ok: true })
      for (const [channel, answer] of Object.entries(answers)) {
        const leaks = strings(answer).filter((s) => forms.some((f) => s.includes(f)))
        expect(leaks, channel).toEqual([])
        expect(
          keys(answer).filter((k) => /secret|password|token|sealed\b|^data$/i.test(k) && k !== 'data'),
          channel,
        ).toEqual([])
      }
      const view = {
        mode: 'office',
        enrolled: true,
        legacy: false,
        server: {
          url: 'https://okno-server:8443',
          fingerprint: FAKE_FINGERPRINT,
          officeCode: 'BAL',
          counterNumber: 3,
          credentialSet: true,
        },
      }
      expect(answers['sync:settings']).toMatchObject({ data: { ...view, osKeyStore: sealer !== null } })
      expect(answers['settings:get']).toMatchObject({ data: { sync: view } })
      await call.sync.close()
    })
  }

  it('enrolls: the server gets the desk’s identity, the audit log no secret, and the desk keeps its data', async () => {
    const call = await signedInCall(env, 'administrator')
    await call.sync.close()
    call.sync = createSyncService({ ctx: env.ctx, sealer: null, links: server.links() })
    const accounts = await env.db.knex('accounts').count({ n: '*' })
    const answer = await dispatch(
      'sync:enroll',
      { url: 'https://okno-server:8443', fingerprint: FAKE_FINGERPRINT, code: 'ABCDEFGHJKLM' },
      call,
    )
    expect(answer).toMatchObject({ ok: true, data: { mode: 'office', enrolled: true } })
    expect(server.enrollments).toEqual([
      expect.objectContaining({
        workstationId: env.settings.get().workstationId,
        code: 'ABCDEFGHJKLM',
        demo: true,
      }),
    ])
    expect(env.settings.get()).toMatchObject({ counterNumber: 3 })
    const audit = (await env.db
      .knex('audit_log')
      .where({ action: 'sync.enrolled' })
      .select('details')) as Array<{
      details: string
    }>
    expect(audit).toHaveLength(1)
    expect(audit[0]?.details).not.toContain('desk-secret')
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ officeCode: 'BAL', counterNumber: 3 })
    await expect
      .poll(async () => (await dispatch('sync:status', {}, call)) as unknown)
      .toMatchObject({
        data: { mode: 'office', state: 'online' },
      })
    expect(server.downloads).toBe(0)
    expect(await env.db.knex('accounts').count({ n: '*' })).toEqual(accounts)
    expect(await readState(env.db.knex, 'server_id')).toBe(server.serverId)
    await call.sync.close()
  })

  it('refuses a wrong code and a fingerprint that is not the server’s at the field, changing nothing', async () => {
    const call = await signedInCall(env, 'administrator')
    await call.sync.close()
    call.sync = createSyncService({ ctx: env.ctx, sealer: null, links: server.links() })
    const before = env.settings.get().sync
    expect(
      await dispatch(
        'sync:enroll',
        { url: 'https://okno-server:8443', fingerprint: FAKE_FINGERPRINT, code: 'ABCD-EFGH-JKLN' },
        call,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: expect.stringMatching(/Код подключения/) } },
    })
    const other = FAKE_FINGERPRINT.replace(/^../, 'FF')
    expect(
      await dispatch(
        'sync:enroll',
        { url: 'https://okno-server:8443', fingerprint: other, code: 'ABCD-EFGH-JKLM' },
        call,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { fingerprint: expect.stringMatching(/отпечаток/) } },
    })
    expect(
      await dispatch(
        'sync:enroll',
        { url: 'http://okno-server', fingerprint: FAKE_FINGERPRINT, code: 'ABCD-EFGH-JKLM' },
        call,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { url: expect.stringMatching(/^Адрес сервера: https:\/\//) } },
    })
    expect(env.settings.get().sync).toEqual(before)
    expect(server.enrollments).toEqual([])
    await call.sync.close()
  })

  it('probes a server for the administrator to compare, and disconnects back to standalone keeping the data', async () => {
    const call = await signedInCall(env, 'administrator')
    await call.sync.close()
    call.sync = createSyncService({ ctx: env.ctx, sealer: null, links: server.links() })
    expect(await dispatch('sync:probe', { url: 'https://okno-server:8443' }, call)).toEqual({
      ok: true,
      data: {
        fingerprint: FAKE_FINGERPRINT,
        organisation: server.organisation,
        demo: true,
        schemaVersion: server.schemaVersion,
      },
    })
    await dispatch(
      'sync:enroll',
      { url: 'https://okno-server:8443', fingerprint: FAKE_FINGERPRINT, code: 'ABCD-EFGH-JKLM' },
      call,
    )
    const accounts = await env.db.knex('accounts').count({ n: '*' })
    expect(await dispatch('sync:disconnect', {}, call)).toMatchObject({
      ok: true,
      data: { mode: 'standalone', enrolled: false, server: null },
    })
    expect(env.settings.get().sync.server).toBeNull()
    expect(await dispatch('sync:status', {}, call)).toMatchObject({ data: { state: 'standalone' } })
    expect(await env.db.knex('accounts').count({ n: '*' })).toEqual(accounts)
    await call.sync.close()
  })
})
