// Taking readings at the counter: the form, the checks (each with its message), and accepting a
// set of readings with its audit entry, outbox rows and slip.
import { expect, it } from 'vitest'
import {
  checkReadings,
  postReadings,
  readingsForm,
  readingsHistory,
} from '../../../../src/main/services/billing/readings'
import type { ReadingsInput } from '../../../../src/shared/domain/billing'
import { OknoError } from '../../../../src/shared/ipc/envelope'
import { byService, freshMeteredAccount, typed } from '../../../helpers/billing'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { describeEachDatabase } from '../../../helpers/database'
import { countAll } from '../../../helpers/rows'

const TODAY = '2026-11-22'

describeEachDatabase('readings at the counter', (getCtx) => {
  async function setup(twoZone = true) {
    const env = getCtx()
    const accountId = await freshMeteredAccount(env.db, { twoZone })
    const form = await readingsForm(env.ctx, accountId)
    const { info: clerk } = await clerkOf(env.db)
    return { env, accountId, form, clerk }
  }
  const input = (accountId: string, entries: ReadingsInput['entries'], takenOn = TODAY): ReadingsInput => ({
    accountId,
    takenOn,
    source: 'office',
    entries,
  })

  it('lists every active meter with its previous reading, in the period of today (the window 15–25)', async () => {
    const { form } = await setup()
    expect(form.period).toBe('2026-11')
    expect(form.outsideWindow).toBe(false)
    expect(form.window).toEqual({ fromDay: 15, toDay: 25 })
    const electricity = byService(form.meters, 'electricity', 2)
    expect(electricity.previous?.period).toBe('2026-10')
    expect(electricity.previous?.valuesMilli).toHaveLength(2)
    expect(byService(form.meters, 'cold_water').fractionDigits).toBe(3)
  })

  it('accepts a two-zone electricity and water reading, audited, with outbox rows and a slip', async () => {
    const { env, accountId, form, clerk } = await setup()
    const electricity = byService(form.meters, 'electricity', 2)
    const water = byService(form.meters, 'cold_water')
    const before = await countAll(env.db, ['readings', 'outbox'])
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [
        { meterId: electricity.meterId, values: typed(electricity, [120, 55]) },
        { meterId: water.meterId, values: typed(water, 3.5) },
      ]),
    )
    expect(posted.period).toBe('2026-11')
    expect(posted.accepted.find((a) => a.meterId === electricity.meterId)?.consumptionMilli).toEqual([
      120_000, 55_000,
    ])
    expect(posted.accepted.find((a) => a.meterId === water.meterId)?.consumptionMilli).toEqual([3_500])
    const after = await countAll(env.db, ['readings', 'outbox'])
    expect(after.readings).toBe((before.readings ?? 0) + 2)
    expect(after.outbox).toBe((before.outbox ?? 0) + 3) // two readings and the audit entry
    const audit = (await env.db
      .knex('audit_log')
      .where({ action: 'readings.accept', object_id: accountId })
      .first()) as { details: string } | undefined
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ period: '2026-11', source: 'office' })
    const slipText = JSON.stringify(posted.slip)
    expect(slipText).toContain(electricity.serial)
    expect(slipText).toContain('Приём показаний')
  })

  it('refuses a value below the previous one unless the clerk confirms a rollover (99998 → 00003 = 5)', async () => {
    const { env, accountId, clerk } = await setup(false)
    const meterId = byService((await readingsForm(env.ctx, accountId)).meters, 'electricity', 1).meterId
    // The meter was read at two units below its drums' end in October.
    const capacity = Number(
      ((await env.db.knex('meters').where({ id: meterId }).first()) as { digit_capacity: number })
        .digit_capacity,
    )
    await env.db
      .knex('readings')
      .where({ meter_id: meterId, period: '2026-10', status: 'active' })
      .update({ zone1_milli: (10 ** capacity - 2) * 1000 })
    const below = ['00003']
    const check = await checkReadings(env.ctx, input(accountId, [{ meterId, values: below }]))
    expect(check.issues).toEqual([
      expect.objectContaining({ meterId, level: 'confirm', code: 'below_previous', confirm: 'rollover' }),
    ])
    const err = await refusal(postReadings(env.ctx, clerk, input(accountId, [{ meterId, values: below }])))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('перешёл через ноль')
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [{ meterId, values: below, confirm: { rollover: true } }]),
    )
    expect(posted.accepted[0]?.consumptionMilli).toEqual([5_000])
    const row = (await env.db.knex('readings').where({ id: posted.accepted[0]?.readingId }).first()) as {
      rollover: unknown
    }
    expect(Boolean(row.rollover)).toBe(true)
  })

  it('asks to confirm a consumption far above the usual, and flags the confirmed reading for review', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    const water = byService(form.meters, 'cold_water')
    expect(water.averageMilli).not.toBeNull()
    const huge = typed(water, ((water.averageMilli?.[0] ?? 0) / 1000) * 4 + 1)
    const check = await checkReadings(env.ctx, input(accountId, [{ meterId: water.meterId, values: huge }]))
    expect(check.issues.map((i) => i.code)).toEqual(['anomaly'])
    expect(check.issues[0]?.message).toMatch(/более чем в 3 раза выше обычного/)
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [{ meterId: water.meterId, values: huge, confirm: { anomaly: true } }]),
    )
    expect(posted.accepted[0]?.review).toBe(true)
    const row = (await env.db.knex('readings').where({ id: posted.accepted[0]?.readingId }).first()) as {
      review: unknown
    }
    expect(Boolean(row.review)).toBe(true)
  })

  it('replaces a reading of the same month only when confirmed, keeping both in history', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    const water = byService(form.meters, 'cold_water')
    await postReadings(
      env.ctx,
      clerk,
      input(accountId, [{ meterId: water.meterId, values: typed(water, 2) }]),
    )
    const again = input(accountId, [{ meterId: water.meterId, values: typed(water, 3) }])
    const check = await checkReadings(env.ctx, again)
    expect(check.issues.map((i) => i.code)).toEqual(['replace_existing'])
    await expect(postReadings(env.ctx, clerk, again)).rejects.toBeInstanceOf(OknoError)
    again.entries[0]!.confirm = { replaceExisting: true }
    await postReadings(env.ctx, clerk, again)
    const history = (await readingsHistory(env.ctx, accountId)).find((h) => h.meterId === water.meterId)
    const november = history?.points.filter((p) => p.period === '2026-11') ?? []
    expect(november.map((p) => p.status)).toEqual(['superseded', 'active'])
  })

  it('takes a reading outside the window for the next period, with a warning', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    env.clock.set('2026-11-27T07:00:00.000Z')
    const water = byService(form.meters, 'cold_water')
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [{ meterId: water.meterId, values: typed(water, 2) }], '2026-11-27'),
    )
    expect(posted.period).toBe('2026-12')
    expect(posted.warnings.join(' ')).toMatch(/вне окна приёма \(15–25 числа\).*декабрь 2026/)
  })

  it('stores a reading of a meter past its verification date but marks it not billable', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    const water = byService(form.meters, 'cold_water')
    await env.db.knex('meters').where({ id: water.meterId }).update({ next_verification_on: '2026-11-01' })
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [{ meterId: water.meterId, values: typed(water, 2) }]),
    )
    expect(posted.warnings.join(' ')).toMatch(/Срок поверки истёк 01\.11\.2026/)
    const row = (await env.db.knex('readings').where({ id: posted.accepted[0]?.readingId }).first()) as {
      billable: unknown
    }
    expect(Boolean(row.billable)).toBe(false)
  })

  it('records a meter replacement: the old meter leaves, the new one starts from its start reading', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    const electricity = byService(form.meters, 'electricity', 1)
    const posted = await postReadings(
      env.ctx,
      clerk,
      input(accountId, [
        {
          meterId: electricity.meterId,
          values: ['45'],
          replacement: {
            serial: 'NEW-0001',
            digitCapacity: 6,
            fractionDigits: 0,
            installedOn: '2026-11-10',
            nextVerificationOn: '2042-11-10',
            startValues: ['3'],
          },
        },
      ]),
    )
    expect(posted.accepted[0]?.consumptionMilli).toEqual([42_000])
    const old = (await env.db.knex('meters').where({ id: electricity.meterId }).first()) as {
      status: string
      replaced_by: string
    }
    expect(old.status).toBe('replaced')
    const fresh = (await env.db.knex('meters').where({ id: old.replaced_by }).first()) as {
      serial: string
      status: string
    }
    expect(fresh).toMatchObject({ serial: 'NEW-0001', status: 'active' })
    const form2 = await readingsForm(env.ctx, accountId)
    expect(form2.meters.map((m) => m.serial)).toContain('NEW-0001')
    expect(form2.meters.map((m) => m.meterId)).not.toContain(electricity.meterId)
  })

  it.each([
    ['a negative value', (v: string[]) => v.map(() => '-5'), /отрицательн|минус/i],
    ['a fraction on a meter without fractions', (v: string[]) => v.map((x) => `${x},5`), /дроб|знак/i],
    ['twelve digits on a smaller meter', (v: string[]) => v.map(() => '123456789012'), /цифр/i],
    ['letters', (v: string[]) => v.map(() => '12a45'), /цифр|букв/i],
  ])('refuses %s with a message and stores nothing', async (_name, mangle, message) => {
    const { env, accountId, form, clerk } = await setup(false)
    const electricity = byService(form.meters, 'electricity', 1)
    const bad = input(accountId, [{ meterId: electricity.meterId, values: mangle(typed(electricity, 5)) }])
    const before = await countAll(env.db, ['readings', 'audit_log', 'outbox'])
    const err = await refusal(postReadings(env.ctx, clerk, bad))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(message)
    expect(Object.keys(err.fields ?? {})).toContain(`${electricity.meterId}.0`)
    expect(await countAll(env.db, ['readings', 'audit_log', 'outbox'])).toEqual(before)
  })

  it('refuses a reading dated in the future and stores nothing', async () => {
    const { env, accountId, form, clerk } = await setup(false)
    const water = byService(form.meters, 'cold_water')
    const before = await countAll(env.db, ['readings'])
    const err = await refusal(
      postReadings(
        env.ctx,
        clerk,
        input(accountId, [{ meterId: water.meterId, values: typed(water, 2) }], '2026-11-23'),
      ),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/в будущем/)
    expect(await countAll(env.db, ['readings'])).toEqual(before)
  })
})
