// The cabinet channels end to end through the dispatcher: bad registration input refused field
// by field with nothing saved, and a counter's whole day with a customer in the audit log.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { ChannelInput } from '../../../src/shared/ipc/contract'
import { signedInCall } from '../../helpers/calls'
import {
  auditWithoutOutbox,
  CABINET_TABLES,
  freshHolder,
  maskedOf,
  registerInput,
  secondAccountOf,
  validPassportFor,
  type Holder,
} from '../../helpers/cabinet'
import { describeEachDatabase } from '../../helpers/database'
import { auditActions, auditTrail, countAll } from '../../helpers/rows'

type RegisterInput = ChannelInput<'cabinets:register'>

/** A registration form with one part changed: `passport`, `holder` and the rest patched separately. */
type Patch = {
  passport?: Record<string, unknown>
  holder?: Record<string, unknown>
  rest?: Record<string, unknown>
}

function patched(base: RegisterInput, patch: Patch): unknown {
  return {
    ...base,
    ...(patch.passport ? { passport: { ...base.passport, ...patch.passport } } : {}),
    ...(patch.holder ? { holder: { ...base.holder, ...patch.holder } } : {}),
    ...patch.rest,
  }
}

/** [what, the change, the field the error is shown at] */
const BAD_INPUT: Array<[string, Patch, string]> = [
  ['a letter О for a zero in the series', { passport: { seriesNumber: '45О6 123456' } }, 'seriesNumber'],
  ['Latin letters in the number', { passport: { seriesNumber: '4506 12345B' } }, 'seriesNumber'],
  ['a number of 5 digits', { passport: { seriesNumber: '4506 12345' } }, 'seriesNumber'],
  ['a number of 7 digits', { passport: { seriesNumber: '4506 1234567' } }, 'seriesNumber'],
  ['a series of 3 digits', { passport: { seriesNumber: '450 123456' } }, 'seriesNumber'],
  ['an empty series and number', { passport: { seriesNumber: '' } }, 'seriesNumber'],
  ['a series and number of 41 characters', { passport: { seriesNumber: '4'.repeat(41) } }, 'seriesNumber'],
  ['a series and number that is not text', { passport: { seriesNumber: 4506123456 } }, 'seriesNumber'],
  ['an issue date of 31 February', { passport: { issuedOn: '2010-02-31' } }, 'issuedOn'],
  ['an issue date typed as ДД.ММ.ГГГГ', { passport: { issuedOn: '15.03.2012' } }, 'issuedOn'],
  ['an issue date in 1900', { passport: { issuedOn: '1900-05-01' } }, 'issuedOn'],
  ['an issue date in the future', { passport: { issuedOn: '2026-11-23' } }, 'issuedOn'],
  ['a birth date of 31 February', { passport: { birthDate: '1980-02-31' } }, 'birthDate'],
  ['a birth date in 1899', { passport: { birthDate: '1899-12-31' } }, 'birthDate'],
  ['a birth date of a 10-year-old', { passport: { birthDate: '2016-01-01' } }, 'birthDate'],
  ['a department code of 5 digits', { passport: { departmentCode: '770-01' } }, 'departmentCode'],
  ['a department code with letters', { passport: { departmentCode: 'ABC-001' } }, 'departmentCode'],
  ['<script> in «issued by»', { passport: { issuedBy: 'ОВД <script>alert(1)</script>' } }, 'issuedBy'],
  ['HTML in «issued by»', { passport: { issuedBy: '<img src=x onerror=alert(1)>' } }, 'issuedBy'],
  ['an empty «issued by»', { passport: { issuedBy: '   ' } }, 'issuedBy'],
  ['«issued by» of 301 characters', { passport: { issuedBy: 'Отдел '.repeat(51) } }, 'issuedBy'],
  ['a 5,000-character surname', { holder: { surname: 'Иванов'.repeat(834).slice(0, 5000) } }, 'surname'],
  ['a surname of 61 letters', { holder: { surname: 'Щ'.repeat(61) } }, 'surname'],
  ['digits in the surname', { holder: { surname: 'Иван0в' } }, 'surname'],
  ['a Latin «a» in a Russian first name', { holder: { firstName: 'Ивaн' } }, 'firstName'],
  ['<script> as the patronymic', { holder: { patronymic: '<script>' } }, 'patronymic'],
  ['an empty first name', { holder: { firstName: '' } }, 'firstName'],
  ['an e-mail without a domain', { rest: { email: 'ivanov@' } }, 'email'],
  ['an e-mail without a dot in the domain', { rest: { email: 'ivanov@mail' } }, 'email'],
  ['an e-mail with two @', { rest: { email: 'ivanov@@mail.ru' } }, 'email'],
  ['a phone of 5 digits', { rest: { phone: '12345' } }, 'phone'],
  ['a phone with letters', { rest: { phone: '+7 978 ABC-45-67' } }, 'phone'],
  ['the e-mail as login, none given', { rest: { loginKind: 'email', email: null } }, 'email'],
  ['SMS without a phone', { rest: { notify: { email: false, sms: true } } }, 'phone'],
  ['an unknown login kind', { rest: { loginKind: 'phone' } }, 'loginKind'],
  ['an account id that is not one', { rest: { accountId: "1' OR '1'='1" } }, 'accountId'],
  ['a reason for a new owner of 2 characters', { rest: { addAsOwner: { reason: 'да' } } }, 'reason'],
  ['an extra key in the form', { rest: { role: 'administrator' } }, 'role'],
  ['an extra key in the passport', { passport: { series: '4506' } }, 'series'],
  ['an extra key in the name', { holder: { middleName: 'Иванович' } }, 'middleName'],
  [
    'an extra key in the notifications',
    { rest: { notify: { email: false, sms: false, push: true } } },
    'push',
  ],
]

