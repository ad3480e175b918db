// A desk in office mode through the IPC dispatcher, against an okno-server stand-in: a desk of the
// old direct mode asks to be enrolled and keeps its outbox until then, which then goes through the
// server; sign-in asks the server first (its refusal is final) and falls back to the synced hash
// only when the server cannot be reached; a call that wrote is pushed at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertOutboxChanges } from '../../../src/main/db/repositories/outbox'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { OfficeLinkError } from '../../../src/main/sync/link/types'
import { createSyncService, LEGACY_MESSAGE } from '../../../src/main/sync/service'
import { anonymousCall } from '../../helpers/calls'
import { addClerk } from '../../helpers/clerks'
import { type TestDatabase, type TestEnv } from '../../helpers/database'
import { downloadedDesk } from '../../helpers/office-desk'
import { FAKE_FINGERPRINT, FakeOfficeServer } from '../../helpers/fake-office-link'

const ENROLL = { url: 'https://okno-server:8443', fingerprint: FAKE_FINGERPRINT, code: 'ABCD-EFGH-JKLM' }

describe('a desk in office mode', () => {
  let database: TestDatabase
  let env: TestEnv
  let server: FakeOfficeServer

  beforeEach(async () => {
    ;({ database, env, server } = await downloadedDesk())
    // Pushes happen on a nudge or at enrollment, never at the interval within a test.
    env.settings.update({ sync: { ...env.settings.get().sync, intervalSeconds: 300 } })
  })
  afterEach(async () => {
    await database.dispose()
  })

  /** A window of this desk with the sync service over the fake server. */
  function window(): ReturnType<typeof anonymousCall> {
    const call = anonymousCall(env)
    void call.sync.close()
    call.sync = createSyncService({ ctx: env.ctx, sealer: null, links: server.links(), pullWaitMs: 5_000 })
    return call
  }

  /** Enrolls the desk as a fresh administrator (signed in locally: the desk is standalone). */
  async function enroll(call: ReturnType<typeof anonymousCall>): Promise<void> {
    const admin = await addClerk(env.db, 'administrator')
    expect(
      await dispatch('sessions:signIn', { login: admin.login, password: admin.password }, call),
    ).toMatchObject({ ok: true })
    expect(await dispatch('sync:enroll', ENROLL, call)).toMatchObject({ ok: true })
    await dispatch('sessions:signOut', {}, call)
  }

  it('of the old direct mode asks to be enrolled, keeps its outbox, and sends that outbox through the server once enrolled', async () => {
    env.settings.update({ sync: { mode: 'office', server: null, legacy: true, intervalSeconds: 300 } })
    const change = {
      id: '01900000-0000-7000-8000-00000000a001',
      entity: 'calendar_days',
      entityId: '2034-01-01',
      op: 'insert' as const,
      payload: JSON.stringify({ date: '2034-01-01', kind: 'holiday', name: 'Новый год' }),
      createdAt: '2026-11-22T07:00:00.000Z',
      clerkId: null,
    }
    await env.db.knex.transaction((trx) => insertOutboxChanges(trx, [change]))
    const call = window()
    expect(await call.sync.status()).toMatchObject({
      mode: 'office',
      state: 'unenrolled',
      lastError: LEGACY_MESSAGE,
      pending: 1,
    })
    expect(await call.sync.settings()).toMatchObject({ mode: 'office', enrolled: false, legacy: true })
    const accounts = await env.db.knex('accounts').count({ n: '*' })

    await enroll(call)
    await expect.poll(() => server.accepted.map((c) => c.id)).toContain(change.id)
    await expect.poll(async () => (await call.sync.status()).pending).toBe(0)
    expect(server.downloads).toBe(0)
    expect(await env.db.knex('accounts').count({ n: '*' })).toEqual(accounts)
    expect(await call.sync.settings()).toMatchObject({ legacy: false, enrolled: true })
    await call.sync.close()
  })

  it('names the enrolled office by its name in this store, with its code', async () => {
    const office = (await env.db.knex('offices').orderBy('code').first('id', 'code', 'name')) as {
      id: string
      code: string
      name: string
    }
    server.office = { id: office.id, code: office.code }
    const call = window()
    await enroll(call)
    expect(await call.sync.settings()).toMatchObject({
      enrolled: true,
      officeName: office.name,
      server: { officeCode: office.code, counterNumber: 3 },
    })
    await call.sync.close()
  })

  it('takes the server’s refusal of a password as final, even when the synced hash would accept it', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    server.clerks.set(clerk.login, {
      password: 'Новый-пароль-на-сервере-1',
      clerk: { id: clerk.id, login: clerk.login, fullName: 'Оператор', role: 'operator' },
    })
    expect(await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call)).toEqual(
      {
        ok: false,
        error: { code: 'BAD_CREDENTIALS', message: 'Неверный логин или пароль (сервер).' },
      },
    )
    expect(call.session.clerk).toBeNull()
    expect(
      await dispatch('sessions:signIn', { login: clerk.login, password: 'Новый-пароль-на-сервере-1' }, call),
    ).toMatchObject({
      ok: true,
      data: { clerk: { id: clerk.id } },
    })
    await call.sync.close()
  })

  it('shows the server’s lockout as the desk’s own', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    server.failure = new OfficeLinkError(
      'LOCKED',
      'Вход заблокирован на 15 минут после пяти неверных паролей.',
      false,
    )
    expect(await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call)).toEqual(
      {
        ok: false,
        error: {
          code: 'LOGIN_LOCKED',
          message: 'Вход заблокирован на 15 минут после пяти неверных паролей.',
        },
      },
    )
    server.failure = null
    await call.sync.close()
  })

  it('signs in against the synced hash while the server is unreachable, and at the server in the background once it answers', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    server.clerks.set(clerk.login, {
      password: clerk.password,
      clerk: { id: clerk.id, login: clerk.login, fullName: 'Оператор', role: 'operator' },
    })
    server.failure = new OfficeLinkError('NETWORK', 'Сервер «Окно» не отвечает.', true)
    expect(
      await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call),
    ).toMatchObject({ ok: true })
    // The typed password is kept in memory only: never in the settings.
    expect(JSON.stringify(env.settings.get())).not.toContain(clerk.password)
    // A direct operation needs the server, which cannot be reached: the clerk is told so.
    const close = { counted: '0' }
    const refused = await dispatch('shifts:close', close, call)
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    const message = (refused as { error: { message: string } }).error.message
    expect(message).toMatch(
      /^Нет связи с сервером «Окно»: закрытие смены выполняется только на сервере.*\(Сервер «Окно» не отвечает\.\)$/,
    )
    expect(message).not.toContain('вход')
    expect(server.ops).toHaveLength(0)
    server.failure = null
    await call.sync.syncNow()
    await expect
      .poll(() => server.pushes.at(-1)?.sessions.some((t) => t.startsWith(`token-${clerk.id}`)))
      .toBe(true)
    await call.sync.close()
  })

  it('runs a direct operation of a clerk signed in off line once the server answers, under the session signed in then', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    server.clerks.set(clerk.login, {
      password: clerk.password,
      clerk: { id: clerk.id, login: clerk.login, fullName: 'Оператор', role: 'operator' },
    })
    server.failure = new OfficeLinkError('NETWORK', 'Сервер «Окно» не отвечает.', true)
    expect(
      await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call),
    ).toMatchObject({ ok: true })
    server.failure = null
    const close = { counted: '0' }
    await dispatch('shifts:close', close, call)
    expect(server.ops.map((o) => [o.name, o.token.startsWith(`token-${clerk.id}`)])).toEqual([
      ['shifts.close', true],
    ])
    await call.sync.close()
  })

  it('says the server has not confirmed the sign-in only when the server answers and refused it', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    // The server knows another password (changed at another desk): the background sign-in fails.
    server.clerks.set(clerk.login, {
      password: 'Новый-пароль-на-сервере-1',
      clerk: { id: clerk.id, login: clerk.login, fullName: 'Оператор', role: 'operator' },
    })
    server.failure = new OfficeLinkError('NETWORK', 'Сервер «Окно» не отвечает.', true)
    expect(
      await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call),
    ).toMatchObject({ ok: true })
    server.failure = null
    const close = { counted: '0' }
    const refused = await dispatch('shifts:close', close, call)
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect((refused as { error: { message: string } }).error.message).toMatch(
      /^Сервер «Окно» не подтвердил ваш вход .*закрытие смены выполняется только на сервере\. Выйдите и войдите снова/,
    )
    expect(server.ops).toHaveLength(0)
    await call.sync.close()
  })

  it('pushes what a call wrote at once, without waiting for the interval, and ends the server session at sign-out', async () => {
    const call = window()
    await enroll(call)
    const clerk = await addClerk(env.db, 'operator')
    server.clerks.set(clerk.login, {
      password: clerk.password,
      clerk: { id: clerk.id, login: clerk.login, fullName: 'Оператор', role: 'operator' },
    })
    await expect.poll(async () => (await call.sync.status()).state).toBe('online')
    const before = server.accepted.length
    expect(
      await dispatch('sessions:signIn', { login: clerk.login, password: clerk.password }, call),
    ).toMatchObject({ ok: true })
    // The sign-in's audit entry reaches the server without a syncNow.
    await expect.poll(() => server.accepted.length).toBeGreaterThan(before)
    expect(server.accepted.slice(before).map((c) => c.entity)).toContain('audit_log')
    await dispatch('sessions:signOut', {}, call)
    await expect.poll(() => server.signedOut.filter((t) => t.startsWith(`token-${clerk.id}`))).toHaveLength(1)
    await call.sync.close()
  })
})
