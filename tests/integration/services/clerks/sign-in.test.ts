// Signing in: right and wrong passwords, unknown logins, and the five-strikes lockout.
import { expect, it } from 'vitest'
import { LOGIN_LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../../src/main/services/clerks/sign-in'
import { newSession, signIn } from '../../../../src/main/services/clerks/sessions'
import { OknoError } from '../../../../src/shared/ipc/envelope'
import { addClerk, clerkRow } from '../../../helpers/clerks'
import { describeEachDatabase } from '../../../helpers/database'
import { auditActions, auditTrail } from '../../../helpers/rows'

/** The OknoError a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<OknoError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof OknoError)) throw new Error(`expected an OknoError, got ${String(err)}`)
  return err
}

describeEachDatabase('clerk sign-in', (getCtx) => {
  it('signs in with the right password and audits it', async () => {
    const { ctx, db, settings } = getCtx()
    const clerk = await addClerk(db, 'supervisor')
    const session = newSession()
    const info = await signIn(ctx, session, clerk.login, clerk.password)
    expect(info).toEqual({
      clerk: { id: clerk.id, login: clerk.login, fullName: expect.any(String), role: 'supervisor' },
      locked: false,
    })
    expect(session.clerk?.id).toBe(clerk.id)
    const [entry] = await auditTrail(db, settings.get().workstationId)
    expect(entry).toMatchObject({ action: 'session.sign_in', clerkId: clerk.id, objectId: clerk.id })
  })

  it('reads the login without regard to case and surrounding spaces', async () => {
    const { ctx, db } = getCtx()
    const clerk = await addClerk(db)
    const info = await signIn(ctx, newSession(), `  ${clerk.login.toUpperCase()} `, clerk.password)
    expect(info.clerk.id).toBe(clerk.id)
  })

  it('refuses a wrong password with BAD_CREDENTIALS, counts it and audits it', async () => {
    const { ctx, db, settings } = getCtx()
    const clerk = await addClerk(db)
    const session = newSession()
    const err = await refusal(signIn(ctx, session, clerk.login, 'wrong-password'))
    expect(err.code).toBe('BAD_CREDENTIALS')
    expect(err.message).toMatch(/^Неверный логин или пароль/)
    expect(session.clerk).toBeNull()
    expect((await clerkRow(db, clerk.id)).failed_attempts).toBe(1)
    const [entry] = await auditTrail(db, settings.get().workstationId)
    expect(entry).toMatchObject({
      action: 'session.sign_in_failed',
      clerkId: clerk.id,
      details: { attempt: 1 },
    })
  })

  it('refuses an unknown login the same way, and audits it', async () => {
    const { ctx, db, settings } = getCtx()
    const wrongPassword = await refusal(signIn(ctx, newSession(), (await addClerk(db)).login, 'nope'))
    const unknown = await refusal(signIn(ctx, newSession(), 'No-Such-Clerk', 'nope'))
    expect(unknown.code).toBe('BAD_CREDENTIALS')
    expect(unknown.message).toBe(wrongPassword.message)
    const entries = await auditTrail(db, settings.get().workstationId)
    expect(entries.at(-1)).toMatchObject({
      action: 'session.sign_in_failed',
      clerkId: null,
      details: { reason: 'unknown_login', attempt: 1 },
    })
  })

  it('refuses an inactive clerk even with the right password', async () => {
    const { ctx, db, settings } = getCtx()
    const clerk = await addClerk(db, 'operator', { active: false })
    expect((await refusal(signIn(ctx, newSession(), clerk.login, clerk.password))).code).toBe(
      'BAD_CREDENTIALS',
    )
    expect((await auditTrail(db, settings.get().workstationId))[0]).toMatchObject({
      clerkId: clerk.id,
      details: { reason: 'inactive', attempt: 1 },
    })
  })

  it(`locks the login for ${LOGIN_LOCK_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} wrong passwords`, async () => {
    const { ctx, db, clock, settings } = getCtx()
    const clerk = await addClerk(db)
    for (let attempt = 1; attempt < MAX_FAILED_ATTEMPTS; attempt++) {
      const err = await refusal(signIn(ctx, newSession(), clerk.login, `wrong-${attempt}`))
      expect(err.code).toBe('BAD_CREDENTIALS')
      if (attempt === MAX_FAILED_ATTEMPTS - 1)
        expect(err.message).toMatch(/Осталось попыток до блокировки: 1/)
      clock.advance({ seconds: 10 })
    }
    const locked = await refusal(signIn(ctx, newSession(), clerk.login, 'wrong-5'))
    expect(locked.code).toBe('LOGIN_LOCKED')
    // Locked at 07:00:40 UTC = 10:00 in Sevastopol, until 10:15 local time.
    expect(locked.message).toContain('до 10:15')
    expect((await clerkRow(db, clerk.id)).locked_until).toBe('2026-11-22T07:15:40.000Z')

    // The right password does not help while the lock lasts.
    clock.advance({ minutes: 1 })
    expect((await refusal(signIn(ctx, newSession(), clerk.login, clerk.password))).code).toBe('LOGIN_LOCKED')
    clock.set('2026-11-22T07:15:39.999Z')
    expect((await refusal(signIn(ctx, newSession(), clerk.login, clerk.password))).code).toBe('LOGIN_LOCKED')

    clock.set('2026-11-22T07:15:40.000Z')
    const session = newSession()
    await signIn(ctx, session, clerk.login, clerk.password)
    expect(session.clerk?.id).toBe(clerk.id)
    expect(await clerkRow(db, clerk.id)).toEqual({ failed_attempts: 0, locked_until: null })

    expect(await auditActions(db, settings.get().workstationId)).toEqual([
      ...Array<string>(MAX_FAILED_ATTEMPTS).fill('session.sign_in_failed'),
      'clerk.login_locked',
      'session.sign_in_refused',
      'session.sign_in_refused',
      'session.sign_in',
    ])
  })

  it('starts counting anew after a successful sign-in', async () => {
    const { ctx, db } = getCtx()
    const clerk = await addClerk(db)
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++)
      await refusal(signIn(ctx, newSession(), clerk.login, 'wrong'))
    await signIn(ctx, newSession(), clerk.login, clerk.password)
    expect((await clerkRow(db, clerk.id)).failed_attempts).toBe(0)
    const err = await refusal(signIn(ctx, newSession(), clerk.login, 'wrong'))
    expect(err.code).toBe('BAD_CREDENTIALS')
    expect((await clerkRow(db, clerk.id)).failed_attempts).toBe(1)
  })

  it('locks one login only: another clerk still signs in', async () => {
    const { ctx, db } = getCtx()
    const [victim, other] = [await addClerk(db), await addClerk(db)]
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++)
      await refusal(signIn(ctx, newSession(), victim.login, 'wrong'))
    expect((await signIn(ctx, newSession(), other.login, other.password)).clerk.id).toBe(other.id)
  })
})
