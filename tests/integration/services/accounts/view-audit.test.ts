// 152-ФЗ: opening an account card (names, birth dates, residents) is audited — who, which account,
// when — at most once per clerk and account within the settings' window, so the log stays readable.
import { expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { getAccountCard } from '../../../../src/main/services/accounts/accounts'
import { signedInCall } from '../../../helpers/calls'
import { addClerk } from '../../../helpers/clerks'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditTrail, type AuditEntry } from '../../../helpers/rows'

async function twoAccounts(env: TestEnv): Promise<[string, string]> {
  const ids = (await env.db.knex('accounts').orderBy('number').limit(2).pluck('id')) as string[]
  return [ids[0] as string, ids[1] as string]
}

async function views(env: TestEnv): Promise<AuditEntry[]> {
  return (await auditTrail(env.db, env.settings.get().workstationId)).filter(
    (e) => e.action === 'account.view',
  )
}

describeEachDatabase('account card views in the audit log', (getCtx) => {
  it('records who opened which card through accounts:get', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'operator')
    const [accountId] = await twoAccounts(env)
    expect(await dispatch('accounts:get', { accountId }, call)).toMatchObject({ ok: true })
    const number = (
      (await env.db.knex('accounts').where({ id: accountId }).first('number')) as { number: string }
    ).number
    expect(await views(env)).toEqual([
      expect.objectContaining({
        clerkId: call.clerk.id,
        objectType: 'account',
        objectId: accountId,
        details: { number, persons: expect.any(Number) },
      }),
    ])
  })

  it('writes one entry per clerk and account within the window, and again after it', async () => {
    const env = getCtx()
    const [a, b] = await twoAccounts(env)
    const [anna, boris] = [(await addClerk(env.db)).id, (await addClerk(env.db)).id]
    const minutes = env.settings.get().cardViewAuditMinutes
    expect(minutes).toBe(30)

    await getAccountCard(env.ctx, a, anna)
    env.clock.advance({ minutes: 1 })
    await getAccountCard(env.ctx, a, anna) // back from a tab: not again
    await getAccountCard(env.ctx, b, anna) // another account
    await getAccountCard(env.ctx, a, boris) // another clerk
    env.clock.advance({ minutes: minutes - 1, seconds: -1 })
    await getAccountCard(env.ctx, a, anna) // still within the window of the first view
    env.clock.advance({ seconds: 1 })
    await getAccountCard(env.ctx, a, anna) // the window has passed
    expect((await views(env)).map((e) => [e.clerkId, e.objectId])).toEqual([
      [anna, a],
      [anna, b],
      [boris, a],
      [anna, a],
    ])
  })

  it('audits every view when the window is set to zero', async () => {
    const env = getCtx()
    env.settings.update({ cardViewAuditMinutes: 0 })
    const [a] = await twoAccounts(env)
    const clerk = (await addClerk(env.db)).id
    for (let i = 0; i < 3; i++) await getAccountCard(env.ctx, a, clerk)
    expect(await views(env)).toHaveLength(3)
  })
})
