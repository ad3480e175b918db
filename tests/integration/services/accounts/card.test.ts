import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { getAccountCard } from '../../../../src/main/services/accounts/accounts'
import { addDays } from '../../../../src/shared/dates'
import { OknoError } from '../../../../src/shared/ipc/envelope'
import { describeEachDatabase } from '../../../helpers/database'

interface PersonLink {
  person_id: string
  owner: boolean | number
  registered: boolean | number
  share: string | null
}

describeEachDatabase('account card', (getCtx) => {
  // An account with an owner and someone who is not an owner, and at least three meters.
  let accountId: string
  beforeAll(async () => {
    const { db } = getCtx()
    const row = (await db
      .knex('accounts as a')
      .whereExists(db.knex('account_persons as ap').whereRaw('ap.account_id = a.id').whereRaw('NOT ap.owner'))
      .whereRaw('(SELECT count(*) FROM meters m WHERE m.account_id = a.id) >= 3')
      .orderBy('a.number')
      .select('a.id')
      .first()) as { id: string }
    accountId = row.id
  })

  it('shows the account, its address and office', async () => {
    const { ctx, db } = getCtx()
    const card = await getAccountCard(ctx, accountId)
    const account = (await db.knex('accounts').where({ id: accountId }).first()) as Record<string, unknown>
    expect(card).toMatchObject({
      id: accountId,
      number: account.number,
      status: account.status,
      areaCentiSqm: Number(account.area_centi_sqm),
      openedOn: account.opened_on,
    })
    expect(card.address.full).toMatch(/^г\. (Севастополь|Балаклава), .+, д\. \S+(, кв\. \d+)?$/)
    expect(card.address.full).toContain(card.address.street)
    expect(card.office?.id).toBe(account.office_id)
    expect(card.office?.name).toMatch(/районное отделение$/)
  })

  it('lists owners first, with shares and registration as recorded', async () => {
    const { ctx, db } = getCtx()
    const card = await getAccountCard(ctx, accountId)
    const links = (await db.knex('account_persons').where({ account_id: accountId })) as PersonLink[]
    expect(card.persons.map((p) => p.id).sort()).toEqual(links.map((l) => l.person_id).sort())
    for (const p of card.persons) {
      const link = links.find((l) => l.person_id === p.id)!
      expect(p.owner).toBe(Boolean(link.owner))
      expect(p.registered).toBe(Boolean(link.registered))
      expect(p.share).toBe(link.share)
    }
    const owners = card.persons.filter((p) => p.owner).length
    expect(owners).toBeGreaterThan(0)
    expect(card.persons.slice(0, owners).every((p) => p.owner)).toBe(true)
    expect(card.persons.slice(owners).some((p) => p.owner)).toBe(false)
    expect(card.persons.length).toBeGreaterThan(owners)
    expect(card.registeredCount).toBe(links.filter((l) => Boolean(l.registered)).length)
  })

  it('judges meter verification against today in the organisation’s time zone', async () => {
    const env = getCtx()
    // 00:30 on 22 November in Sevastopol, still 21 November in UTC.
    env.clock.set('2026-11-21T21:30:00.000Z')
    const today = '2026-11-22'
    const meters = (await env.db
      .knex('meters')
      .where({ account_id: accountId })
      .orderBy('id')
      .select('id')) as Array<{ id: string }>
    const due: Record<string, string> = {
      [meters[0]!.id]: addDays(today, -1),
      [meters[1]!.id]: addDays(today, 30),
      [meters[2]!.id]: addDays(today, 365),
    }
    for (const [id, date] of Object.entries(due)) {
      await env.db.knex('meters').where({ id }).update({ next_verification_on: date, status: 'active' })
    }
    const card = await getAccountCard(env.ctx, accountId)
    const view = (id: string) => card.meters.find((m) => m.id === id)!
    expect(view(meters[0]!.id)).toMatchObject({
      verification: 'lapsed',
      daysToVerification: -1,
      nextVerificationOn: '2026-11-21',
    })
    expect(view(meters[1]!.id)).toMatchObject({ verification: 'soon', daysToVerification: 30 })
    expect(view(meters[2]!.id)).toMatchObject({ verification: 'ok', daysToVerification: 365 })
  })

  it('does not warn about a meter that is no longer in service', async () => {
    const env = getCtx()
    const meter = (await env.db.knex('meters').where({ account_id: accountId }).orderBy('id').first()) as {
      id: string
    }
    await env.db
      .knex('meters')
      .where({ id: meter.id })
      .update({ next_verification_on: '2020-01-01', status: 'replaced' })
    const card = await getAccountCard(env.ctx, accountId)
    expect(card.meters.find((m) => m.id === meter.id)).toMatchObject({
      status: 'replaced',
      verification: 'ok',
    })
  })

  it('shows each meter’s service, zones and capacity', async () => {
    const { ctx } = getCtx()
    const card = await getAccountCard(ctx, accountId)
    expect(card.meters.length).toBeGreaterThanOrEqual(3)
    for (const m of card.meters) {
      expect([1, 2]).toContain(m.zones)
      expect(m.digitCapacity).toBeGreaterThanOrEqual(4)
      expect(m.serviceName).not.toBe('')
      if (m.zones === 2) expect(m.serviceCode).toBe('electricity')
    }
  })

  it('answers NOT_FOUND for an unknown account', async () => {
    const err = await getAccountCard(getCtx().ctx, randomUUID()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(OknoError)
    expect(err).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^Лицевой счёт не найден/),
    })
  })
})
