// Finding accounts by a passport on file («паспорт 4506 123456»): by keyed hash, every lookup
// audited with the number masked.
import { expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { registerCabinet } from '../../../../src/main/services/cabinet/issue'
import { searchAccounts } from '../../../../src/main/services/accounts/accounts'
import { signedInCall } from '../../../helpers/calls'
import {
  clerkOf,
  freshHolder,
  maskedOf,
  newSeriesNumber,
  passportDigits,
  registerInput,
  secondAccountOf,
} from '../../../helpers/cabinet'
import { makeContext } from '../../../helpers/context'
import { describeEachDatabase } from '../../../helpers/database'
import { auditTrail } from '../../../helpers/rows'

describeEachDatabase('account search by passport', (getCtx) => {
  it('finds every account of the passport holder, matched by passport, and audits the lookup masked', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    await registerCabinet(env.ctx, clerk, input)
    const other = await secondAccountOf(env.db, holder)
    const { series, number } = passportDigits(input.passport.seriesNumber)

    const result = await searchAccounts(env.ctx, `паспорт ${series} ${number}`, clerk.id)
    expect(result.more).toBe(false)
    expect(result.items.map((h) => h.number)).toEqual([holder.accountNumber, other.accountNumber].sort())
    for (const hit of result.items) {
      expect(hit).toMatchObject({
        matchedBy: 'passport',
        personName: [holder.surname, holder.firstName, holder.patronymic].filter(Boolean).join(' '),
      })
    }
    expect(result.items.find((h) => h.accountId === other.accountId)?.personRole).toBe('owner')

    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toEqual(
      expect.objectContaining({
        action: 'passport.search',
        clerkId: clerk.id,
        objectType: 'person',
        objectId: holder.personId,
        details: { masked: maskedOf(input.passport.seriesNumber), found: true },
      }),
    )
    expect(JSON.stringify(trail)).not.toContain(number)
  })

  it('reads the passport however the clerk types it', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    await registerCabinet(env.ctx, clerk, input)
    const { series, number } = passportDigits(input.passport.seriesNumber)
    for (const query of [
      `паспорт ${series}${number}`,
      `Паспорт ${series.slice(0, 2)} ${series.slice(2)} ${number}`,
      `паспорт ${series.slice(0, 2)}-${series.slice(2)}-${number}`,
      `  ПАСПОРТ  ${series}   ${number} `,
    ]) {
      const result = await searchAccounts(env.ctx, query, clerk.id)
      expect(
        result.items.map((h) => h.accountId),
        query,
      ).toEqual([holder.accountId])
    }
  })

  it('finds nothing for a passport not on file, and audits the lookup as not found', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const seriesNumber = newSeriesNumber()
    const result = await searchAccounts(env.ctx, `паспорт ${seriesNumber}`, clerk.id)
    expect(result).toEqual({ items: [], more: false })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'passport.search',
        clerkId: clerk.id,
        objectId: null,
        details: { masked: maskedOf(seriesNumber), found: false },
      }),
    ])
  })

  it('searches by passport through dispatch for the signed-in clerk', async () => {
    const env = getCtx()
    const call = await signedInCall(env)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    expect(await dispatch('cabinets:register', input, call)).toMatchObject({ ok: true })
    const result = await dispatch(
      'accounts:search',
      { query: `паспорт ${input.passport.seriesNumber}` },
      call,
    )
    expect(result).toMatchObject({
      ok: true,
      data: { items: [{ accountId: holder.accountId, matchedBy: 'passport' }], more: false },
    })
    const trail = await auditTrail(env.db, env.settings.get().workstationId)
    expect(trail.at(-1)).toMatchObject({ action: 'passport.search', clerkId: call.clerk.id })
  })

  it('does not look up a passport under another workstation’s key', async () => {
    const env = getCtx()
    const { info: clerk } = await clerkOf(env.db)
    const holder = await freshHolder(env.db)
    const input = registerInput(holder)
    await registerCabinet(env.ctx, clerk, input)
    // The same number is not found here by an unrelated key: the HMAC is keyed, not a plain hash.
    const elsewhere = makeContext(env.db)
    const result = await searchAccounts(elsewhere.ctx, `паспорт ${input.passport.seriesNumber}`, clerk.id)
    expect(result.items).toEqual([])
  })
})
