// The monthly charge run over the demo database: idempotent, lines adding up to charges, the
// basis following the readings, and the balance moving with the charges.
import { expect, it } from 'vitest'
import { accountBalance, accountStatement, monthDetail } from '../../../../src/main/services/billing/balances'
import { runCharges } from '../../../../src/main/services/billing/charge-run'
import { postReadings, readingsForm } from '../../../../src/main/services/billing/readings'
import { byService, freshMeteredAccount, typed } from '../../../helpers/billing'
import { clerkOf, refusal } from '../../../helpers/cabinet'
import { describeEachDatabase } from '../../../helpers/database'
import { countAll } from '../../../helpers/rows'

async function totals(env: { db: { knex: import('knex').Knex } }, period: string) {
  const charges = (await env.db
    .knex('charges')
    .where({ period })
    .sum({ s: 'amount_kopecks' })
    .count({ n: '*' })
    .first()) as {
    s: number | string
    n: number | string
  }
  const lines = (await env.db
    .knex('charge_lines')
    .where({ period })
    .sum({ s: 'amount_kopecks' })
    .first()) as {
    s: number | string
  }
  return { charges: Number(charges.s), count: Number(charges.n), lines: Number(lines.s) }
}

describeEachDatabase('the charge run', (getCtx) => {
  it('reproduces October: the demo holds what a run computes, and a run from nothing writes the same sums', async () => {
    const env = getCtx()
    const open = Number(
      ((await env.db.knex('accounts').where('status', 'open').count({ n: '*' }).first()) as { n: number }).n,
    )
    // The demo's history was charged by the same engine: a run over it finds nothing to change.
    const stored = await totals(env, '2026-10')
    expect(stored.count).toBeGreaterThan(open * 4)
    const over = await runCharges(env.ctx, '2026-10', null)
    expect(over.accounts).toBe(open)
    expect(over.changed).toBe(0)
    expect(over.totalKopecks).toBe(stored.charges)

    // From nothing: every account-service written, the same sums, lines adding up to charges.
    await env.db.knex('charge_lines').where({ period: '2026-10' }).delete()
    await env.db.knex('charges').where({ period: '2026-10' }).delete()
    const first = await runCharges(env.ctx, '2026-10', null)
    expect(first.changed).toBe(stored.count)
    const sums = await totals(env, '2026-10')
    expect(sums).toEqual(stored)
    expect(sums.lines).toBe(sums.charges)
    expect(first.totalKopecks).toBe(sums.charges)

    const again = await runCharges(env.ctx, '2026-10', null)
    expect(again.changed).toBe(0)
    expect(again.totalKopecks).toBe(first.totalKopecks)
    expect(await totals(env, '2026-10')).toEqual(sums)
    const audit = await env.db
      .knex('audit_log')
      .where({ action: 'charges.run', object_id: '2026-10' })
      .count({ n: '*' })
      .first()
    expect(Number((audit as { n: number }).n)).toBe(3)
  })

  it('bills a read meter by reading, an unread one by average, and the debt grows by the charges', async () => {
    const env = getCtx()
    const accountId = await freshMeteredAccount(env.db, { twoZone: true })
    const form = await readingsForm(env.ctx, accountId)
    const electricity = byService(form.meters, 'electricity', 2)
    const { info: clerk } = await clerkOf(env.db)
    await postReadings(env.ctx, clerk, {
      accountId,
      takenOn: '2026-11-22',
      source: 'office',
      entries: [{ meterId: electricity.meterId, values: typed(electricity, [120, 55]) }],
    })
    const before = await accountBalance(env.ctx, accountId)
    await runCharges(env.ctx, '2026-11', null)
    const detail = await monthDetail(env.ctx, accountId, '2026-11')
    const lines = detail.lines.filter((l) => l.serviceCode === 'electricity' && l.kind === 'reading')
    expect(lines.map((l) => l.volumeMilli)).toEqual([120_000, 55_000])
    // Day and night at the July 2026 tariffs: 120 × 5.88 ₽ and 55 × 2.61 ₽.
    expect(lines.map((l) => l.amountKopecks)).toEqual([
      120 * lines[0]!.priceKopecks,
      55 * lines[1]!.priceKopecks,
    ])
    const water = detail.services.find((s) => s.serviceCode === 'cold_water')
    expect(water?.basis).toBe('average')
    expect(detail.totalKopecks).toBe(detail.lines.reduce((a, l) => a + l.amountKopecks, 0))
    const after = await accountBalance(env.ctx, accountId)
    expect(after.totalKopecks - before.totalKopecks).toBe(detail.totalKopecks)
    const statement = await accountStatement(env.ctx, accountId, '2026-11', '2026-11')
    expect(statement.months[0]?.chargedKopecks).toBe(detail.totalKopecks)
  })

  it('refuses a period that has not come yet', async () => {
    const env = getCtx()
    const err = await refusal(runCharges(env.ctx, '2027-01', null))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/январь 2027.*не наступил/)
  })

  it('refuses a month before every tariff and norm, naming the service and month, and writes nothing', async () => {
    const env = getCtx()
    const tables = ['charge_runs', 'charges', 'charge_lines', 'audit_log', 'outbox']
    const before = await countAll(env.db, tables)
    const err = await refusal(runCharges(env.ctx, '2000-01', null))
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/^Расчёт остановлен: нет (тарифа|норматива) услуги «.+» на январь 2000/i)
    expect(await countAll(env.db, tables)).toEqual(before)
  })

  it('writes nothing, not even its run, when the engine stops on the first chunk', async () => {
    const env = getCtx()
    // October's reading of a meter in the first chunk, set below the one before it: no rollover
    // confirmed, so the engine refuses the account.
    const reading = (await env.db
      .knex('readings as r')
      .join('accounts as a', 'a.id', 'r.account_id')
      .join('meters as m', 'm.id', 'r.meter_id')
      .where({ 'a.status': 'open', 'm.status': 'active', 'm.zones': 1, 'r.period': '2026-10' })
      .where({ 'r.status': 'active', 'r.kind': 'regular' })
      .whereExists((q) =>
        q
          .select('*')
          .from('readings as p')
          .whereRaw('p.meter_id = r.meter_id')
          .where('p.period', '<', '2026-10')
          .where({ 'p.status': 'active' })
          .where('p.zone1_milli', '>', 0),
      )
      .orderBy('a.id')
      .first('r.id', 'r.zone1_milli')) as { id: string; zone1_milli: number | string }
    await env.db.knex('readings').where({ id: reading.id }).update({ zone1_milli: 0, rollover: false })
    try {
      const tables = ['charge_runs', 'charges', 'charge_lines', 'audit_log', 'outbox']
      const before = await countAll(env.db, tables)
      const err = await refusal(runCharges(env.ctx, '2026-10', null))
      expect(err.message).toMatch(/^Расчёт остановлен: Показание прибора .* меньше предыдущего/)
      expect(await countAll(env.db, tables)).toEqual(before)
    } finally {
      await env.db.knex('readings').where({ id: reading.id }).update({ zone1_milli: reading.zone1_milli })
    }
  })
})
