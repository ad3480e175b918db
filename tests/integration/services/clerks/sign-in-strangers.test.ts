// A login with no clerk behind it is answered exactly as a real one (no login enumeration), and a
// failed sign-in never keeps what was typed as the login: it may be a password typed in the wrong
// field, and the audit log syncs to the office server.
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { LOGIN_LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../../src/main/services/clerks/sign-in'
import { newSession, signIn } from '../../../../src/main/services/clerks/sessions'
import { OknoError } from '../../../../src/shared/ipc/envelope'
import { addClerk } from '../../../helpers/clerks'
import { describeEachDatabase } from '../../../helpers/database'
import { auditTrail } from '../../../helpers/rows'

/** Each attempt runs scrypt (N = 2^17); a dozen of them on a busy 2-core machine need room. */
const SCRYPT_HEAVY = 180_000

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof OknoError)) throw new Error(`expected an OknoError, got ${String(err)}`)
  return { code: err.code, message: err.message }
}

describeEachDatabase('sign-in with a login nobody has', (getCtx) => {
  it(
    'counts down and locks exactly like a real login',
    async () => {
      const { ctx, db, clock } = getCtx()
      const clerk = await addClerk(db)
      const stranger = `nobody_${randomBytes(4).toString('hex')}`
      const both = async (password: string): Promise<void> => {
        const known = await refusal(signIn(ctx, newSession(), clerk.login, password))
        const unknown = await refusal(signIn(ctx, newSession(), stranger, password))
        expect(unknown).toEqual(known)
      }
      for (let attempt = 1; attempt <= MAX_FAILED_ATTEMPTS; attempt++) await both(`wrong-${attempt}`)
      // The last answers were the count-down's «2», «1» and the lock: both got the same.
      expect((await refusal(signIn(ctx, newSession(), stranger, 'again'))).code).toBe('LOGIN_LOCKED')
      await both('during-the-lock')
      clock.advance({ minutes: LOGIN_LOCK_MINUTES, seconds: 1 })
      // After the lock both count from the start again.
      await both('after-the-lock')
      expect(await refusal(signIn(ctx, newSession(), stranger, 'x'))).toEqual({
        code: 'BAD_CREDENTIALS',
        message: 'Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.',
      })
    },
    SCRYPT_HEAVY,
  )

  it(
    'shows the same count-down for an unknown login as for a real one',
    async () => {
      const { ctx, db } = getCtx()
      const clerk = await addClerk(db)
      const stranger = `nobody_${randomBytes(4).toString('hex')}`
      const answers: string[] = []
      for (let attempt = 1; attempt <= MAX_FAILED_ATTEMPTS; attempt++) {
        answers.push((await refusal(signIn(ctx, newSession(), stranger, 'wrong'))).message)
        await refusal(signIn(ctx, newSession(), clerk.login, 'wrong'))
      }
      expect(answers[2]).toMatch(/Осталось попыток до блокировки: 2\.$/)
      expect(answers[3]).toMatch(/Осталось попыток до блокировки: 1\.$/)
      expect(answers[4]).toMatch(/^Вход заблокирован до /)
    },
    SCRYPT_HEAVY,
  )

  it(
    'treats an inactive clerk’s login like an unknown one',
    async () => {
      const { ctx, db } = getCtx()
      const inactive = await addClerk(db, 'operator', { active: false })
      const active = await addClerk(db)
      for (let attempt = 1; attempt <= MAX_FAILED_ATTEMPTS + 1; attempt++) {
        expect(await refusal(signIn(ctx, newSession(), inactive.login, inactive.password))).toEqual(
          await refusal(signIn(ctx, newSession(), active.login, 'wrong')),
        )
      }
    },
    SCRYPT_HEAVY,
  )
})

describeEachDatabase('a failed sign-in in the audit log', (getCtx) => {
  it('keeps no trace of a password typed into the login field', async () => {
    const { ctx, db, settings } = getCtx()
    const typed = `Secret-${randomBytes(4).toString('hex')}`
    await refusal(signIn(ctx, newSession(), typed, 'whatever'))
    await refusal(signIn(ctx, newSession(), `  ${typed.toUpperCase()} `, 'whatever'))
    const entries = await auditTrail(db, settings.get().workstationId)
    expect(entries.map((e) => e.action)).toEqual(['session.sign_in_failed', 'session.sign_in_failed'])
    expect(entries[0]).toMatchObject({ clerkId: null, details: { reason: 'unknown_login', attempt: 1 } })
    // Nowhere: not in the log, not in what is queued for the office server.
    const written = JSON.stringify([
      await db.knex('audit_log').select('*'),
      await db.knex('outbox').select('payload'),
    ]).toLowerCase()
    expect(written).not.toContain(typed.toLowerCase())
  })

  it('records a failure against a known login by the clerk’s id, without the login typed', async () => {
    const { ctx, db, settings } = getCtx()
    const clerk = await addClerk(db)
    const inactive = await addClerk(db, 'operator', { active: false })
    await refusal(signIn(ctx, newSession(), ` ${clerk.login.toUpperCase()}`, 'wrong'))
    await refusal(signIn(ctx, newSession(), inactive.login, inactive.password))
    const entries = await auditTrail(db, settings.get().workstationId)
    expect(entries).toMatchObject([
      { action: 'session.sign_in_failed', clerkId: clerk.id, objectId: clerk.id, details: { attempt: 1 } },
      {
        action: 'session.sign_in_failed',
        clerkId: inactive.id,
        objectId: inactive.id,
        details: { reason: 'inactive', attempt: 1 },
      },
    ])
    for (const entry of entries) expect(JSON.stringify(entry.details)).not.toMatch(/login/i)
  })
})
