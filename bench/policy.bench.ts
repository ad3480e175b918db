// node --import tsx bench/policy.bench.ts [--payments P] [--accounts N]: the office server's write
// policy on its own. A PostgreSQL office (OKNO_BENCH_PG_URL or OKNO_TEST_PG_URL; a database made
// for the run and dropped after it) with a demo of N accounts (default 2,000), one desk that
// downloaded it and posted P payments (default 5,000) through postPayment; the desk's outbox is
// then checked by checkChanges in pushes of the worker's batch size, each applied and committed
// as the server's push does. Reported: payments per second checked alone, and checked + applied,
// against the issue's ≥ 1,000 payments/s through the server.
import { mkdtempSync, rmSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { memorySettings } from '../src/main/config/settings'
import { openDb } from '../src/main/db/connection'
import { migrateToLatest } from '../src/main/db/migrate'
import { unsentChanges } from '../src/main/db/repositories/outbox'
import { seedDemo } from '../src/main/demo/build'
import { checkChanges, type DeskIdentity } from '../src/main/server/policy'
import { paymentDraft, postPayment } from '../src/main/services/cash/payments'
import { openShift } from '../src/main/services/cash/shifts'
import { shiftedClock, type ServiceContext } from '../src/main/services/core/context'
import { applyChanges } from '../src/main/sync/apply'
import { initialDownload } from '../src/main/sync/download'
import { openServer } from '../src/main/sync/server'
import { DEFAULT_BATCH } from '../src/main/sync/worker'
import { allocatePayment } from '../src/shared/cash/allocation'
import type { PaymentDraft } from '../src/shared/domain/cash'
import type { Change } from '../src/shared/domain/sync'
import { plainAmount } from '../src/shared/money'
import { adminQuery, withDatabase } from '../tests/helpers/pg-admin'
import { benchContext, demoOperator } from './lib/context'
import { fmt, rss } from './lib/report'

const TARGET_PAYMENTS_PER_SECOND = 1_000
const AS_OF = '2026-11-22'

const { values } = parseArgs({
  options: { payments: { type: 'string', default: '5000' }, accounts: { type: 'string', default: '2000' } },
})
const PAYMENTS = Number(values.payments)
const ACCOUNTS = Number(values.accounts)
const url = process.env.OKNO_BENCH_PG_URL || process.env.OKNO_TEST_PG_URL
if (!url) throw new Error('Укажите сервер PostgreSQL: OKNO_BENCH_PG_URL или OKNO_TEST_PG_URL')
const seconds = (since: number): number => (performance.now() - since) / 1000

async function drafts(ctx: ServiceContext): Promise<PaymentDraft[]> {
  const rows = (await ctx.db.knex('accounts').where({ status: 'open' }).limit(400).select('id')) as Array<{
    id: string
  }>
  const pool: PaymentDraft[] = []
  for (const r of rows) {
    const draft = await paymentDraft(ctx, r.id)
    if (draft.debts.length > 0) pool.push(draft)
  }
  return pool
}

async function main(): Promise<void> {
  const name = `okno_policy_bench_${process.pid}`
  await adminQuery(url as string, `CREATE DATABASE ${name}`)
  const server = openServer(withDatabase(url as string, name))
  const dir = mkdtempSync(join(tmpdir(), 'okno-policy-bench-'))
  const local = openDb({ client: 'sqlite', filename: join(dir, 'desk.sqlite') })
  try {
    await migrateToLatest(server.knex)
    await seedDemo(server, { accounts: ACCOUNTS, asOf: AS_OF, seed: 20261207 })
    await migrateToLatest(local.knex)
    await initialDownload(local, server, () => {})
    const office = (await server.knex('offices').orderBy('code').first('id')) as { id: string }
    const desk: DeskIdentity = {
      deskId: randomUUID(),
      workstationId: randomUUID(),
      officeId: office.id,
      counterId: randomUUID(),
      counterNumber: 99,
    }
    const clerk = await demoOperator(local)
    const ctx: ServiceContext = {
      ...benchContext(local, shiftedClock(new Date(`${AS_OF}T07:00:00.000Z`))),
      settings: memorySettings({ workstationId: desk.workstationId, officeId: office.id, counterNumber: 99 }),
      actorId: clerk.id,
    }
    const clerks = new Map([[clerk.id, { id: clerk.id, role: clerk.role, officeId: null }]])
    await openShift(ctx, clerk, { float: '1000' })
    const pool = await drafts(ctx)
    console.log(`Офис ${fmt(ACCOUNTS)} счетов; ${fmt(PAYMENTS)} оплат на рабочем месте…`)
    for (let i = 0; i < PAYMENTS; i++) {
      const draft = pool[i % pool.length] as PaymentDraft
      const amount = 10_000 + (i % 50) * 100
      await postPayment(ctx, clerk, {
        idempotencyKey: randomUUID(),
        accountId: draft.accountId,
        amount: plainAmount(amount),
        tendered: plainAmount(amount),
        allocations: allocatePayment(draft.debts, amount),
        payerName: draft.payerName,
        period: draft.period,
      })
    }
    const changes = await unsentChanges(local.knex, Number.MAX_SAFE_INTEGER)
    let checking = 0
    let refused = 0
    const started = performance.now()
    for (let i = 0; i < changes.length; i += DEFAULT_BATCH) {
      const batch: Change[] = changes.slice(i, i + DEFAULT_BATCH)
      await server.knex.transaction(async (trx) => {
        const t = performance.now()
        const verdicts = await checkChanges(trx, desk, clerks, batch)
        checking += seconds(t)
        refused += verdicts.filter((v) => !v.ok).length
        await applyChanges(trx, batch)
      })
    }
    const total = seconds(started)
    if (refused > 0) throw new Error(`Политика отказала ${refused} изменениям верного рабочего места`)
    const perPayment = changes.length / PAYMENTS
    console.log(
      `Изменений: ${fmt(changes.length)} (${fmt(perPayment, 1)} на оплату), пачки по ${DEFAULT_BATCH}`,
    )
    console.log(
      `Проверка (checkChanges): ${fmt(checking, 2)} с — ${fmt(PAYMENTS / checking)} оплат/с, ${fmt(changes.length / checking)} изменений/с`,
    )
    console.log(
      `Проверка + применение с фиксацией: ${fmt(total, 2)} с — ${fmt(PAYMENTS / total)} оплат/с (цель ≥ ${fmt(TARGET_PAYMENTS_PER_SECOND)}) ${PAYMENTS / total >= TARGET_PAYMENTS_PER_SECOND ? 'OK' : 'МЕДЛЕННО'}`,
    )
    console.log(`Память процесса: ${rss()}`)
  } finally {
    await local.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
    await adminQuery(url as string, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
