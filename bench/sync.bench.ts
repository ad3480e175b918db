// npm run bench:sync -- [--accounts N] [--history-months M] [--seed S] [--payments P] [--lag-samples L]
// The office sync against a PostgreSQL office server (OKNO_BENCH_PG_URL, or the bench's own
// cluster in bench/.data/pg, started for the run), whose database okno_bench_<N> is filled once
// from the bench SQLite database of N accounts:
// - first download: a new desk (an empty SQLite store in a temp folder) ← initialDownload, rows
//   per second and accounts per second, against ≤ 10 minutes for 1,000,000 accounts (a smaller
//   office is scaled to a million);
// - push: P payments (default 2,000) posted at the desk through postPayment, then pushAll —
//   payments and outbox rows per second; and the same changes pulled by a second desk (pullAll);
// - lag: two desks (the second a copy of the first after the download, with its own workstation
//   id and counter), each with a SyncWorker at the default interval; a payment posted at desk A
//   is looked for in desk B's payments every 20 ms, L times (default 20): p50/p95/max.
// The rows the bench's desks send are removed from the server at the end (and at the start, after
// a killed run), so the office database stays as filled.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { memorySettings } from '../src/main/config/settings'
import { openDb, type Db } from '../src/main/db/connection'
import { migrateToLatest } from '../src/main/db/migrate'
import { Random } from '../src/main/demo/random'
import { paymentDraft, postPayment } from '../src/main/services/cash/payments'
import { openShift } from '../src/main/services/cash/shifts'
import { shiftedClock, type Clock, type ServiceContext } from '../src/main/services/core/context'
import { initialDownload } from './lib/direct/download'
import { pullAll } from './lib/direct/pull'
import { pushAll } from './lib/direct/push'
import { openServer } from '../src/main/sync/server'
import { SYNC_TABLES } from '../src/main/sync/tables'
import { DEFAULT_BATCH, SyncWorker } from './lib/direct/worker'
import { allocatePayment } from '../src/shared/cash/allocation'
import type { ClerkInfo } from '../src/shared/domain/clerk'
import type { PaymentDraft } from '../src/shared/domain/cash'
import type { PaymentPostInput } from '../src/shared/ipc/schemas/cash'
import { SYNC_INTERVAL_DEFAULT_SECONDS } from '../src/shared/ipc/schemas/sync'
import { plainAmount } from '../src/shared/money'
import { benchArgs } from './lib/args'
import { benchContext, demoOperator } from './lib/context'
import { benchPeriods, ensureBenchDatabase } from './lib/database'
import {
  ensureOfficeDatabase,
  officeDatabaseState,
  officeServer,
  type OfficeServer,
} from './lib/office-server'
import { fmt, latencyLine, rss } from './lib/report'

/** The first download of a million accounts should take at most ten minutes. */
const TARGET_DOWNLOAD_SECONDS = 600
const MILLION = 1_000_000
/** The bench's desks: fixed ids, so a killed run's rows on the server are found and removed. */
const DESK_A = { workstationId: 'b0000000-5c00-4000-8000-00000000000a', counter: 98 }
const DESK_B = { workstationId: 'b0000000-5c00-4000-8000-00000000000b', counter: 97 }
const ACCOUNT_POOL = 400
const POLL_MS = 20
const LAG_TIMEOUT_MS = 60_000
const INTERVAL_MS = SYNC_INTERVAL_DEFAULT_SECONDS * 1000

