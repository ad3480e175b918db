// npm run bench:search -- [--accounts N] [--history-months M] [--queries N] [--seed S]
// Account search at scale, on the bench database (bench/lib/database.ts: built once, then
// reused): real queries through the service (searchAccounts), p50/p95/max per kind of query.
// The inputs are drawn from the database itself with a seeded generator.
import { openDb, type Db } from '../src/main/db/connection'
import { Random } from '../src/main/demo/random'
import { searchAccounts } from '../src/main/services/accounts/accounts'
import { systemClock } from '../src/main/services/core/context'
import { benchArgs } from './lib/args'
import { benchContext } from './lib/context'
import { ensureBenchDatabase, printRowCounts } from './lib/database'
import { fmt, percentile, rss } from './lib/report'

const TARGET_P95_MS = 20
const WARM_UP = 20

const args = benchArgs()
const { queries, seed: inputSeed } = args

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

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  const db = openDb({ client: 'sqlite', filename: dbPath })
  const ctx = benchContext(db, systemClock)
  try {
    await printRowCounts(db)
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
    console.log(`\nПамять процесса (RSS) после прогона: ${rss()}`)
    console.log(allWithin ? 'Все виды запросов в норме.' : 'Есть виды запросов вне нормы p95.')
  } finally {
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
