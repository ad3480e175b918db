// npm run bench:readings -- [--accounts N] [--history-months M] [--posts N] [--seed S]
// Posting one set of readings (postReadings: the checks, the write transaction with its audit
// and outbox rows, the slip) for --posts different accounts of the bench database, as a clerk
// would: each meter a plausible month or more on from its latest reading, taken inside the
// window of the as-of month. Prints p50/p95/max against p95 ≤ 10 ms, then removes what it
// posted so the next run finds the same database.
import { openDb } from '../src/main/db/connection'
import { Random } from '../src/main/demo/random'
import { checkReadings, postReadings, readingsForm } from '../src/main/services/billing/readings'
import type { ServiceContext } from '../src/main/services/core/context'
import { periodsBetween } from '../src/shared/billing/period'
import type { ReadingEntry, ReadingsInput } from '../src/shared/domain/billing'
import { benchArgs } from './lib/args'
import { BenchClock, benchContext, demoOperator } from './lib/context'
import { benchPeriods, ensureBenchDatabase } from './lib/database'
import { fmt, percentile, rss } from './lib/report'

const TARGET_P95_MS = 10
const WARM_UP = 20
/** A month's use where a meter has no average yet, per service (milli-units). */
const TYPICAL_MONTH: Record<string, number> = {
  electricity: 180_000,
  cold_water: 5_000,
  hot_water: 3_000,
  gas: 12_000,
}

const args = benchArgs()

/** Milli-units as typed at the counter: '12345' or '12345.678'. */
function typed(milli: number, fractionDigits: number): string {
  const integer = String(Math.floor(milli / 1000))
  if (fractionDigits === 0) return integer
  return `${integer}.${String(milli % 1000)
    .padStart(3, '0')
    .slice(0, fractionDigits)}`
}

/**
 * One account's readings, or null when the account does not suit (no meters read before, or
 * already read this month): every active meter read, with the confirmations the checks ask
 * for (a rollover, an anomaly after a long gap) given as a clerk would.
 */
async function prepare(
  ctx: ServiceContext,
  random: Random,
  accountId: string,
  takenOn: string,
): Promise<ReadingsInput | null> {
  const form = await readingsForm(ctx, accountId)
  if (form.meters.length === 0 || form.meters.some((m) => m.current !== null)) return null
  const entries: ReadingEntry[] = []
  for (const m of form.meters) {
    if (!m.previous) continue
    const months = Math.max(1, periodsBetween(m.previous.period, form.period))
    const capacity = 10 ** m.digitCapacity * 1000
    const step = 10 ** (3 - m.fractionDigits)
    let rollover = false
    const values = m.previous.valuesMilli.map((previous, zone) => {
      const month = m.averageMilli?.[zone] ?? (TYPICAL_MONTH[m.serviceCode] ?? 1000) / m.zones
      const use = Math.round((month * months * (0.8 + 0.4 * (random.next() / 2 ** 32))) / step) * step
      let value = previous + use
      if (value >= capacity) {
        value -= capacity
        rollover = true
      }
      return typed(value, m.fractionDigits)
    })
    entries.push({ meterId: m.meterId, values, ...(rollover ? { confirm: { rollover: true } } : {}) })
  }
  if (entries.length === 0) return null
  const input: ReadingsInput = { accountId, takenOn, source: 'office', entries }
  const check = await checkReadings(ctx, input)
  if (check.issues.some((i) => i.level === 'error')) return null
  for (const issue of check.issues) {
    if (issue.level !== 'confirm' || !issue.confirm) continue
    const entry = entries.find((e) => e.meterId === issue.meterId)
    if (entry) entry.confirm = { ...entry.confirm, [issue.confirm]: true }
  }
  return input
}

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  const db = openDb({ client: 'sqlite', filename: dbPath })
  const posted: string[] = []
  try {
    const { current } = await benchPeriods(db)
    const takenOn = `${current}-20`
    const ctx = benchContext(db, new BenchClock(Date.parse(`${takenOn}T07:00:00.000Z`)))
    const clerk = await demoOperator(db)

    // The inputs: random open accounts (seeded), each prepared outside the measurement.
    const random = new Random(args.seed)
    const [{ m: maxRowid }] = (await db.knex.raw('SELECT max(rowid) AS m FROM accounts')) as [{ m: number }]
    const inputs: ReadingsInput[] = []
    const seen = new Set<number>()
    let skipped = 0
    while (inputs.length < WARM_UP + args.posts) {
      if (seen.size > (WARM_UP + args.posts) * 20) throw new Error('Не набрать счетов для показаний')
      const rowid = random.int(1, maxRowid)
      if (seen.has(rowid)) continue
      seen.add(rowid)
      const [account] = (await db.knex.raw(`SELECT id FROM accounts WHERE rowid = ? AND status = 'open'`, [
        rowid,
      ])) as Array<{ id: string }>
      const input = account ? await prepare(ctx, random, account.id, takenOn) : null
      if (input) inputs.push(input)
      else skipped++
    }

    console.log(
      `\nПриём показаний (postReadings): ${args.posts} счетов после ${WARM_UP} на разогрев, ` +
        `дата ${takenOn}, пропущено неподходящих счетов: ${skipped}`,
    )
    const times: number[] = []
    let meters = 0
    let review = 0
    for (const [i, input] of inputs.entries()) {
      const started = performance.now()
      const result = await postReadings(ctx, clerk, input)
      const elapsed = performance.now() - started
      for (const a of result.accepted) posted.push(a.readingId)
      if (i < WARM_UP) continue
      times.push(elapsed)
      meters += result.accepted.length
      review += result.accepted.filter((a) => a.review).length
    }
    times.sort((a, b) => a - b)
    const p95 = percentile(times, 95)
    console.log(
      `${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}  приборов на счёт  норма p95 ≤ ${TARGET_P95_MS} мс`,
    )
    console.log(
      `${fmt(percentile(times, 50), 2).padStart(8)} ${fmt(p95, 2).padStart(8)} ${fmt(times.at(-1) as number, 2).padStart(8)}  ` +
        `${fmt(meters / times.length, 1).padStart(16)}  ${p95 <= TARGET_P95_MS ? 'в норме' : 'ВЫШЕ НОРМЫ'}`,
    )
    console.log(`На проверку (аномалия) отмечено показаний: ${review}; память процесса (RSS): ${rss()}`)
  } finally {
    // Take back what was posted (the audit entries stay: the log is append-only).
    for (let i = 0; i < posted.length; i += 500) {
      const ids = posted.slice(i, i + 500)
      await db.knex('outbox').where({ entity: 'readings' }).whereIn('entity_id', ids).delete()
      await db.knex('readings').whereIn('id', ids).delete()
    }
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
