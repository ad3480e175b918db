// A forgotten cabinet password reset at the counter: the passport is matched against the stored
// one (or, with none on file, against the holder with a supervisor's word); three failed checks
// in a business day block the account's resets until the next day or a supervisor's unblock.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { registerCabinet } from '../../../../src/main/services/cabinet/issue'
import { resetCabinetPassword } from '../../../../src/main/services/cabinet/reset'
import {
  cabinetState,
  unblockReset,
  verifyCabinetLogin,
} from '../../../../src/main/services/cabinet/cabinets'
import { unavailableVault } from '../../../../src/main/security/passport-vault'
import type { ClerkInfo } from '../../../../src/shared/domain/clerk'
import {
  CABINET_TABLES,
  clerkOf,
  freshHolder,
  maskedOf,
  onlineCabinet,
  refusal,
  registerInput,
  validPassportFor,
  type Holder,
} from '../../../helpers/cabinet'
import { makeContext } from '../../../helpers/context'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { auditActions, auditTrail, countAll } from '../../../helpers/rows'

/** A holder registered at the counter by `clerk`: their passport and one-time password. */
async function registered(env: TestEnv, clerk: ClerkInfo) {
  const holder = await freshHolder(env.db)
  const input = registerInput(holder)
  const issued = await registerCabinet(env.ctx, clerk, input)
  return { holder, passport: input.passport, issued }
}

const stored = (seriesNumber: string) => ({ kind: 'stored' as const, seriesNumber })

/** Failed checks until the block, each message telling the attempts left. */
async function failThrice(env: TestEnv, clerk: ClerkInfo, holder: Holder, wrong: string): Promise<void> {
  for (const left of [2, 1]) {
    const err = await refusal(
      resetCabinetPassword(env.ctx, clerk, { accountId: holder.accountId, identity: stored(wrong) }),
    )
    expect(err.code).toBe('IDENTITY_MISMATCH')
    expect(err.message).toContain(`Осталось попыток сегодня: ${left}.`)
  }
  const last = await refusal(
    resetCabinetPassword(env.ctx, clerk, { accountId: holder.accountId, identity: stored(wrong) }),
  )
  expect(last.code).toBe('IDENTITY_MISMATCH')
  expect(last.message).toMatch(/заблокирован до конца дня; разблокировать может старший операционист/)
}

