// The bench database: a demo SQLite database of --accounts accounts with --history-months of
// readings and payments, built once into bench/.data (OKNO_BENCH_DB overrides the path) and
// reused by every bench file and run.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import type { Db } from '../../src/main/db/connection'
import { buildDemoSqlite, type BuildPhase } from '../../src/main/demo/build'
import { periodIndex, periodOf } from '../../src/main/demo/tariffs'
import { BUILD_SEED, type BenchArgs } from './args'
import { fmt } from './report'

/**
 * Months whose charges the bench database keeps: the one the charge bench recomputes and the one
 * before it (its estimates are what a run reads back). A year of charges for a million accounts
 * would be tens of gigabytes.
 */
const BENCH_STORED_CHARGE_MONTHS = 2
/** The build of a million accounts should stay within ten minutes (it runs once per machine). */
const TARGET_BUILD_SECONDS = 600
const BUILD_TABLES = ['accounts', 'meters', 'readings', 'payments', 'payment_allocations']

export function benchDbPath(args: BenchArgs): string {
  const size = args.accounts % 1_000_000 === 0 ? `${args.accounts / 1_000_000}m` : String(args.accounts)
  // The history's length is in the name: a database of another length is another database.
  return (
    process.env.OKNO_BENCH_DB ??
    join(__dirname, '..', '.data', `okno-${size}-h${args.historyMonths}c${BENCH_STORED_CHARGE_MONTHS}.sqlite`)
  )
}

/** Builds the database unless it is there, printing how long it took and where the time went. */
export async function ensureBenchDatabase(args: BenchArgs): Promise<string> {
  const dbPath = benchDbPath(args)
  const shown = relative(process.cwd(), dbPath)
  if (existsSync(dbPath)) {
    console.log(`База: ${shown} (уже построена, беру её)`)
    return dbPath
  }
  mkdirSync(dirname(dbPath), { recursive: true })
  console.log(
    `Строю базу на ${fmt(args.accounts)} лицевых счетов с историей ${args.historyMonths} мес.: ${shown}…`,
  )
  const started = performance.now()
  const phases: string[] = []
  let phase = 'схема'
  let phaseStart = started
  const PHASES: Record<BuildPhase, string> = { rows: 'строки', indexes: 'индексы', analyze: 'статистика' }
  const endPhase = (next: string): void => {
    const now = performance.now()
    phases.push(`${phase} ${fmt((now - phaseStart) / 1000, 1)} с`)
    phase = next
    phaseStart = now
  }
  await buildDemoSqlite(
    dbPath,
    {
      accounts: args.accounts,
      seed: BUILD_SEED,
      asOf: businessDate(new Date(), DEFAULT_TIME_ZONE),
      historyMonths: args.historyMonths,
      storedChargeMonths: BENCH_STORED_CHARGE_MONTHS,
    },
    (next) => endPhase(PHASES[next]),
  )
  endPhase('')
  const seconds = (performance.now() - started) / 1000
  // A million accounts is the measure; a smaller build is scaled to it.
  const scaled = (seconds * 1_000_000) / args.accounts
  const verdict = scaled <= TARGET_BUILD_SECONDS ? 'в норме' : 'ВЫШЕ НОРМЫ'
  console.log(
    `Построена за ${fmt(seconds, 1)} с: ${fmt(args.accounts / seconds)} счетов/с, ${fmt(statSync(dbPath).size / 2 ** 20)} МБ ` +
      `(норма: 1 000 000 счетов ≤ ${TARGET_BUILD_SECONDS / 60} мин${args.accounts === 1_000_000 ? '' : `, в пересчёте ${fmt(scaled)} с`} — ${verdict})`,
  )
  console.log(`  по этапам: ${phases.join(', ')}`)
  return dbPath
}

/** Row counts of the big tables (from the rowids: a count(*) of tens of millions takes seconds). */
export async function printRowCounts(db: Db): Promise<void> {
  const parts: string[] = []
  for (const table of BUILD_TABLES) {
    const [row] = (await db.knex.raw(`SELECT max(rowid) AS n FROM ${table}`)) as Array<{ n: number | null }>
    parts.push(`${table} ${fmt(Number(row?.n ?? 0))}`)
  }
  console.log(`  строк: ${parts.join(', ')}`)
}

/**
 * The last period of the history (the as-of month's previous one) and the as-of period, read
 * off the newest readings: the database may have been built on another day.
 */
export async function benchPeriods(db: Db): Promise<{ charged: string; current: string }> {
  const [row] = (await db.knex.raw(
    `SELECT max(period) AS p FROM (SELECT period FROM readings WHERE kind = 'regular' ORDER BY rowid DESC LIMIT 2000)`,
  )) as Array<{ p: string | null }>
  if (!row?.p) throw new Error('В базе нет показаний: удалите её, бенчмарк построит новую с историей.')
  return { charged: row.p, current: periodOf(periodIndex(row.p) + 1) }
}
