// Registering a customer for the personal cabinet at the counter, on presentation of a passport:
// the issued password works, a repeated registration is refused, the passport must belong to
// someone on the account, and two counters cannot register the same account twice.
import { expect, it } from 'vitest'
import { registerCabinet } from '../../../../src/main/services/cabinet/issue'
import { cabinetState, verifyCabinetLogin } from '../../../../src/main/services/cabinet/cabinets'
import { ONE_TIME_ALPHABET } from '../../../../src/main/services/cabinet/one-time-password'
import type { PrintDocument } from '../../../../src/shared/print/document'
import {
  CABINET_TABLES,
  clerkOf,
  freshHolder,
  maskedOf,
  passportDigits,
  refusal,
  registerInput,
  secondAccountOf,
  validPassportFor,
} from '../../../helpers/cabinet'
import { describeEachDatabase } from '../../../helpers/database'
import { auditActions, auditTrail, countAll } from '../../../helpers/rows'

const ONE_TIME = new RegExp(`^[${ONE_TIME_ALPHABET}]{10}$`)

/** Each field of the slip as «label: value», and its text lines. */
function slipLines(slip: PrintDocument): string[] {
  return slip.blocks.map((b) =>
    b.kind === 'field' ? `${b.label}: ${b.value}` : b.kind === 'separator' ? '—' : 'text' in b ? b.text : '',
  )
}