// This bench's own options are taken out before the common ones are read.
const { values: own, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: {
    payments: { type: 'string', default: '2000' },
    'lag-samples': { type: 'string', default: '20' },
  },
  strict: false,
  tokens: true,
})
const OWN = new Set(['payments', 'lag-samples'])
const common: string[] = []
for (const t of tokens ?? []) {
  if (t.kind === 'option' && !OWN.has(t.name))
    common.push(t.rawName, ...(t.value === undefined ? [] : [t.value]))
  if (t.kind === 'positional') common.push(t.value)
}
const args = benchArgs(common)
const count = (name: string, text: unknown, min: number): number => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: целое число не меньше ${min}`)
  return n
}
const PAYMENTS = count('payments', own.payments, 1)
const LAG_SAMPLES = count('lag-samples', own['lag-samples'], 1)

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (since: number): number => (performance.now() - since) / 1000

interface Desk {
  db: Db
  ctx: ServiceContext
  file: string
}

function openDesk(file: string, clock: Clock, desk: typeof DESK_A, officeId: string | null): Desk {
  const db = openDb({ client: 'sqlite', filename: file })
  const ctx: ServiceContext = {
    ...benchContext(db, clock),
    settings: memorySettings({ workstationId: desk.workstationId, officeId, counterNumber: desk.counter }),
  }
  return { db, ctx, file }
}

/**
 * Removes from the server what the bench's desks sent (the inserted rows, children first, and
 * their change-log entries). Their updates of other rows are not undone (a payment makes none).
 */
async function clearBenchChanges(server: Db): Promise<number> {
  const origins = [DESK_A.workstationId, DESK_B.workstationId]
  return server.knex.transaction(async (trx) => {
    for (const table of [...SYNC_TABLES].reverse()) {
      if (table.key.length !== 1) continue
      await trx(table.name)
        .whereRaw(
          `??::text IN (SELECT entity_id FROM sync_changes WHERE origin = ANY(?::text[]) AND entity = ? AND op = 'insert')`,
          [table.key[0] as string, origins, table.name],
        )
        .delete()
    }
    return Number(await trx('sync_changes').whereIn('origin', origins).delete())
  })
}

/**
 * Refuses a run the disk cannot hold (a full disk would stop every other program on it): the two
 * desks are about the size of the bench database each, and the office database, when it is still
 * to be filled in the bench's own cluster, a little more with its WAL.
 */
function checkDiskSpace(sqlitePath: string, deskDir: string, clusterDir: string | null): void {
  const size = statSync(sqlitePath).size
  const needs = new Map<number, { path: string; bytes: number; parts: string[] }>()
  const need = (path: string, bytes: number, part: string): void => {
    const dev = statSync(path).dev
    const entry = needs.get(dev) ?? { path, bytes: 0, parts: [] }
    entry.bytes += bytes
    entry.parts.push(part)
    needs.set(dev, entry)
  }
  const gb = (bytes: number): string => fmt(bytes / 2 ** 30, 1)
  need(deskDir, 2 * size, `два рабочих места по ~${gb(size)} ГБ`)
  if (clusterDir) need(clusterDir, 1.3 * size, `база отделения ~${gb(1.3 * size)} ГБ`)
  for (const { path, bytes, parts } of needs.values()) {
    const fs = statfsSync(path)
    const free = fs.bavail * fs.bsize
    if (free < bytes) {
      throw new Error(
        `Мало места на диске для прогона на ${fmt(args.accounts)} счетов: нужно около ${gb(bytes)} ГБ ` +
          `(${parts.join(', ')}), свободно ${gb(free)} ГБ (${path}).`,
      )
    }
  }
}

/** The form of one payment: a random account of the pool, part of its debt or an advance. */
function paymentInput(random: Random, drafts: PaymentDraft[]): PaymentPostInput {
  const draft = random.pick(drafts)
  const amount =
    random.chance(0.5) && draft.totalDebtKopecks > 0 ? draft.totalDebtKopecks : random.int(100, 500_000)
  return {
    idempotencyKey: randomUUID(),
    accountId: draft.accountId,
    amount: plainAmount(amount),
    tendered: plainAmount(Math.ceil(amount / 10_000) * 10_000),
    allocations: allocatePayment(draft.debts, amount),
    payerName: draft.payerName,
    period: draft.period,
  }
}

async function drafts(desk: Desk, random: Random): Promise<PaymentDraft[]> {
  const [{ m: maxRowid }] = (await desk.db.knex.raw('SELECT max(rowid) AS m FROM accounts')) as [
    { m: number },
  ]
  const pool: PaymentDraft[] = []
  for (let tries = 0; pool.length < ACCOUNT_POOL && tries < ACCOUNT_POOL * 20; tries++) {
    const [account] = (await desk.db.knex.raw(`SELECT id FROM accounts WHERE rowid = ? AND status = 'open'`, [
      random.int(1, maxRowid),
    ])) as Array<{ id: string }>
    if (!account) continue
    const draft = await paymentDraft(desk.ctx, account.id)
    if (draft.debts.length > 0) pool.push(draft)
  }
  if (pool.length === 0) throw new Error('Не нашлось счетов с услугами')
  return pool
}

/** The first download into a new desk, with each table's time. */
async function download(file: string, server: Db): Promise<{ rows: number; seconds: number }> {
  const db = openDb({ client: 'sqlite', filename: file })
  try {
    await migrateToLatest(db.knex)
    console.log(`\nПервичная загрузка (initialDownload) в новое рабочее место: ${file}`)
    const started = performance.now()
    let table = ''
    let tableStart = started
    let tableFrom = 0
    let done = 0
    let total = 0
    let reported = started
    const endTable = (): void => {
      const rows = done - tableFrom
      if (table && rows > 0) {
        const s = seconds(tableStart)
        console.log(
          `  ${table.padEnd(28)} ${fmt(rows).padStart(12)} строк за ${fmt(s, 1).padStart(7)} с (${fmt(rows / Math.max(s, 0.001))} строк/с)`,
        )
      }
    }
    const { rows } = await initialDownload(db, server, (p) => {
      total = p.rowsTotal
      if (p.table !== table) {
        endTable()
        table = p.table
        tableStart = performance.now()
        tableFrom = p.rowsDone
      }
      done = p.rowsDone
      const now = performance.now()
      if (now - reported >= 15_000) {
        reported = now
        console.log(
          `    … ${fmt(done)} из ${fmt(total)} строк (${fmt((100 * done) / Math.max(total, 1))} %), ${fmt(done / seconds(started))} строк/с`,
        )
      }
    })
    endTable()
    return { rows, seconds: seconds(started) }
  } finally {
    await db.close()
  }
}

async function lag(
  a: Desk,
  b: Desk,
  clerk: ClerkInfo,
  random: Random,
  pool: PaymentDraft[],
  officeUrl: string,
): Promise<{ times: number[]; missed: number }> {
  const log = (desk: string) => (line: string) => console.log(`  [окно ${desk}] ${line}`)
  const workers = [a, b].map(
    (desk, i) =>
      new SyncWorker({
        local: desk.db,
        server: openServer(officeUrl),
        origin: desk.ctx.settings.get().workstationId,
        clock: desk.ctx.clock,
        intervalMs: INTERVAL_MS,
        log: log(i === 0 ? 'A' : 'B'),
      }),
  )
  const times: number[] = []
  let missed = 0
  try {
    for (const w of workers) w.start()
    // Both caught up before the first sample.
    for (const w of workers) await w.syncNow()
    for (const w of workers) {
      const s = await w.status()
      if (s.state !== 'online') throw new Error(`Обмен не работает: ${s.lastError ?? s.state}`)
    }
    for (let i = 0; i < LAG_SAMPLES; i++) {
      // A random moment of the workers' cycles.
      await sleep(random.int(0, INTERVAL_MS))
      const posted = await postPayment(a.ctx, clerk, paymentInput(random, pool))
      const started = performance.now()
      const id = posted.receipt.paymentId
      for (;;) {
        if (await b.db.knex('payments').where({ id }).first('id')) {
          times.push(performance.now() - started)
          break
        }
        if (performance.now() - started > LAG_TIMEOUT_MS) {
          missed++
          break
        }
        await sleep(POLL_MS)
      }
    }
  } finally {
    for (const w of workers) {
      await w.stop()
      await w.options.server.close()
    }
  }
  return { times, missed }
}

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  let server: OfficeServer | null = null
  let office: Db | null = null
  const dir = mkdtempSync(join(tmpdir(), 'okno-bench-sync-'))
  const onSignal = (): void => {
    rmSync(dir, { recursive: true, force: true })
    server?.stopNow()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const desks: Desk[] = []
  try {
    server = await officeServer()
    console.log(`Сервер отделения: ${server.describe}`)
    const filled = (await officeDatabaseState(server, args)) === 'complete'
    checkDiskSpace(dbPath, dir, filled ? null : server.dataDir)
    const officeUrl = await ensureOfficeDatabase(server, args, dbPath)
    office = openServer(officeUrl, { statementTimeoutMs: 0 })
    const leftover = await clearBenchChanges(office)
    if (leftover > 0) console.log(`Удалены изменения прошлого прерванного прогона: ${fmt(leftover)}`)

    // a. The first download.
    const fileA = join(dir, 'desk-a.sqlite')
    const loaded = await download(fileA, office)
    const scaled = (loaded.seconds * MILLION) / args.accounts
    const verdict = scaled <= TARGET_DOWNLOAD_SECONDS ? 'в норме' : 'ВЫШЕ НОРМЫ'
    const downloadLine =
      `${fmt(loaded.rows)} строк за ${fmt(loaded.seconds, 1)} с: ${fmt(loaded.rows / loaded.seconds)} строк/с, ` +
      `${fmt(args.accounts / loaded.seconds)} счетов/с`
    const targetLine =
      `норма: 1 000 000 счетов ≤ ${TARGET_DOWNLOAD_SECONDS / 60} мин` +
      `${args.accounts === MILLION ? '' : `, в пересчёте на 1 000 000: ${fmt(scaled)} с`} — ${verdict}`
    console.log(`Загружено ${downloadLine}; файл ${fmt(statSync(fileA).size / 2 ** 20)} МБ`)
    console.log(`  ${targetLine}`)

    // The second desk: a copy of the first as downloaded (closed, so its WAL is folded in).
    const fileB = join(dir, 'desk-b.sqlite')
    const copyStarted = performance.now()
    copyFileSync(fileA, fileB)
    if (existsSync(`${fileA}-wal`)) copyFileSync(`${fileA}-wal`, `${fileB}-wal`)
    console.log(`Второе рабочее место — копия первого (${fmt(seconds(copyStarted), 1)} с)`)

    // b. Push: payments posted at desk A, then its outbox sent in one go.
    const probe = openDb({ client: 'sqlite', filename: fileA })
    const { current } = await benchPeriods(probe).finally(() => probe.close())
    const clock = shiftedClock(new Date(`${current}-20T07:00:00.000Z`))
    const a = openDesk(fileA, clock, DESK_A, null)
    desks.push(a)
    const officeId = ((await a.db.knex('offices').orderBy('code').first('id')) as { id: string }).id
    a.ctx.settings.update({ officeId })
    const b = openDesk(fileB, clock, DESK_B, officeId)
    desks.push(b)
    // A supervisor: the random advances may be above what an operator takes alone (payment limits).
    const clerk = await demoOperator(a.db, 'supervisor')
    await openShift(a.ctx, clerk, { float: '100000' })
    const random = new Random(args.seed)
    const pool = await drafts(a, random)
    console.log(
      `\nВыгрузка (pushAll, пачки по ${DEFAULT_BATCH}): ${fmt(PAYMENTS)} платежей окна ${DESK_A.counter}`,
    )
    const posting = performance.now()
    for (let i = 0; i < PAYMENTS; i++) await postPayment(a.ctx, clerk, paymentInput(random, pool))
    const postSeconds = seconds(posting)
    const outbox = (await a.db
      .knex('outbox')
      .whereNull('sent_at')
      .select('entity')
      .count({ n: '*' })
      .groupBy('entity')
      .orderBy('entity')) as Array<{ entity: string; n: number }>
    const outboxRows = outbox.reduce((s, r) => s + Number(r.n), 0)
    console.log(
      `  приняты за ${fmt(postSeconds, 1)} с (${fmt(PAYMENTS / postSeconds)} платежей/с); в очереди ${fmt(outboxRows)} строк: ` +
        outbox.map((r) => `${r.entity} ${fmt(Number(r.n))}`).join(', '),
    )
    const pushStarted = performance.now()
    const pushed = await pushAll(a.db, office, DESK_A.workstationId, clock, DEFAULT_BATCH)
    const pushSeconds = seconds(pushStarted)
    if (pushed.failed > 0) console.log(`  ОТКЛОНЕНО сервером: ${fmt(pushed.failed)} строк`)
    const pushLine =
      `${fmt(pushed.sent)} строк за ${fmt(pushSeconds, 2)} с: ${fmt(PAYMENTS / pushSeconds)} платежей/с, ` +
      `${fmt(pushed.sent / pushSeconds)} строк outbox/с`
    console.log(`  выгружено ${pushLine}`)
    const pullStarted = performance.now()
    const pulled = await pullAll(b.db, office, DESK_B.workstationId, DEFAULT_BATCH)
    const pullSeconds = seconds(pullStarted)
    const pullLine = `${fmt(pulled)} изменений за ${fmt(pullSeconds, 2)} с: ${fmt(pulled / pullSeconds)} изменений/с`
    console.log(`  окно ${DESK_B.counter} приняло их (pullAll): ${pullLine}`)

    // c. Lag: a payment at A until it is in B's payments, both desks' workers running.
    console.log(
      `\nЗадержка A → B: ${LAG_SAMPLES} платежей, у обоих окон SyncWorker с интервалом ${SYNC_INTERVAL_DEFAULT_SECONDS} с, ` +
        `опрос B каждые ${POLL_MS} мс`,
    )
    console.log(`${''.padEnd(44)} ${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}`)
    const { times, missed } = await lag(a, b, clerk, random, pool, officeUrl)
    if (times.length > 0) latencyLine('от проведения на A до строки в базе B', times, undefined, 44, 0)
    if (missed > 0) console.log(`  НЕ ДОШЛИ за ${LAG_TIMEOUT_MS / 1000} с: ${missed}`)
    const sorted = [...times].sort((x, y) => x - y)
    const pct = (p: number): string =>
      sorted.length
        ? fmt(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number)
        : '—'

    console.log(`\nИтог, ${fmt(args.accounts)} счетов:`)
    console.log(`  первичная загрузка: ${downloadLine} (${targetLine})`)
    console.log(`  выгрузка: ${pushLine}; приём вторым окном: ${pullLine}`)
    console.log(
      `  задержка A → B: p50 ${pct(50)} мс, p95 ${pct(95)} мс, max ${sorted.length ? fmt(sorted.at(-1) as number) : '—'} мс` +
        ` (интервал ${SYNC_INTERVAL_DEFAULT_SECONDS} с${missed > 0 ? `, не дошли: ${missed}` : ''})`,
    )
    console.log(`Память процесса (RSS): ${rss()}`)
  } finally {
    for (const desk of desks) await desk.db.close()
    if (office) {
      await clearBenchChanges(office).catch((err: unknown) =>
        console.error('Не удалось убрать изменения бенчмарка:', err),
      )
      await office.close()
    }
    rmSync(dir, { recursive: true, force: true })
    await server?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
