// The cabinet as the counter sees it, another account of the same person attached to it, and
// the sign-in check the online cabinet would call.
import { expect, it } from 'vitest'
import { registerCabinet } from '../../../../src/main/services/cabinet/issue'
import {
  attachAccount,
  cabinetState,
  verifyCabinetLogin,
} from '../../../../src/main/services/cabinet/cabinets'
import {
  CABINET_TABLES,
  clerkOf,
  freshAccount,
  freshHolder,
  refusal,
  registerInput,
  secondAccountOf,
  validPassportFor,
} from '../../../helpers/cabinet'
import { describeEachDatabase } from '../../../helpers/database'
import { auditTrail, countAll } from '../../../helpers/rows'

describeEachDatabase('cabinets', (getCtx) => {
  it('shows an account without a cabinet as «none», with every reset attempt left', async () => {
    const env = getCtx()
    const holder = await freshHolder(env.db)
    expect(await cabinetState(env.ctx, holder.accountId)).toEqual({
      accountId: holder.accountId,
      status: 'none',
      cabinetId: null,
      login: null,
      email: null,
      phone: null,
      holderId: null,
      holderName: null,
      passportMasked: null,
      accountNumbers: [],
      createdAt: null,
      passwordChangedAt: null,
      notifications: { email: false, sms: false },
      reset: { blocked: false, failedToday: 0, attemptsLeft: 3 },
    })
  })

  it('attaches another account of the cabinet holder, found by passport: one login, both accounts', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    const issued = await registerCabinet(env.ctx, clerk, input)
    const other = await secondAccountOf(env.db, holder)
    const both = [holder.accountNumber, other.accountNumber].sort()

    const state = await attachAccount(env.ctx, clerk.id, {
      accountId: other.accountId,
      seriesNumber: input.passport.seriesNumber.replace(' ', ''),
    })
    expect(state).toMatchObject({
      accountId: other.accountId,
      status: 'must_change',
      cabinetId: issued.state.cabinetId,
      login: holder.accountNumber,
      holderId: holder.personId,
      accountNumbers: both,
    })
    expect((await cabinetState(env.ctx, holder.accountId)).accountNumbers).toEqual(both)
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toEqual({
      ok: true,
      cabinetId: issued.state.cabinetId,
      mustChange: true,
      accountNumbers: both,
    })

    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toEqual(
      expect.objectContaining({
        action: 'cabinet.attach_account',
        clerkId: clerk.id,
        objectType: 'cabinet',
        objectId: issued.state.cabinetId,
        details: { login: holder.accountNumber, account: other.accountNumber },
      }),
    )
    const link = await env.db.knex('cabinet_accounts').where({ account_id: other.accountId }).first()
    expect(
      await env.db.knex('outbox').where({ entity: 'cabinet_accounts', entity_id: link.id }),
    ).toHaveLength(1)
  })

  it('refuses to attach by a passport no cabinet holder has, or to an account the holder is not on', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    await registerCabinet(env.ctx, clerk, input)
    const other = await secondAccountOf(env.db, holder)
    const stranger = await freshAccount(env.db)
    const before = await countAll(env.db, CABINET_TABLES)

    const unknown = await refusal(
      attachAccount(env.ctx, clerk.id, {
        accountId: other.accountId,
        seriesNumber: validPassportFor(holder).seriesNumber,
      }),
    )
    expect(unknown.code).toBe('IDENTITY_MISMATCH')
    expect(unknown.fields).toEqual({ seriesNumber: expect.any(String) })

    const notTheirs = await refusal(
      attachAccount(env.ctx, clerk.id, {
        accountId: stranger.accountId,
        seriesNumber: input.passport.seriesNumber,
      }),
    )
    expect(notTheirs.code).toBe('IDENTITY_MISMATCH')
    expect(notTheirs.message).toContain(`по счёту ${stranger.accountNumber}`)

    const malformed = await refusal(
      attachAccount(env.ctx, clerk.id, { accountId: other.accountId, seriesNumber: '45 06 12345' }),
    )
    expect(malformed).toMatchObject({ code: 'VALIDATION', fields: { seriesNumber: expect.any(String) } })

    const own = await refusal(
      attachAccount(env.ctx, clerk.id, {
        accountId: holder.accountId,
        seriesNumber: input.passport.seriesNumber,
      }),
    )
    expect(own.code).toBe('CONFLICT')
    expect(own.message).toContain(`Счёт ${holder.accountNumber} уже подключён`)
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('refuses to attach an account that is already in another person’s cabinet', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const [a, b] = [await freshHolder(env.db), await freshHolder(env.db)]
    const inputA = registerInput(a)
    await registerCabinet(env.ctx, clerk, inputA)
    await registerCabinet(env.ctx, clerk, registerInput(b))
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      attachAccount(env.ctx, clerk.id, {
        accountId: b.accountId,
        seriesNumber: inputA.passport.seriesNumber,
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('refuses a blocked cabinet at sign-in, and audits wrong passwords but not unknown logins', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const issued = await registerCabinet(env.ctx, clerk, registerInput(holder))
    const before = await countAll(env.db, ['audit_log'])

    expect(await verifyCabinetLogin(env.ctx, 'nobody@example.ru', issued.password)).toEqual({
      ok: false,
      reason: 'unknown',
    })
    expect(await countAll(env.db, ['audit_log'])).toEqual(before)

    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, 'Wrong-Passw0rd')).toEqual({
      ok: false,
      reason: 'wrong_password',
    })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toMatchObject({
      action: 'cabinet.sign_in_failed',
      clerkId: null,
      objectType: 'cabinet',
      objectId: issued.state.cabinetId,
    })
    expect(JSON.stringify(trail.at(-1))).not.toContain('Wrong-Passw0rd')

    await env.db.knex('cabinets').where({ id: issued.state.cabinetId }).update({ status: 'blocked' })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toEqual({
      ok: false,
      reason: 'blocked',
    })
    expect((await cabinetState(env.ctx, holder.accountId)).status).toBe('blocked')
  })
})