describeEachDatabase('cabinet registration', (getCtx) => {
  it('registers on the account number: the one-time password signs in and must be changed', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    const issued = await registerCabinet(env.ctx, clerk, input)

    expect(issued.login).toBe(holder.accountNumber)
    expect(issued.password).toMatch(ONE_TIME)
    expect(issued.warnings).toEqual([])
    expect(issued.state).toMatchObject({
      accountId: holder.accountId,
      status: 'must_change',
      login: holder.accountNumber,
      holderId: holder.personId,
      holderName: [holder.surname, holder.firstName, holder.patronymic].filter(Boolean).join(' '),
      passportMasked: maskedOf(input.passport.seriesNumber),
      accountNumbers: [holder.accountNumber],
      createdAt: env.clock.now().toISOString(),
      notifications: { email: false, sms: false },
      reset: { blocked: false, failedToday: 0, attemptsLeft: 3 },
    })
    expect(await cabinetState(env.ctx, holder.accountId)).toEqual(issued.state)

    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toEqual({
      ok: true,
      cabinetId: issued.state.cabinetId,
      mustChange: true,
      accountNumbers: [holder.accountNumber],
    })
    expect(await verifyCabinetLogin(env.ctx, ` ${holder.accountNumber} `, issued.password)).toMatchObject({
      ok: true,
    })
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password.toLowerCase())).toEqual({
      ok: false,
      reason: 'wrong_password',
    })
    expect(await verifyCabinetLogin(env.ctx, '0000000000', issued.password)).toEqual({
      ok: false,
      reason: 'unknown',
    })

    const row = (await env.db.knex('cabinets').where({ id: issued.state.cabinetId }).first()) as Record<
      string,
      unknown
    >
    expect(row.password_hash).toMatch(/^scrypt\$/)
    expect(JSON.stringify(row)).not.toContain(issued.password)
  })

  it('prints the login and password on the slip, the passport only masked', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    const { series, number } = passportDigits(input.passport.seriesNumber)
    const issued = await registerCabinet(env.ctx, clerk, input)

    const lines = slipLines(issued.slip)
    expect(issued.slip.title).toBe('Доступ в личный кабинет')
    expect(lines).toContain(`Логин: ${holder.accountNumber}`)
    expect(lines).toContain(`Одноразовый пароль: ${issued.password}`)
    expect(lines).toContain(`Паспорт: ${maskedOf(input.passport.seriesNumber)}`)
    expect(lines).toContain(`Лицевой счёт: ${holder.accountNumber}`)
    expect(lines).toContain(`Операционист: ${clerk.fullName}`)
    expect(lines).toContain('Выдан: 22.11.2026 10:00')
    expect(lines).toContain('Смените пароль при первом входе.')
    const text = JSON.stringify(issued.slip)
    for (const secret of [
      number,
      `${series}${number}`,
      `${series} ${number}`,
      `${series.slice(0, 2)} ${series.slice(2)} ${number}`,
      input.passport.issuedBy,
      input.passport.departmentCode,
    ]) {
      expect(text).not.toContain(secret)
    }
  })

  it('makes the e-mail the login when the customer asks, and records the consent to notifications', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const email = `client.${holder.accountNumber}@mail.ru`
    const issued = await registerCabinet(
      env.ctx,
      clerk,
      registerInput(holder, {
        loginKind: 'email',
        email,
        phone: '+79781234567',
        notify: { email: true, sms: true },
      }),
    )
    expect(issued.login).toBe(email)
    expect(issued.state).toMatchObject({
      status: 'must_change',
      login: email,
      email,
      phone: '+79781234567',
      notifications: { email: true, sms: true },
    })
    expect(await verifyCabinetLogin(env.ctx, email, issued.password)).toMatchObject({
      ok: true,
      mustChange: true,
    })
    expect(await verifyCabinetLogin(env.ctx, email.toUpperCase(), issued.password)).toMatchObject({
      ok: true,
    })
    expect(slipLines(issued.slip)).toContain(`Логин: ${email}`)

    const consents = await env.db.knex('consents').where({ person_id: holder.personId })
    expect(consents).toEqual([
      expect.objectContaining({
        kind: 'notifications',
        channels: 'email,sms',
        cabinet_id: issued.state.cabinetId,
        clerk_id: clerk.id,
        given_at: env.clock.now().toISOString(),
        withdrawn_at: null,
      }),
    ])
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual([
      'passport.store',
      'consent.notifications',
      'cabinet.register',
    ])
    expect(trail[1]).toMatchObject({
      clerkId: clerk.id,
      objectType: 'person',
      objectId: holder.personId,
      details: { channels: ['email', 'sms'] },
    })
    expect(trail[2]).toMatchObject({
      clerkId: clerk.id,
      objectType: 'cabinet',
      objectId: issued.state.cabinetId,
      details: { login: email, account: holder.accountNumber, loginKind: 'email' },
    })
  })

  it('records no consent when the customer gives none, and audits the registration', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder, { email: 'someone@example.ru', notify: { email: false, sms: false } })
    const issued = await registerCabinet(env.ctx, clerk, input)
    expect(issued.login).toBe(holder.accountNumber)
    expect(await env.db.knex('consents').where({ person_id: holder.personId })).toEqual([])
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual(['passport.store', 'cabinet.register'])
    expect(trail[0]).toMatchObject({
      clerkId: clerk.id,
      objectType: 'person',
      objectId: holder.personId,
      details: { masked: maskedOf(input.passport.seriesNumber) },
    })
    expect(trail[1]?.details).toEqual({
      login: holder.accountNumber,
      account: holder.accountNumber,
      passport: maskedOf(input.passport.seriesNumber),
      loginKind: 'account',
    })
  })

  it('refuses a second registration of the account with CONFLICT, offering a password reset', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const first = await registerCabinet(env.ctx, clerk, registerInput(holder))
    const before = await countAll(env.db, CABINET_TABLES)
    // The same passport again, and a new one (the customer lost the old): both refused.
    for (const input of [
      registerInput(holder),
      registerInput(holder, { passport: validPassportFor(holder) }),
    ]) {
      const err = await refusal(registerCabinet(env.ctx, clerk, input))
      expect(err.code).toBe('CONFLICT')
      expect(err.message).toContain(`Счёт ${holder.accountNumber} уже подключён к личному кабинету`)
      expect(err.message).toContain(`логин ${holder.accountNumber}`)
      expect(err.message).toContain('«Сбросить пароль»')
    }
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    // The first password still works.
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, first.password)).toMatchObject({
      ok: true,
    })
  })

  it('refuses the same person’s other account, pointing to «Подключить к кабинету»', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    await registerCabinet(env.ctx, clerk, input)
    const other = await secondAccountOf(env.db, holder)
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      registerCabinet(env.ctx, clerk, {
        ...registerInput(holder),
        accountId: other.accountId,
        passport: input.passport,
      }),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain(`У клиента уже есть личный кабинет (логин ${holder.accountNumber})`)
    expect(err.message).toContain('«Подключить к кабинету»')
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    expect((await cabinetState(env.ctx, other.accountId)).status).toBe('none')
  })

  it('refuses a holder who is not on the account with IDENTITY_MISMATCH, saving nothing', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const before = await countAll(env.db, CABINET_TABLES)
    // Another name; the right name with another birth date; the name with a changed letter.
    const strangers = [
      { holder: { surname: 'Незнакомцев', firstName: 'Пётр', patronymic: 'Ильич' } },
      { passport: validPassportFor({ birthDate: '1961-05-17' }) },
      {
        holder: { surname: `${holder.surname}а`, firstName: holder.firstName, patronymic: holder.patronymic },
      },
      { holder: { surname: holder.surname, firstName: holder.firstName, patronymic: null } },
    ]
    for (const patch of strangers) {
      const err = await refusal(registerCabinet(env.ctx, clerk, registerInput(holder, patch)))
      expect(err.code).toBe('IDENTITY_MISMATCH')
      expect(err.message).toContain(`по счёту ${holder.accountNumber}`)
      expect(err.message).toContain('старший операционист')
      expect(err.fields).toEqual({ surname: expect.any(String) })
    }
    // Nothing saved but the record of each refusal (and its outbox row).
    const after = await countAll(env.db, CABINET_TABLES)
    expect(after).toEqual({
      ...before,
      audit_log: (before.audit_log ?? 0) + strangers.length,
      outbox: (before.outbox ?? 0) + strangers.length,
    })
    const refusals = (await env.db
      .knex('audit_log')
      .where({ action: 'cabinet.register_refused', clerk_id: clerk.id })
      .count({ n: '*' })
      .first()) as { n: number | string }
    expect(Number(refusals.n)).toBe(strangers.length)
  })

  it('matches the name with case folded and ё = е', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const shout = (s: string | null): string | null =>
      s === null ? null : s.toUpperCase().replace(/Е/g, 'Ё')
    const issued = await registerCabinet(
      env.ctx,
      clerk,
      registerInput(holder, {
        holder: {
          surname: shout(holder.surname)!,
          firstName: `  ${shout(holder.firstName)} `,
          patronymic: shout(holder.patronymic),
        },
      }),
    )
    expect(issued.state.holderId).toBe(holder.personId)
  })

  it('adds a new owner when a supervisor decides so, with a reason', async () => {
    const env = getCtx()
    const { info: supervisor } = await clerkOf(env.db, 'supervisor')
    const holder = await freshHolder(env.db)
    const newcomer = { surname: 'Новосёлова', firstName: 'Дарья', patronymic: 'Игоревна' }
    const input = registerInput(holder, {
      holder: newcomer,
      passport: validPassportFor({ birthDate: '1975-04-09' }),
      addAsOwner: { reason: 'Договор купли-продажи от 01.11.2026' },
    })
    const issued = await registerCabinet(env.ctx, supervisor, input)
    expect(issued.state).toMatchObject({ status: 'must_change', holderName: 'Новосёлова Дарья Игоревна' })
    const personId = issued.state.holderId!
    expect(personId).not.toBe(holder.personId)
    const person = await env.db.knex('persons').where({ id: personId }).first()
    expect(person).toMatchObject({ surname: 'Новосёлова', first_name: 'Дарья', birth_date: '1975-04-09' })
    const link = await env.db.knex('account_persons').where({ person_id: personId }).first()
    expect(link).toMatchObject({ account_id: holder.accountId })
    expect(Boolean(link.owner)).toBe(true)
    expect(Boolean(link.registered)).toBe(false)

    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.map((e) => e.action)).toEqual(['account.owner_added', 'passport.store', 'cabinet.register'])
    expect(trail[0]).toMatchObject({
      clerkId: supervisor.id,
      objectType: 'account',
      objectId: holder.accountId,
      details: { personId, reason: 'Договор купли-продажи от 01.11.2026', confirmedBy: supervisor.id },
    })
    // The new owner signs in to the cabinet of the account they now own.
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toMatchObject({
      ok: true,
    })
  })

  it('refuses an operator to add an owner without a supervisor, and accepts a supervisor’s login and password', async () => {
    const env = getCtx()
    const { info: operator } = await clerkOf(env.db, 'operator')
    const { info: supervisor, credentials } = await clerkOf(env.db, 'supervisor')
    const { credentials: otherOperator } = await clerkOf(env.db, 'operator')
    const holder = await freshHolder(env.db)
    const input = registerInput(holder, {
      holder: { surname: 'Прибылов', firstName: 'Олег', patronymic: null },
      passport: validPassportFor({ birthDate: '1970-08-30' }),
      addAsOwner: { reason: 'Наследство, свидетельство от 12.10.2026' },
    })
    const before = await countAll(env.db, CABINET_TABLES)

    const alone = await refusal(registerCabinet(env.ctx, operator, input))
    expect(alone.code).toBe('FORBIDDEN')
    expect(alone.message).toMatch(/старшего операциониста/)
    expect(alone.fields).toEqual({ supervisor: expect.any(String) })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)

    const peer = await refusal(registerCabinet(env.ctx, operator, { ...input, supervisor: otherOperator }))
    expect(peer.code).toBe('FORBIDDEN')
    expect(peer.message).toMatch(/только старший операционист/)

    const wrong = await refusal(
      registerCabinet(env.ctx, operator, { ...input, supervisor: { ...credentials, password: 'not-it' } }),
    )
    expect(wrong.code).toBe('BAD_CREDENTIALS')
    expect(await env.db.knex('cabinets').where({ login: holder.accountNumber })).toEqual([])

    const issued = await registerCabinet(env.ctx, operator, { ...input, supervisor: credentials })
    expect(issued.state.holderName).toBe('Прибылов Олег')
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    const added = trail.find((e) => e.action === 'account.owner_added')
    expect(added).toMatchObject({
      clerkId: operator.id,
      objectId: holder.accountId,
      details: { personId: issued.state.holderId, confirmedBy: supervisor.id },
    })
    expect(trail.at(-1)).toMatchObject({ action: 'cabinet.register', clerkId: operator.id })
  })

  it('refuses a passport already on file for another person with CONFLICT', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const first = await freshHolder(env.db)
    const second = await freshHolder(env.db)
    const taken = registerInput(first)
    await registerCabinet(env.ctx, clerk, taken)
    const before = await countAll(env.db, CABINET_TABLES)
    // The same series and number typed another way, on another person's passport.
    const spelled = taken.passport.seriesNumber.replace(/^(\d\d)(\d\d) /, '$1-$2-')
    const err = await refusal(
      registerCabinet(
        env.ctx,
        clerk,
        registerInput(second, { passport: validPassportFor(second, { seriesNumber: spelled }) }),
      ),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain(
      `Паспорт ${maskedOf(taken.passport.seriesNumber)} уже записан за другим человеком`,
    )
    expect(err.fields).toEqual({ seriesNumber: expect.any(String) })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    expect((await cabinetState(env.ctx, second.accountId)).status).toBe('none')
  })

  it('refuses a closed account', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const closed = (await env.db
      .knex('accounts as a')
      .join('account_persons as ap', 'ap.account_id', 'a.id')
      .join('persons as p', 'p.id', 'ap.person_id')
      .where('a.status', 'closed')
      .where('p.birth_date', '<', '1990-01-01')
      .first(
        'a.id',
        'a.number',
        'p.id as person_id',
        'p.surname',
        'p.first_name',
        'p.patronymic',
        'p.birth_date',
      )) as Record<string, string>
    const holder = {
      personId: closed.person_id!,
      accountId: closed.id!,
      accountNumber: closed.number!,
      surname: closed.surname!,
      firstName: closed.first_name!,
      patronymic: closed.patronymic ?? null,
      birthDate: closed.birth_date!,
    }
    const err = await refusal(registerCabinet(env.ctx, clerk, registerInput(holder)))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain(`Лицевой счёт ${holder.accountNumber} закрыт`)
  })

  it('refuses a login e-mail another cabinet already has', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const [a, b] = [await freshHolder(env.db), await freshHolder(env.db)]
    const email = `shared.${a.accountNumber}@mail.ru`
    await registerCabinet(env.ctx, clerk, registerInput(a, { loginKind: 'email', email }))
    const before = await countAll(env.db, CABINET_TABLES)
    const err = await refusal(
      registerCabinet(env.ctx, clerk, registerInput(b, { loginKind: 'email', email })),
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.fields).toEqual({ email: expect.any(String) })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('asks for the contacts the chosen login and notifications need', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const before = await countAll(env.db, CABINET_TABLES)
    const email = await refusal(
      registerCabinet(env.ctx, clerk, registerInput(holder, { loginKind: 'email' })),
    )
    expect(email).toMatchObject({ code: 'VALIDATION', fields: { email: expect.stringMatching(/логином/) } })
    const sms = await refusal(
      registerCabinet(env.ctx, clerk, registerInput(holder, { notify: { email: true, sms: true } })),
    )
    expect(sms).toMatchObject({
      code: 'VALIDATION',
      fields: { email: expect.stringMatching(/уведомлений/), phone: expect.stringMatching(/SMS/) },
    })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })

  it('lets exactly one of two counters register the same account at the same moment', async () => {
    const env = getCtx()
    const [{ info: a }, { info: b }] = [await clerkOf(env.db), await clerkOf(env.db)]
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    const results = await Promise.allSettled([
      registerCabinet(env.ctx, a, input),
      registerCabinet(env.ctx, b, { ...input, passport: { ...input.passport } }),
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' })

    const issued = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof registerCabinet>>>).value
    expect(await env.db.knex('cabinets').where({ person_id: holder.personId })).toHaveLength(1)
    expect(await env.db.knex('cabinet_accounts').where({ account_id: holder.accountId })).toHaveLength(1)
    expect(
      await env.db.knex('person_documents').where({ person_id: holder.personId }).whereNull('replaced_at'),
    ).toHaveLength(1)
    expect(await verifyCabinetLogin(env.ctx, holder.accountNumber, issued.password)).toMatchObject({
      ok: true,
    })
    expect(await auditActions(env.db, env.settings.get().workstationId)).toEqual([
      'passport.store',
      'cabinet.register',
    ])
  })

  it('gives one person one cabinet even when two counters register two of their accounts at once', async () => {
    const env = getCtx()
    const [{ info: a }, { info: b }] = [await clerkOf(env.db), await clerkOf(env.db)]
    const holder = await freshHolder(env.db)
    const other = await secondAccountOf(env.db, holder)
    const input = registerInput(holder)
    const results = await Promise.allSettled([
      registerCabinet(env.ctx, a, input),
      registerCabinet(env.ctx, b, { ...input, accountId: other.accountId }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(lost.reason).toMatchObject({ code: 'CONFLICT' })
    expect(await env.db.knex('cabinets').where({ person_id: holder.personId })).toHaveLength(1)
    expect(
      await env.db.knex('person_documents').where({ person_id: holder.personId }).whereNull('replaced_at'),
    ).toHaveLength(1)
  })
})