describeEachDatabase('cabinet password reset', (getCtx) => {
  it('issues a new one-time password: the old one stops working, the new one must be changed', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport, issued } = await registered(env, clerk)
    // The customer changed the one-time password online; weeks later they forgot it.
    await env.db.knex('cabinets').where({ id: issued.state.cabinetId }).update({ must_change: false })
    expect((await cabinetState(env.ctx, holder.accountId)).status).toBe('active')
    env.clock.advance({ days: 20 })

    // Typed as printed in the passport, not as at registration.
    const spelled = passport.seriesNumber.replace(/^(\d\d)(\d\d) /, '$1 $2 ')
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: stored(spelled),
    })
    expect(reset.login).toBe(holder.accountNumber)
    expect(reset.password).not.toBe(issued.password)
    expect(reset.state).toMatchObject({
      status: 'must_change',
      passwordChangedAt: env.clock.now().toISOString(),
      reset: { blocked: false, failedToday: 0, attemptsLeft: 3 },
    })
    expect(reset.slip.title).toBe('Новый пароль личного кабинета')
    expect(JSON.stringify(reset.slip)).toContain(reset.password)
    expect(JSON.stringify(reset.slip)).toContain('Прежний пароль больше не действует.')
    expect(JSON.stringify(reset.slip)).toContain(maskedOf(passport.seriesNumber))

    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toEqual({
      ok: false,
      reason: 'wrong_password',
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, reset.password)).toEqual({
      ok: true,
      cabinetId: issued.state.cabinetId,
      mustChange: true,
      accountNumbers: [holder.accountNumber],
    })

    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual([
      'passport.store',
      'cabinet.register',
      'cabinet.password_reset',
      'cabinet.sign_in_failed',
    ])
    expect(trail[2]).toMatchObject({
      clerkId: clerk.id,
      objectType: 'cabinet',
      objectId: issued.state.cabinetId,
      details: { login: holder.accountNumber, via: 'stored', confirmedBy: null },
    })
    const checks = await env.db.knex('identity_checks').where({ account_id: holder.accountId })
    expect(checks).toEqual([expect.objectContaining({ result: 'passed', business_date: '2026-12-12' })])
  })

  it('accepts the full document too, matched against the stored passport without a supervisor', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport } = await registered(env, clerk)
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: {
        kind: 'document',
        passport,
        holder: { surname: holder.surname, firstName: holder.firstName, patronymic: holder.patronymic },
      },
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, reset.password)).toMatchObject({
      ok: true,
    })
    expect((await auditTrail(env.db, env.settings.get().workstationId)).at(-1)).toMatchObject({
      action: 'cabinet.password_reset',
      details: { via: 'document', confirmedBy: null },
    })
  })

  it('refuses a wrong passport with IDENTITY_MISMATCH and the attempts left, changing no password', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport, issued } = await registered(env, clerk)
    const wrong = validPassportFor(holder)
    const err = await refusal(
      resetCabinetPassword(env.ctx, clerk, {
        accountId: holder.accountId,
        identity: stored(wrong.seriesNumber),
      }),
    )
    expect(err.code).toBe('IDENTITY_MISMATCH')
    expect(err.message).toBe(
      'Документ не совпадает с данными владельца кабинета. Осталось попыток сегодня: 2.',
    )
    // A full document with another number fails the same way.
    const doc = await refusal(
      resetCabinetPassword(env.ctx, clerk, {
        accountId: holder.accountId,
        identity: {
          kind: 'document',
          passport: { ...passport, seriesNumber: wrong.seriesNumber },
          holder: { surname: holder.surname, firstName: holder.firstName, patronymic: holder.patronymic },
        },
      }),
    )
    expect(doc.message).toContain('Осталось попыток сегодня: 1.')
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toMatchObject({
      ok: true,
    })
    expect((await cabinetState(env.ctx, holder.accountId)).reset).toEqual({
      blocked: false,
      failedToday: 2,
      attemptsLeft: 1,
    })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    const failures = trail.filter((e) => e.action === 'cabinet.identity_failed')
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatchObject({
      clerkId: clerk.id,
      objectType: 'account',
      objectId: holder.accountId,
    })
  })

  it('does not count a malformed series and number as a failed check', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder } = await registered(env, clerk)
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      resetCabinetPassword(env.ctx, clerk, { accountId: holder.accountId, identity: stored('45 06 12345') }),
    )
    expect(err).toMatchObject({ code: 'VALIDATION', fields: { seriesNumber: expect.any(String) } })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('blocks resets after three failures, even with the right passport, until the next business day', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport, issued } = await registered(env, clerk)
    await failThrice(env, clerk, holder, validPassportFor(holder).seriesNumber)
    expect((await cabinetState(env.ctx, holder.accountId)).reset).toEqual({
      blocked: true,
      failedToday: 3,
      attemptsLeft: 0,
    })

    const before = await countAll(env.db, CABINET_TABLES)
    const blocked = await refusal(
      resetCabinetPassword(env.ctx, clerk, {
        accountId: holder.accountId,
        identity: stored(passport.seriesNumber),
      }),
    )
    expect(blocked.code).toBe('CONFLICT')
    expect(blocked.message).toMatch(
      /^Сброс пароля по этому счёту заблокирован до конца дня после 3 неудачных/,
    )
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)

    // 23:59:59.999 in Sevastopol (UTC+3) on the same day: still blocked, whatever the machine's zone.
    env.clock.set('2026-11-22T20:59:59.999Z')
    expect((await cabinetState(env.ctx, holder.accountId)).reset.blocked).toBe(true)
    expect(
      (
        await refusal(
          resetCabinetPassword(env.ctx, clerk, {
            accountId: holder.accountId,
            identity: stored(passport.seriesNumber),
          }),
        )
      ).code,
    ).toBe('CONFLICT')

    // Midnight in Sevastopol: a new business day.
    env.clock.set('2026-11-22T21:00:00.000Z')
    expect((await cabinetState(env.ctx, holder.accountId)).reset).toEqual({
      blocked: false,
      failedToday: 0,
      attemptsLeft: 3,
    })
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: stored(passport.seriesNumber),
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, reset.password)).toMatchObject({
      ok: true,
      mustChange: true,
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toMatchObject({
      ok: false,
    })
    const days = (await env.db
      .knex('identity_checks')
      .where({ account_id: holder.accountId })
      .orderBy('at')
      .select('business_date', 'result')) as Array<{ business_date: string; result: string }>
    expect(days).toEqual([
      { business_date: '2026-11-22', result: 'failed' },
      { business_date: '2026-11-22', result: 'failed' },
      { business_date: '2026-11-22', result: 'failed' },
      { business_date: '2026-11-23', result: 'passed' },
    ])
  })

  it('lets a supervisor lift the block the same day, and counts anew after it', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const { holder, passport } = await registered(env, clerk)
    const wrong = validPassportFor(holder).seriesNumber
    await failThrice(env, clerk, holder, wrong)

    env.clock.advance({ minutes: 5 })
    const state = await unblockReset(env.ctx, supervisor.id, {
      accountId: holder.accountId,
      reason: 'Клиент предъявил паспорт старшему операционисту',
    })
    expect(state.reset).toEqual({ blocked: false, failedToday: 0, attemptsLeft: 3 })
    expect(await env.db.knex('reset_unblocks').where({ account_id: holder.accountId })).toEqual([
      expect.objectContaining({
        business_date: '2026-11-22',
        clerk_id: supervisor.id,
        reason: 'Клиент предъявил паспорт старшему операционисту',
      }),
    ])

    // Failures after the unblock count again, from zero.
    env.clock.advance({ seconds: 1 })
    const again = await refusal(
      resetCabinetPassword(env.ctx, clerk, { accountId: holder.accountId, identity: stored(wrong) }),
    )
    expect(again.message).toContain('Осталось попыток сегодня: 2.')

    env.clock.advance({ seconds: 1 })
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: stored(passport.seriesNumber),
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, reset.password)).toMatchObject({
      ok: true,
    })

    const actions = await auditActions(env.db, env.settings.get().workstationId)
    expect(actions).toEqual([
      'passport.store',
      'cabinet.register',
      'cabinet.identity_failed',
      'cabinet.identity_failed',
      'cabinet.identity_failed',
      'cabinet.reset_unblocked',
      'cabinet.identity_failed',
      'cabinet.password_reset',
    ])
    const unblocked = (await auditTrail(env.db, env.settings.get().workstationId))[5]
    expect(unblocked).toMatchObject({
      clerkId: supervisor.id,
      objectType: 'account',
      objectId: holder.accountId,
      details: { reason: 'Клиент предъявил паспорт старшему операционисту' },
    })
  })

  it('does not count a passport stored under another workstation’s key as a failed check', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport, issued } = await registered(env, clerk)
    // The next counter of the office, on the same database, with a key of its own.
    const elsewhere = makeContext(env.db)
    const before = await countAll(env.db, CABINET_TABLES)
    for (let i = 0; i < 4; i++) {
      const err = await refusal(
        resetCabinetPassword(elsewhere.ctx, clerk, {
          accountId: holder.accountId,
          identity: stored(passport.seriesNumber),
        }),
      )
      expect(err.code).toBe('UNAVAILABLE')
      expect(err.message).toMatch(/другом рабочем месте/)
    }
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    expect((await cabinetState(env.ctx, holder.accountId)).reset.failedToday).toBe(0)
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toMatchObject({
      ok: true,
    })
  })

  it('refuses resets on a workstation without a passport key, with its reason', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { holder, passport } = await registered(env, clerk)
    const keyless = { ...env.ctx, vault: unavailableVault('Ключ доступен только в настольном приложении.') }
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      resetCabinetPassword(keyless, clerk, {
        accountId: holder.accountId,
        identity: stored(passport.seriesNumber),
      }),
    )
    expect(err).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Ключ доступен только в настольном приложении.',
    })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('answers NOT_FOUND to an unblock of an account that does not exist, writing nothing', async () => {
    const env = getCtx()
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      unblockReset(env.ctx, supervisor.id, { accountId: randomUUID(), reason: 'Клиент с паспортом у окна' }),
    )
    expect(err.code).toBe('NOT_FOUND')
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('refuses to unblock an account whose resets are not blocked, writing nothing', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const { holder } = await registered(env, clerk)
    // Two failures: still two tries short of a block.
    const wrong = validPassportFor(holder).seriesNumber
    for (let i = 0; i < 2; i++) {
      env.clock.advance({ seconds: 1 })
      await refusal(
        resetCabinetPassword(env.ctx, clerk, { accountId: holder.accountId, identity: stored(wrong) }),
      )
    }
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      unblockReset(env.ctx, supervisor.id, {
        accountId: holder.accountId,
        reason: 'Клиент с паспортом у окна',
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('Сброс пароля по этому счёту не заблокирован: снимать нечего.')
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    expect((await cabinetState(env.ctx, holder.accountId)).reset).toEqual({
      blocked: false,
      failedToday: 2,
      attemptsLeft: 1,
    })
  })

  it('answers NOT_FOUND for an account without a cabinet, counting nothing', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      resetCabinetPassword(env.ctx, clerk, {
        accountId: holder.accountId,
        identity: stored(validPassportFor(holder).seriesNumber),
      }),
    )
    expect(err.code).toBe('NOT_FOUND')
    expect(err.message).toMatch(/зарегистрируйте/)
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('with no passport on file, asks for the full document and a supervisor', async () => {
    const env = getCtx()
    const { info: operator } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const online = await onlineCabinet(env, holder)
    const passport = validPassportFor(holder)
    const name = { surname: holder.surname, firstName: holder.firstName, patronymic: holder.patronymic }
    const before = await countAll(env.db, CABINET_TABLES)

    const byNumber = await refusal(
      resetCabinetPassword(env.ctx, operator, {
        accountId: holder.accountId,
        identity: stored(passport.seriesNumber),
      }),
    )
    expect(byNumber.code).toBe('VALIDATION')
    expect(byNumber.message).toMatch(/заполните паспортные данные полностью.*старшего операциониста/)

    const alone = await refusal(
      resetCabinetPassword(env.ctx, operator, {
        accountId: holder.accountId,
        identity: { kind: 'document', passport, holder: name },
      }),
    )
    expect(alone.code).toBe('FORBIDDEN')
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    expect(await verifyCabinetLogin(env.ctx, online.login, online.password)).toMatchObject({ ok: true })
  })

  it('with no passport on file, counts a name or birth-date mismatch as a failed check', async () => {
    const env = getCtx()
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const holder = await freshHolder(env.db)
    await onlineCabinet(env, holder)
    const name = { surname: holder.surname, firstName: holder.firstName, patronymic: holder.patronymic }
    const otherBirth = validPassportFor({
      birthDate: holder.birthDate === '1970-01-01' ? '1971-01-01' : '1970-01-01',
    })
    const wrongName = await refusal(
      resetCabinetPassword(env.ctx, supervisor, {
        accountId: holder.accountId,
        identity: {
          kind: 'document',
          passport: validPassportFor(holder),
          holder: { ...name, surname: 'Подставной' },
        },
      }),
    )
    expect(wrongName.code).toBe('IDENTITY_MISMATCH')
    expect(wrongName.message).toContain('Осталось попыток сегодня: 2.')
    const wrongBirth = await refusal(
      resetCabinetPassword(env.ctx, supervisor, {
        accountId: holder.accountId,
        identity: { kind: 'document', passport: otherBirth, holder: name },
      }),
    )
    expect(wrongBirth.message).toContain('Осталось попыток сегодня: 1.')
    expect(await env.db.knex('person_documents').where({ person_id: holder.personId })).toEqual([])
    expect(await auditActions(env.db, env.settings.get().workstationId)).toEqual([
      'cabinet.identity_failed',
      'cabinet.identity_failed',
    ])
  })

  it('with no passport on file, a supervisor’s confirmation resets and stores the passport', async () => {
    const env = getCtx()
    const { info: operator } = await clerkOf(env.db)
    const { info: supervisor, credentials } = await clerkOf(env.db, 'supervisor')
    const holder = await freshHolder(env.db)
    const online = await onlineCabinet(env, holder)
    const passport = validPassportFor(holder)
    const reset = await resetCabinetPassword(env.ctx, operator, {
      accountId: holder.accountId,
      identity: {
        kind: 'document',
        passport,
        holder: {
          surname: holder.surname.toUpperCase(),
          firstName: holder.firstName,
          patronymic: holder.patronymic,
        },
        supervisor: credentials,
      },
    })
    expect(reset.state).toMatchObject({
      status: 'must_change',
      passportMasked: maskedOf(passport.seriesNumber),
    })
    expect(await verifyCabinetLogin(env.ctx, online.login, online.password)).toMatchObject({
      ok: false,
      reason: 'wrong_password',
    })
    expect(await verifyCabinetLogin(env.ctx, online.login, reset.password)).toMatchObject({
      ok: true,
      mustChange: true,
    })
    const docs = await env.db.knex('person_documents').where({ person_id: holder.personId })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      masked: maskedOf(passport.seriesNumber),
      created_by: operator.id,
      replaced_at: null,
    })

    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual([
      'passport.store',
      'cabinet.password_reset',
      'cabinet.sign_in_failed',
    ])
    expect(trail[1]).toMatchObject({
      clerkId: operator.id,
      details: { via: 'document', confirmedBy: supervisor.id },
    })

    // Next time the stored passport is enough.
    const next = await resetCabinetPassword(env.ctx, operator, {
      accountId: holder.accountId,
      identity: stored(passport.seriesNumber),
    })
    expect(await verifyCabinetLogin(env.ctx, online.login, next.password)).toMatchObject({ ok: true })
  })
})
