// The session at one window: lock and unlock, unlock failures, the idle lock, sign-out.
import { expect, it } from 'vitest'
import { MAX_FAILED_ATTEMPTS } from '../../../../src/main/services/clerks/sign-in'
import {
  enforceIdleLock,
  lockSession,
  newSession,
  sessionInfo,
  signIn,
  signOut,
  touchSession,
  unlockSession,
  type Session,
} from '../../../../src/main/services/clerks/sessions'
import { OknoError } from '../../../../src/shared/ipc/envelope'
import { addClerk, clerkRow, type TestClerk } from '../../../helpers/clerks'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditActions, auditTrail } from '../../../helpers/rows'

async function signedIn(env: TestEnv): Promise<{ clerk: TestClerk; session: Session }> {
  const clerk = await addClerk(env.db)
  const session = newSession()
  await signIn(env.ctx, session, clerk.login, clerk.password)
  return { clerk, session }
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof OknoError ? e.code : `not an OknoError: ${String(e)}`),
  )
}

describeEachDatabase('sessions', (getCtx) => {
  it('locks on request and unlocks with the clerk’s password', async () => {
    const env = getCtx()
    const { clerk, session } = await signedIn(env)
    expect(await lockSession(env.ctx, session, 'manual')).toEqual({ clerk: session.clerk, locked: true })
    expect(sessionInfo(session)?.locked).toBe(true)
    expect(await unlockSession(env.ctx, session, clerk.password)).toMatchObject({ locked: false })
    expect(session.locked).toBe(false)
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual(['session.sign_in', 'session.lock', 'session.unlock'])
    expect(trail[1]).toMatchObject({ clerkId: clerk.id, details: { reason: 'manual' } })
  })

  it('locking twice records one lock', async () => {
    const env = getCtx()
    const { session } = await signedIn(env)
    await lockSession(env.ctx, session, 'manual')
    await lockSession(env.ctx, session, 'manual')
    expect(await auditActions(env.db, env.settings.get().workstationId)).toEqual([
      'session.sign_in',
      'session.lock',
    ])
  })

  it('refuses to lock or unlock without a signed-in clerk', async () => {
    const { ctx } = getCtx()
    expect(await errorCode(lockSession(ctx, newSession(), 'manual'))).toBe('UNAUTHENTICATED')
    expect(await errorCode(unlockSession(ctx, newSession(), 'x'))).toBe('UNAUTHENTICATED')
  })

  it('keeps the screen locked on a wrong unlock password and counts the failure', async () => {
    const env = getCtx()
    const { clerk, session } = await signedIn(env)
    await lockSession(env.ctx, session, 'manual')
    expect(await errorCode(unlockSession(env.ctx, session, 'wrong'))).toBe('BAD_CREDENTIALS')
    expect(session).toMatchObject({ locked: true, clerk: { id: clerk.id } })
    expect((await clerkRow(env.db, clerk.id)).failed_attempts).toBe(1)
    expect((await auditActions(env.db, env.settings.get().workstationId)).at(-1)).toBe(
      'session.unlock_failed',
    )
  })

  it('signs the session out when wrong unlock passwords lock the login', async () => {
    const env = getCtx()
    const { clerk, session } = await signedIn(env)
    await lockSession(env.ctx, session, 'manual')
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(await errorCode(unlockSession(env.ctx, session, 'wrong'))).toBe('BAD_CREDENTIALS')
      expect(session.clerk).not.toBeNull()
    }
    expect(await errorCode(unlockSession(env.ctx, session, 'wrong'))).toBe('LOGIN_LOCKED')
    expect(session.clerk).toBeNull()
    expect(sessionInfo(session)).toBeNull()
    expect((await clerkRow(env.db, clerk.id)).locked_until).not.toBeNull()
    expect((await auditActions(env.db, env.settings.get().workstationId)).slice(-3)).toEqual([
      'session.unlock_failed',
      'clerk.login_locked',
      'session.sign_out',
    ])
    // And the right password cannot sign back in until the lock ends.
    expect(await errorCode(signIn(env.ctx, newSession(), clerk.login, clerk.password))).toBe('LOGIN_LOCKED')
  })

  it('locks after idleLockMinutes without activity, and not before', async () => {
    const env = getCtx()
    env.settings.update({ idleLockMinutes: 3 })
    const { session } = await signedIn(env)
    env.clock.advance({ minutes: 3 })
    expect(await enforceIdleLock(env.ctx, session)).toBe(false)
    env.clock.advance({ ms: 1 })
    expect(await enforceIdleLock(env.ctx, session)).toBe(true)
    expect(session.locked).toBe(true)
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toMatchObject({ action: 'session.lock', details: { reason: 'idle' } })
  })

  it('counts idle time from the last activity the renderer reported', async () => {
    const env = getCtx()
    const { session } = await signedIn(env)
    const idle = env.settings.get().idleLockMinutes
    env.clock.advance({ minutes: idle - 1 })
    touchSession(env.ctx, session)
    env.clock.advance({ minutes: idle - 1 })
    expect(await enforceIdleLock(env.ctx, session)).toBe(false)
    env.clock.advance({ minutes: 2 })
    expect(await enforceIdleLock(env.ctx, session)).toBe(true)
  })

  it('does not let activity on a locked screen postpone anything, and restarts the idle time on unlock', async () => {
    const env = getCtx()
    const { clerk, session } = await signedIn(env)
    await lockSession(env.ctx, session, 'manual')
    env.clock.advance({ hours: 1 })
    touchSession(env.ctx, session)
    expect(session.locked).toBe(true)
    await unlockSession(env.ctx, session, clerk.password)
    expect(await enforceIdleLock(env.ctx, session)).toBe(false)
  })

  it('signs out, audited, and signing in as another clerk signs the first one out', async () => {
    const env = getCtx()
    const { clerk: first, session } = await signedIn(env)
    const second = await addClerk(env.db, 'supervisor')
    await signIn(env.ctx, session, second.login, second.password)
    expect(session.clerk?.id).toBe(second.id)
    expect(await signOut(env.ctx, session)).toBeNull()
    expect(session.clerk).toBeNull()
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => [e.action, e.clerkId])).toEqual([
      ['session.sign_in', first.id],
      ['session.sign_out', first.id],
      ['session.sign_in', second.id],
      ['session.sign_out', second.id],
    ])
  })

  it('records sign-in, failed sign-in, lock, unlock and sign-out in the audit log', async () => {
    const env = getCtx()
    const clerk = await addClerk(env.db)
    const session = newSession()
    expect(await errorCode(signIn(env.ctx, session, clerk.login, 'wrong'))).toBe('BAD_CREDENTIALS')
    await signIn(env.ctx, session, clerk.login, clerk.password)
    await lockSession(env.ctx, session, 'manual')
    await unlockSession(env.ctx, session, clerk.password)
    await signOut(env.ctx, session)
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual([
      'session.sign_in_failed',
      'session.sign_in',
      'session.lock',
      'session.unlock',
      'session.sign_out',
    ])
    expect(trail.every((e) => e.clerkId === clerk.id && e.objectId === clerk.id)).toBe(true)
  })
})