describeEachDatabase('dispatch: cabinet', (getCtx) => {
  let holder: Holder
  // One operator's window for the refused forms (each sign-in costs a scrypt hash).
  let operator: Awaited<ReturnType<typeof signedInCall>>
  beforeAll(async () => {
    holder = await freshHolder(getCtx().db)
    operator = await signedInCall(getCtx())
  })

  it.each(BAD_INPUT)('refuses %s with VALIDATION at the field, saving nothing', async (_, patch, field) => {
    const { db } = operator.ctx
    const input = patched(registerInput(holder), patch)
    const before = await countAll(db, CABINET_TABLES)
    const result = await dispatch('cabinets:register', input, operator)
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: expect.any(String), fields: expect.any(Object) },
    })
    const { message, fields } = (result as { error: { message: string; fields: Record<string, string> } })
      .error
    expect(message).toMatch(/^Проверьте /)
    expect(message).not.toMatch(/\b(expected|invalid|received|required|unrecognized|must|string|object)\b/i)
    expect(Object.keys(fields)).toContain(field)
    for (const text of Object.values(fields)) {
      expect(text).toMatch(/[а-яё]{3}/i)
      expect(text).not.toMatch(/\b(expected|invalid|received|required|unrecognized|must)\b/i)
    }
    expect(await countAll(db, CABINET_TABLES)).toEqual(before)
  })

  it('reports every wrong field of the passport at once', async () => {
    const input = patched(registerInput(holder), {
      passport: { seriesNumber: '45 06 12', issuedOn: '1900-01-01', departmentCode: '7', issuedBy: '<b>' },
      holder: { surname: '1', firstName: '2' },
    })
    const result = await dispatch('cabinets:register', input, operator)
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Проверьте паспортные данные: ошибки отмечены у полей.',
        fields: {
          seriesNumber: expect.any(String),
          issuedOn: expect.stringMatching(/01\.10\.1997/),
          departmentCode: expect.any(String),
          issuedBy: expect.stringMatching(/«<»/),
          surname: expect.any(String),
          firstName: expect.any(String),
        },
      },
    })
  })

  it('refuses the other cabinet channels’ bad input at the field', async () => {
    const env = getCtx()
    const supervisor = await signedInCall(env, 'supervisor')
    const cases: Array<[string, unknown, string]> = [
      [
        'cabinets:reset',
        { accountId: holder.accountId, identity: { kind: 'stored', seriesNumber: 'x'.repeat(41) } },
        'seriesNumber',
      ],
      [
        'cabinets:reset',
        { accountId: holder.accountId, identity: { kind: 'guess', seriesNumber: '4506 123456' } },
        'kind',
      ],
      [
        'cabinets:reset',
        {
          accountId: holder.accountId,
          identity: {
            kind: 'document',
            passport: { ...validPassportFor(holder), issuedOn: '2010-02-31' },
            holder: { surname: 'А', firstName: 'Б' },
          },
        },
        'issuedOn',
      ],
      ['cabinets:attach', { accountId: 'nope', seriesNumber: '4506 123456' }, 'accountId'],
      ['cabinets:unblockReset', { accountId: holder.accountId, reason: ' ок ' }, 'reason'],
      ['cabinets:unblockReset', { accountId: holder.accountId, reason: 'я'.repeat(501) }, 'reason'],
    ]
    for (const [channel, input, field] of cases) {
      const before = await countAll(env.db, CABINET_TABLES)
      const result = await dispatch(channel, input, supervisor)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(Object.keys((result as { error: { fields: object } }).error.fields), channel).toContain(field)
      expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
    }
  })

  it('records a customer’s visits in the audit log, each entry queued for the office server', async () => {
    const env = getCtx()
    const operator = await signedInCall(env, 'operator')
    const supervisor = await signedInCall(env, 'supervisor')
    const admin = await signedInCall(env, 'administrator')
    const customer = await freshHolder(env.db)
    const form = registerInput(customer, {
      email: `visit.${customer.accountNumber}@mail.ru`,
      notify: { email: true, sms: false },
    })
    const ok = async (channel: Parameters<typeof dispatch>[0], input: unknown, call = operator) => {
      const result = await dispatch(channel, input, call)
      expect(result, String(channel)).toMatchObject({ ok: true })
      return (result as { data: unknown }).data
    }
    const refused = async (channel: Parameters<typeof dispatch>[0], input: unknown, code: string) => {
      expect(await dispatch(channel, input, operator), String(channel)).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    const workstation = env.settings.get().workstationId
    const start = (await auditActions(env.db, workstation)).length

    await ok('cabinets:register', form)
    await ok('accounts:search', { query: `паспорт ${form.passport.seriesNumber}` })
    await ok('cabinets:revealPassport', { personId: customer.personId })
    const other = await secondAccountOf(env.db, customer)
    await ok('cabinets:attach', { accountId: other.accountId, seriesNumber: form.passport.seriesNumber })
    const wrong = validPassportFor(customer).seriesNumber
    for (let i = 0; i < 3; i++) {
      env.clock.advance({ seconds: 30 })
      await refused(
        'cabinets:reset',
        { accountId: customer.accountId, identity: { kind: 'stored', seriesNumber: wrong } },
        'IDENTITY_MISMATCH',
      )
    }
    await refused(
      'cabinets:unblockReset',
      { accountId: customer.accountId, reason: 'Клиент с паспортом у окна' },
      'FORBIDDEN',
    )
    env.clock.advance({ minutes: 2 })
    await ok(
      'cabinets:unblockReset',
      { accountId: customer.accountId, reason: 'Клиент с паспортом у окна' },
      supervisor,
    )
    env.clock.advance({ minutes: 1 })
    const reset = (await ok('cabinets:reset', {
      accountId: other.accountId,
      identity: { kind: 'stored', seriesNumber: form.passport.seriesNumber },
    })) as { password: string; state: { accountNumbers: string[] } }
    expect(reset.state.accountNumbers).toEqual([customer.accountNumber, other.accountNumber].sort())

    const trail = (await auditTrail(env.db, workstation)).slice(start)
    expect(trail.map((e) => e.action)).toEqual([
      'passport.store',
      'consent.notifications',
      'cabinet.register',
      'passport.search',
      'passport.reveal',
      'cabinet.attach_account',
      'cabinet.identity_failed',
      'cabinet.identity_failed',
      'cabinet.identity_failed',
      'cabinet.reset_unblocked',
      'cabinet.password_reset',
    ])
    const masked = maskedOf(form.passport.seriesNumber)
    expect(
      trail.filter((e) => ['passport.store', 'passport.search', 'passport.reveal'].includes(e.action)),
    ).toEqual([
      expect.objectContaining({ clerkId: operator.clerk.id, details: { masked } }),
      expect.objectContaining({ clerkId: operator.clerk.id, details: { masked, found: true } }),
      expect.objectContaining({ clerkId: operator.clerk.id, details: { masked } }),
    ])
    expect(trail.find((e) => e.action === 'cabinet.reset_unblocked')?.clerkId).toBe(supervisor.clerk.id)
    expect(JSON.stringify(trail)).not.toContain(reset.password)

    expect(await auditWithoutOutbox(env.db, workstation)).toEqual([])
    expect(await dispatch('audit:verify', {}, admin)).toMatchObject({ ok: true, data: { intact: true } })
  })

  it('keeps the unblock for supervisors: an operator is refused before anything is written', async () => {
    const env = getCtx()
    const operator = await signedInCall(env)
    const before = await countAll(env.db, CABINET_TABLES)
    expect(
      await dispatch(
        'cabinets:unblockReset',
        { accountId: randomUUID(), reason: 'Клиент с паспортом' },
        operator,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await countAll(env.db, CABINET_TABLES)).toEqual(before)
  })
})
