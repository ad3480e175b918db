// npm run bench -- [--accounts N] [--queries N] [--seed S]
// Account search at scale: builds (once) or reuses a demo SQLite database of a million accounts
// (bench/.data/okno-1m.sqlite; OKNO_BENCH_DB overrides; --accounts N builds another size), then
// runs real queries through the service (searchAccounts) and prints p50/p95/max per kind of
// query. The inputs are drawn from the database itself with a seeded generator.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { businessDate, DEFAULT_TIME_ZONE } from '../src/shared/dates'
import { memorySettings } from '../src/main/config/settings'
import { openDb, type Db } from '../src/main/db/connection'
import { buildDemoSqlite, type BuildPhase } from '../src/main/demo/build'
import { Random } from '../src/main/demo/random'
import { searchAccounts } from '../src/main/services/accounts'
import { unavailableVault } from '../src/main/security/passport-vault'
import { systemClock, type ServiceContext } from '../src/main/services/context'

const TARGET_P95_MS = 20
const TARGET_BUILD_RATE = 50_000
const WARM_UP = 20
const SEED = 1_000_003

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    // Which rows the query inputs are drawn from (the database itself is always built with SEED).
    seed: { type: 'string', default: String(SEED) },
  },
})
const accounts = Number(values.accounts)
const queries = Number(values.queries)
const inputSeed = Number(values.seed)
if (!Number.isInteger(accounts) || accounts < 1000) throw new Error('--accounts: целое число не меньше 1000')
if (!Number.isInteger(queries) || queries < 1) throw new Error('--queries: целое положительное число')
if (!Number.isInteger(inputSeed)) throw new Error('--seed: целое число')

const sizeName = accounts % 1_000_000 === 0 ? `${accounts / 1_000_000}m` : String(accounts)
const dbPath = process.env.OKNO_BENCH_DB ?? join(__dirname, '.data', `okno-${sizeName}.sqlite`)
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('ru-RU', { minimumFractionDigits: digits, maximumFractionDigits: digits })

async function ensureDatabase(): Promise<void> {
  if (existsSync(dbPath)) {
    console.log(`База: ${relative(process.cwd(), dbPath)} (уже построена, беру её)`)
    return
  }
  mkdirSync(dirname(dbPath), { recursive: true })
  console.log(`Строю базу на ${fmt(accounts)} лицевых счетов: ${relative(process.cwd(), dbPath)}…`)
  const started = performance.now()
  // Where the time goes: schema, rows, indexes, statistics (buildDemoSqlite's phases).
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
    { accounts, seed: SEED, asOf: businessDate(new Date(), DEFAULT_TIME_ZONE) },
    (next) => endPhase(PHASES[next]),
  )
  endPhase('')
  const seconds = (performance.now() - started) / 1000
  const rate = accounts / seconds
  const verdict = rate >= TARGET_BUILD_RATE ? 'в норме' : 'НИЖЕ НОРМЫ'
  console.log(
    `Построена за ${fmt(seconds, 1)} с: ${fmt(rate)} счетов/с ` +
      `(норма ≥ ${fmt(TARGET_BUILD_RATE)} счетов/с — ${verdict}), ${fmt(statSync(dbPath).size / 2 ** 20)} МБ`,
  )
  console.log(`  по этапам: ${phases.join(', ')}`)
}

// ---- query inputs, drawn from the database ------------------------------------------------

interface Kind {
  name: string
  inputs: string[]
}

async function maxRowid(db: Db, table: string): Promise<number> {
  const [row] = (await db.knex.raw(`SELECT max(rowid) AS m FROM ${table}`)) as Array<{ m: number }>
  return Number(row?.m ?? 0)
}

/** `count` values from random rows of `table` (by rowid), skipping rows `pick` turns down. */
async function sample(
  db: Db,
  random: Random,
  table: string,
  sql: string,
  count: number,
  pick: (row: Record<string, string | null>) => string | null,
): Promise<string[]> {
  const max = await maxRowid(db, table)
  const out: string[] = []
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 50) throw new Error(`Не набрать ${count} примеров из ${table}: база слишком мала?`)
    const [row] = (await db.knex.raw(sql, [random.int(1, max)])) as Array<Record<string, string | null>>
    const value = row ? pick(row) : null
    if (value) out.push(value)
  }
  return out
}

