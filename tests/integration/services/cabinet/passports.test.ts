// Passports at rest: nothing of the document or the one-time password in clear anywhere in the
// database, and a full view only through an audited reveal.
import { expect, it, vi } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { registerCabinet } from '../../../../src/main/services/cabinet/issue'
import { resetCabinetPassword } from '../../../../src/main/services/cabinet/reset'
import { revealPassport } from '../../../../src/main/services/cabinet/passports'
import { signedInCall } from '../../../helpers/calls'
import {
  asStored,
  clerkOf,
  databaseContents,
  freshHolder,
  maskedOf,
  newSeriesNumber,
  passportDigits,
  refusal,
  registerInput,
  validPassportFor,
} from '../../../helpers/cabinet'
import { makeContext } from '../../../helpers/context'
import { describeEachDatabase } from '../../../helpers/database'
import { auditTrail, countAll } from '../../../helpers/rows'

// The first test reads the whole demo database (a year of history) twice and searches it; the
// limit guards against a hang, far above what a busy two-core machine takes.
vi.setConfig({ testTimeout: 300_000 })

describeEachDatabase('passports at rest', (getCtx) => {
  it('keeps no passport number, issuing office or one-time password in clear in the database', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const before = await databaseContents(env)
    const issuedBy = 'Отделением УФМС России по Республике Крым в Бахчисарайском районе'
    expect(before.includes(asStored(issuedBy))).toBe(false)
    // A number that the seeded data does not happen to contain already (account numbers, phones).
    const seriesNumber = newSeriesNumber(before)
    const input = registerInput(holder, {
      passport: validPassportFor(holder, { seriesNumber, issuedBy, departmentCode: '910-003' }),
    })
    const issued = await registerCabinet(env.ctx, clerk, input)
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: { kind: 'stored', seriesNumber },
    })

    const after = await databaseContents(env)
    // The new rows are in what was read: the masked passport and the login are.
    expect(after.includes(asStored(maskedOf(seriesNumber)))).toBe(true)
    expect(after.length).toBeGreaterThan(before.length)
    const { series, number } = passportDigits(seriesNumber)
    const secrets = {
      'series and number': `${series}${number}`,
      'series and number as typed': seriesNumber,
      'series and number as printed': `${series.slice(0, 2)} ${series.slice(2)} ${number}`,
      number,
      'issued by': issuedBy,
      'registration password': issued.password,
      'reset password': reset.password,
    }
    for (const [what, secret] of Object.entries(secrets)) {
      expect(after.includes(asStored(secret)), `${what} «${secret}» in clear`).toBe(false)
    }
  })

  it('writes no one-time password and no passport number to the audit log or the outbox', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder, { notify: { email: true, sms: false }, email: 'lk.test@example.ru' })
    const issued = await registerCabinet(env.ctx, clerk, input)
    const reset = await resetCabinetPassword(env.ctx, clerk, {
      accountId: holder.accountId,
      identity: { kind: 'stored', seriesNumber: input.passport.seriesNumber },
    })
    const { series, number } = passportDigits(input.passport.seriesNumber)
    const rows = [
      ...((await env.db.knex('audit_log').select('*')) as unknown[]),
      ...((await env.db.knex('outbox').select('*')) as unknown[]),
    ]
    const text = JSON.stringify(rows)
    expect(text).toContain(maskedOf(input.passport.seriesNumber))
    for (const secret of [
      issued.password,
      reset.password,
      `${series}${number}`,
      number,
      input.passport.issuedBy,
    ]) {
      expect(text.includes(secret), secret).toBe(false)
    }
    // The passport travels to the office server sealed, with its HMAC.
    const doc = await env.db.knex('person_documents').where({ person_id: holder.personId }).first()
    const queued = await env.db
      .knex('outbox')
      .where({ entity: 'person_documents', entity_id: doc.id })
      .first()
    expect(JSON.parse(queued.payload)).toMatchObject({
      sealed: doc.sealed,
      number_hmac: doc.number_hmac,
      masked: maskedOf(input.passport.seriesNumber),
    })
  })

  it('reveals the full passport through dispatch, and audits the reveal', async () => {
    const env = getCtx()
    const call = await signedInCall(env)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    const registered = await dispatch('cabinets:register', input, call)
    expect(registered).toMatchObject({ ok: true })

    const result = await dispatch('cabinets:revealPassport', { personId: holder.personId }, call)
    const { series, number } = passportDigits(input.passport.seriesNumber)
    expect(result).toEqual({
      ok: true,
      data: {
        personId: holder.personId,
        seriesNumber: `${series.slice(0, 2)} ${series.slice(2)} ${number}`,
        issuedOn: input.passport.issuedOn,
        issuedBy: input.passport.issuedBy,
        departmentCode: '770-001',
        birthDate: holder.birthDate,
        holderName: [holder.surname, holder.firstName, holder.patronymic].filter(Boolean).join(' '),
      },
    })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    const reveal = trail.at(-1)
    expect(reveal).toEqual(
      expect.objectContaining({
        action: 'passport.reveal',
        clerkId: call.clerk.id,
        objectType: 'person',
        objectId: holder.personId,
        details: { masked: maskedOf(input.passport.seriesNumber) },
      }),
    )
    expect(JSON.stringify(trail)).not.toContain(number)
  })

  it('answers NOT_FOUND for a person without a passport on file, auditing nothing', async () => {
    const env = getCtx()
    const call = await signedInCall(env)
    const holder = await freshHolder(env.db)
    const before = await countAll(env.db, ['audit_log', 'outbox'])
    expect(await dispatch('cabinets:revealPassport', { personId: holder.personId }, call)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/не записан/) },
    })
    expect(await countAll(env.db, ['audit_log', 'outbox'])).toEqual(before)
  })

  it('cannot reveal a passport sealed under another workstation’s key', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    await registerCabinet(env.ctx, clerk, registerInput(holder))
    const elsewhere = makeContext(env.db)
    const err = await refusal(revealPassport(elsewhere.ctx, clerk.id, holder.personId))
    expect(err.code).toBe('UNAVAILABLE')
    expect(err.message).toMatch(/другим ключом/)
  })
})