async function drawInputs(db: Db, count: number): Promise<Kind[]> {
  const random = new Random(inputSeed)
  const numbers = await sample(
    db,
    random,
    'accounts',
    'SELECT number FROM accounts WHERE rowid = ?',
    count,
    (r) => r.number ?? null,
  )
  const prefixes = numbers.map((n) => n.slice(0, random.int(3, n.length - 1)))
  const surnameSql = 'SELECT surname FROM persons WHERE rowid = ?'
  const fragment = (length: number) => (r: Record<string, string | null>) =>
    r.surname && r.surname.length >= length ? r.surname.slice(0, length) : null
  const addresses = await sample(
    db,
    random,
    'accounts',
    `SELECT s.name, ad.house, ad.apartment FROM accounts a
       JOIN addresses ad ON ad.id = a.address_id JOIN streets s ON s.id = ad.street_id WHERE a.rowid = ?`,
    count,
    (r) => (r.apartment && !/\d/.test(r.name ?? '') ? `${r.name} ${r.house} ${r.apartment}` : null),
  )
  return [
    { name: 'номер счёта целиком', inputs: numbers },
    { name: 'начало номера счёта', inputs: prefixes },
    { name: 'фамилия, 2 буквы', inputs: await sample(db, random, 'persons', surnameSql, count, fragment(2)) },
    { name: 'фамилия, 3 буквы', inputs: await sample(db, random, 'persons', surnameSql, count, fragment(3)) },
    { name: 'фамилия, 6 букв', inputs: await sample(db, random, 'persons', surnameSql, count, fragment(6)) },
    { name: 'адрес «улица дом кв»', inputs: addresses },
  ]
}

// ---- measuring ----------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

async function main(): Promise<void> {
  await ensureDatabase()
  const db = openDb({ client: 'sqlite', filename: dbPath })
  const ctx: ServiceContext = {
    db,
    clock: systemClock,
    newId: randomUUID,
    settings: memorySettings(),
    vault: unavailableVault('не нужен для поиска'),
  }
  try {
    const kinds = await drawInputs(db, WARM_UP + queries)
    console.log(
      `\nПоиск (searchAccounts): ${queries} запросов каждого вида после ${WARM_UP} на разогрев (входы: --seed ${inputSeed})`,
    )
    console.log(
      `${'вид запроса'.padEnd(24)} ${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}  пустых  норма p95 ≤ ${TARGET_P95_MS} мс`,
    )
    let allWithin = true
    for (const kind of kinds) {
      const times: number[] = []
      let empty = 0
      for (const [i, text] of kind.inputs.entries()) {
        const started = performance.now()
        const result = await searchAccounts(ctx, text)
        const elapsed = performance.now() - started
        if (i < WARM_UP) continue
        times.push(elapsed)
        if (result.items.length === 0) empty++
      }
      times.sort((a, b) => a - b)
      const p95 = percentile(times, 95)
      allWithin &&= p95 <= TARGET_P95_MS
      console.log(
        `${kind.name.padEnd(24)} ${fmt(percentile(times, 50), 2).padStart(8)} ${fmt(p95, 2).padStart(8)} ` +
          `${fmt(times[times.length - 1] as number, 2).padStart(8)}  ${String(empty).padStart(6)}  ` +
          (p95 <= TARGET_P95_MS ? 'в норме' : 'ВЫШЕ НОРМЫ'),
      )
    }
    const rss = process.memoryUsage().rss / 2 ** 20
    console.log(`\nПамять процесса (RSS) после прогона: ${fmt(rss)} МБ`)
    console.log(allWithin ? 'Все виды запросов в норме.' : 'Есть виды запросов вне нормы p95.')
  } finally {
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
