// npm run bench:sync -- [--accounts N] [--history-months M] [--seed S] [--payments P] [--lag-samples L]
//   [--crowd D] [--crowd-payments Q] [--charges-only]
// The office link measured through a real okno-server process (bench/lib/okno-server-process.ts)
// serving the bench's PostgreSQL office database okno_srvbench_<N> (OKNO_BENCH_PG_URL, or the
// bench's own cluster; filled once from the bench SQLite database of N accounts), with desks
// enrolled the real way (a code from the server's enrollment function, then HTTPS enrollment):
// - first download: a new desk (an empty SQLite store) ← initialDownload over the link; ≤ 60 s;
// - push: P payments (default 2,000) posted at desk A through postPayment with the clerk signed
//   in at the server (actorId set: every change carries the clerk, every one checked by the write
//   policy), then pushAll over the link: payments/s, ≥ 1,000/s; then pulled by desk B (pullAll);
// - lag: desks A and B each with its SyncWorker (nudged after a payment, as the IPC dispatcher
//   does; long poll); a payment at A looked for in B's store every 5 ms, L times (default 20):
//   p50/p95/max, p95 ≤ 500 ms;
// - crowd: D desks (default 20) at once, each pushing Q payments (default 50) of its own counter
//   and shift while long-polling the others': the server's VmRSS (/proc/<pid>/status), ≤ 300 MB;
// - the month's charge run on the server's database (runChargesShared, the `charges.run` op's
//   service, in the server's context), for the last month of the history (its charges removed
//   first, so the run is a real one): ≤ 30 s. OKNO_BENCH_SERVER_PROFILE=DIR profiles the server.
// Everything the bench's desks leave on the server is removed at the end (and at the start, after
// a killed run); the month's charges are the run's own again.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statfsSync, statSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { memorySettings } from '../src/main/config/settings'
import { openDb, type Db } from '../src/main/db/connection'
import { lastChange } from '../src/main/db/repositories/change-log'
import { CURRENT_SCHEMA_VERSION, migrateToLatest } from '../src/main/db/migrate'
import { Random } from '../src/main/demo/random'
import { DEMO_CLERKS } from '../src/main/demo/credentials'
import { paymentDraft, postPayment } from '../src/main/services/cash/payments'
import { openShift } from '../src/main/services/cash/shifts'
import { runChargesShared } from '../src/main/services/billing/charge-run-shared'
import { systemClock, type Clock, type ServiceContext } from '../src/main/services/core/context'
import { serverChangeLog } from '../src/main/sync/change-log'
import { ClerkSessions } from '../src/main/sync/clerk-sessions'
import { initialDownload } from '../src/main/sync/download'
import type { OfficeLink } from '../src/main/sync/link/types'
import { pullAll } from '../src/main/sync/pull'
import { pushAll } from '../src/main/sync/push'
import { directChainId, openServer } from '../src/main/sync/server'
import { SyncWorker } from '../src/main/sync/worker'
import { allocatePayment } from '../src/shared/cash/allocation'
import type { ClerkInfo } from '../src/shared/domain/clerk'
import type { PaymentDraft } from '../src/shared/domain/cash'
import type { ChargeRunResult } from '../src/shared/domain/billing'
import type { PaymentPostInput } from '../src/shared/ipc/schemas/cash'
import { SYNC_INTERVAL_DEFAULT_SECONDS } from '../src/shared/ipc/schemas/sync'
import { MAX_PUSH_CHANGES } from '../src/shared/office/protocol'
import { plainAmount } from '../src/shared/money'
import { benchArgs } from './lib/args'
import {
  benchWorkstationId,
  clearBenchDesks,
  enrollBenchDesk,
  ensureBenchCounters,
  MAX_BENCH_DESKS,
  type BenchDesk,
} from './lib/bench-desks'
import { benchContext, demoOperator } from './lib/context'
import { benchPeriods, ensureBenchDatabase } from './lib/database'
import {
  ensureOfficeDatabase,
  officeDatabaseState,
  officeServer,
  type OfficeServer,
} from './lib/office-server'
import { startOknoServer, type OknoServerProcess } from './lib/okno-server-process'
import { fmt, percentile } from './lib/report'
import { runCrowd, takeOutbox, type CrowdDesk } from './lib/sync-load'

const TARGET = {
  paymentsPerSecond: 1_000,
  lagP95Ms: 500,
  downloadSeconds: 60,
  rssMb: 300,
  chargeSeconds: 30,
}
const DB_PREFIX = 'okno_srvbench'
const ACCOUNT_POOL = 400
const POLL_MS = 5
const LAG_TIMEOUT_MS = 60_000
/** The gap before a lag sample: a random moment of the workers' cycles. */
const LAG_GAP_MS = 500
const INTERVAL_MS = SYNC_INTERVAL_DEFAULT_SECONDS * 1000
const SUPERVISOR = DEMO_CLERKS.find((c) => c.login === 'supervisor') as { login: string; password: string }

// This bench's own options are taken out before the common ones are read.
const { values: own, tokens } = parseArgs({
  args: process.argv.slice(2),
  options: {
    payments: { type: 'string', default: '2000' },
    'lag-samples': { type: 'string', default: '20' },
    crowd: { type: 'string', default: '20' },
    'crowd-payments': { type: 'string', default: '50' },
    'charges-only': { type: 'boolean', default: false },
  },
  strict: false,
  tokens: true,
})
const OWN = new Set(['payments', 'lag-samples', 'crowd', 'crowd-payments', 'charges-only'])
const common: string[] = []
for (const t of tokens ?? []) {
  if (t.kind === 'option' && !OWN.has(t.name))
    common.push(t.rawName, ...(t.value === undefined ? [] : [t.value]))
  if (t.kind === 'positional') common.push(t.value)
}
const args = benchArgs(common)
const count = (name: string, text: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name}: целое число от ${min} до ${max}`)
  return n
}
const PAYMENTS = count('payments', own.payments, 1)
const LAG_SAMPLES = count('lag-samples', own['lag-samples'], 1)
/** Desks A and B come first; the crowd's desks after them. */
const CROWD = count('crowd', own.crowd, 1, MAX_BENCH_DESKS - 2)
const CROWD_PAYMENTS = count('crowd-payments', own['crowd-payments'], 1)
/** Only the charge run (its figure alone, without the desks' phases). */
const CHARGES_ONLY = own['charges-only'] === true

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (since: number): number => (performance.now() - since) / 1000
const mb = (bytes: number): number => bytes / 2 ** 20
/** The verdict of a figure: `missed` says which way it missed (a rate falls below, a time goes above). */
const within = (ok: boolean, missed = 'ВЫШЕ НОРМЫ'): string => (ok ? 'в норме' : missed)

interface Desk {
  db: Db
  ctx: ServiceContext
}

/** A desk's store with the context of its enrolled counter; its calls carry `actorId`. */
function openDesk(file: string, clock: Clock, desk: BenchDesk, actorId: string | null): Desk {
  const db = openDb({ client: 'sqlite', filename: file })
  const ctx: ServiceContext = {
    ...benchContext(db, clock),
    settings: memorySettings({
      workstationId: desk.workstationId,
      officeId: desk.enrolled.officeId,
      counterNumber: desk.counterNumber,
    }),
    actorId,
  }
  return { db, ctx }
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
async function download(file: string, link: OfficeLink): Promise<{ rows: number; seconds: number }> {
  const db = openDb({ client: 'sqlite', filename: file })
  try {
    await migrateToLatest(db.knex)
    console.log(`\nПервичная загрузка (initialDownload через сервер) в новое рабочее место: ${file}`)
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
    const { rows } = await initialDownload(db, link, (p) => {
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

/** Signs the supervisor in at the server through `link`: the session a desk's pushes carry. */
async function signIn(link: OfficeLink, sessions: ClerkSessions): Promise<string> {
  const signed = await link.signIn(SUPERVISOR.login, SUPERVISOR.password)
  sessions.signedIn(signed)
  return signed.token
}

/** Why the server refused what it refused (the first few reasons, with their counts). */
async function refusalReasons(office: Db): Promise<string> {
  const rows = (await office
    .knex('server_refusals')
    .select('reason')
    .count({ n: '*' })
    .groupBy('reason')
    .orderBy('n', 'desc')
    .limit(3)) as Array<{ reason: string; n: number | string }>
  return rows.map((r) => `${fmt(Number(r.n))} × «${r.reason}»`).join('; ')
}

async function lag(
  a: Desk,
  b: Desk,
  deskA: BenchDesk,
  deskB: BenchDesk,
  clerk: ClerkInfo,
  random: Random,
  pool: PaymentDraft[],
): Promise<{ times: number[]; missed: number }> {
  const log = (desk: string) => (line: string) => console.log(`  [окно ${desk}] ${line}`)
  const sessionsA = new ClerkSessions()
  const linkA = deskA.link()
  await signIn(linkA, sessionsA)
  const workers = [
    { desk: a, link: linkA, sessions: sessionsA, name: 'A' },
    { desk: b, link: deskB.link(), sessions: new ClerkSessions(), name: 'B' },
  ].map(
    (w) =>
      new SyncWorker({
        local: w.desk.db,
        link: w.link,
        clock: w.desk.ctx.clock,
        intervalMs: INTERVAL_MS,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        demo: true,
        sessions: w.sessions,
        log: log(w.name),
      }),
  )
  const [workerA] = workers as [SyncWorker, SyncWorker]
  const times: number[] = []
  let missed = 0
  try {
    for (const w of workers) w.start()
    // Both caught up before the first sample.
    for (const w of workers) {
      const s = await w.syncNow()
      if (s.state !== 'online') throw new Error(`Обмен не работает: ${s.lastError ?? s.state}`)
    }
    for (let i = 0; i < LAG_SAMPLES; i++) {
      await sleep(random.int(0, LAG_GAP_MS))
      const posted = await postPayment(a.ctx, clerk, paymentInput(random, pool))
      const started = performance.now()
      workerA.nudge()
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
    for (const w of workers) await w.stop()
  }
  return { times, missed }
}

/** The crowd's changes: each desk's shift and payments, made in `store` at the desk's counter. */
async function crowdChanges(
  store: Desk,
  desks: BenchDesk[],
  clerk: ClerkInfo,
  random: Random,
  pool: PaymentDraft[],
): Promise<Awaited<ReturnType<typeof takeOutbox>>[]> {
  await takeOutbox(store.db) // what the store had unsent is not the crowd's
  const out = []
  for (const desk of desks) {
    const ctx: ServiceContext = {
      ...store.ctx,
      settings: memorySettings({
        workstationId: desk.workstationId,
        officeId: desk.enrolled.officeId,
        counterNumber: desk.counterNumber,
      }),
    }
    await openShift(ctx, clerk, { float: '100000' })
    for (let i = 0; i < CROWD_PAYMENTS; i++) await postPayment(ctx, clerk, paymentInput(random, pool))
    out.push(await takeOutbox(store.db))
  }
  return out
}

/**
 * The month's charge run on the server's database, its charges removed first (a real run): the
 * service the `charges.run` op calls (runChargesShared), in the context the server gives a desk's
 * call. Not through the op itself: the link ends a call after 60 s, and a run of 100,000 accounts
 * on PostgreSQL took longer (the server went on while the desk was told it did not answer).
 */
async function chargeRun(
  office: Db,
  period: string,
): Promise<{ seconds: number; result: ChargeRunResult; removed: number }> {
  let started = performance.now()
  const removed = await office.knex.transaction(async (trx) => {
    await trx('charge_lines').whereIn('charge_id', trx('charges').where({ period }).select('id')).delete()
    return Number(await trx('charges').where({ period }).delete())
  })
  console.log(`  удалены начисления за ${period} на сервере: ${fmt(removed)} (${fmt(seconds(started), 1)} с)`)
  const supervisor = await demoOperator(office, 'supervisor')
  const first = (await office.knex('offices').orderBy('code').first('id')) as { id: string }
  const ctx: ServiceContext = {
    ...benchContext(office, systemClock),
    settings: memorySettings({
      workstationId: directChainId(benchWorkstationId(0)),
      officeId: first.id,
      counterNumber: 1,
    }),
    changeLog: serverChangeLog,
    actorId: supervisor.id,
  }
  started = performance.now()
  const result = await runChargesShared(ctx, period, supervisor.id)
  return { seconds: seconds(started), result, removed }
}

/**
 * The phases with desks: the okno-server started (`started` gets it, to stop it), desks A and B
 * enrolled, the first download, the push, the lag, the crowd; each figure's line into `summary`.
 */
async function desksPhases(
  office: Db,
  officeCode: string,
  officeUrl: string,
  dir: string,
  desks: Desk[],
  summary: string[],
  started: (server: OknoServerProcess) => void,
): Promise<void> {
  const server = await startOknoServer(officeUrl, join(dir, 'server'))
  started(server)
  console.log(`okno-server: ${server.url}, процесс ${server.pid}, RSS ${fmt(mb(server.rss()))} МБ`)
  const deskA = await enrollBenchDesk(office, officeCode, server, 0)
  const deskB = await enrollBenchDesk(office, officeCode, server, 1)
  console.log(
    `Подключены окна ${deskA.counterNumber} и ${deskB.counterNumber} отделения ${officeCode} (код администратора → /v1/enroll)`,
  )

  // a. The first download.
  const fileA = join(dir, 'desk-a.sqlite')
  const linkA0 = deskA.link()
  const loaded = await download(fileA, linkA0).finally(() => linkA0.close())
  const downloadLine =
    `первичная загрузка ${fmt(args.accounts)} счетов через сервер: ${fmt(loaded.seconds, 1)} с ` +
    `(${fmt(loaded.rows)} строк, ${fmt(loaded.rows / loaded.seconds)} строк/с) — норма ≤ ${TARGET.downloadSeconds} с: ` +
    within(loaded.seconds <= TARGET.downloadSeconds)
  console.log(`  файл ${fmt(mb(statSync(fileA).size))} МБ; RSS сервера ${fmt(mb(server.rss()))} МБ`)
  summary.push(downloadLine)
  console.log(`  ${downloadLine}`)

  // The second desk: a copy of the first as downloaded (closed, so its WAL is folded in).
  const fileB = join(dir, 'desk-b.sqlite')
  copyFileSync(fileA, fileB)
  if (existsSync(`${fileA}-wal`)) copyFileSync(`${fileA}-wal`, `${fileB}-wal`)

  // b. Push: payments posted at desk A by the supervisor signed in at the server, then pushed.
  const clock = systemClock
  const clerkRow = openDb({ client: 'sqlite', filename: fileA })
  const clerk = await demoOperator(clerkRow, 'supervisor').finally(() => clerkRow.close())
  const a = openDesk(fileA, clock, deskA, clerk.id)
  desks.push(a)
  const b = openDesk(fileB, clock, deskB, clerk.id)
  desks.push(b)
  const sessionsA = new ClerkSessions()
  const linkA = deskA.link()
  await signIn(linkA, sessionsA)
  await openShift(a.ctx, clerk, { float: '100000' })
  const random = new Random(args.seed)
  const pool = await drafts(a, random)
  console.log(
    `\nВыгрузка через сервер (pushAll, пачки по ${MAX_PUSH_CHANGES}): ${fmt(PAYMENTS)} платежей окна ${deskA.counterNumber}`,
  )
  const posting = performance.now()
  for (let i = 0; i < PAYMENTS; i++) await postPayment(a.ctx, clerk, paymentInput(random, pool))
  const postSeconds = seconds(posting)
  const outbox = (await a.db
    .knex('outbox')
    .whereNull('sent_at')
    .select(a.db.knex.raw('count(*) AS n'), a.db.knex.raw('count(clerk_id) AS signed'))) as Array<{
    n: number
    signed: number
  }>
  const { n: outboxRows, signed } = outbox[0] as { n: number; signed: number }
  console.log(
    `  приняты окном за ${fmt(postSeconds, 1)} с (${fmt(PAYMENTS / postSeconds)} платежей/с); в очереди ${fmt(outboxRows)} строк, ` +
      `из них с сотрудником ${fmt(signed)}`,
  )
  const pushStarted = performance.now()
  const pushed = await pushAll(a.db, linkA, () => sessionsA.all(), clock)
  const pushSeconds = seconds(pushStarted)
  await linkA.close()
  if (pushed.failed > 0 || pushed.waitingClerks.length > 0) {
    console.log(
      `  ОТКЛОНЕНО сервером: ${fmt(pushed.failed)} строк, ждут входа: ${pushed.waitingClerks.length} сотр.; ${await refusalReasons(office)}`,
    )
  }
  const pushRate = PAYMENTS / pushSeconds
  console.log(
    `  выгружено ${fmt(pushed.sent)} строк за ${fmt(pushSeconds, 2)} с: ${fmt(pushed.sent / pushSeconds)} строк/с`,
  )
  summary.push(
    `выгрузка через сервер, каждое изменение проверено: ${fmt(pushRate)} платежей/с ` +
      `(${fmt(PAYMENTS)} платежей, ${fmt(pushed.sent)} изменений за ${fmt(pushSeconds, 2)} с` +
      `${pushed.failed > 0 ? `, ОТКЛОНЕНО ${fmt(pushed.failed)}` : ''}) — норма ≥ ${fmt(TARGET.paymentsPerSecond)}/с: ` +
      within(pushRate >= TARGET.paymentsPerSecond && pushed.failed === 0, 'НИЖЕ НОРМЫ'),
  )
  const linkB = deskB.link()
  const pullStarted = performance.now()
  const pulled = await pullAll(b.db, linkB).finally(() => linkB.close())
  const pullSeconds = seconds(pullStarted)
  summary.push(
    `приём их окном ${deskB.counterNumber} (pullAll через сервер): ${fmt(pulled)} изменений за ${fmt(pullSeconds, 2)} с, ` +
      `${fmt(pulled / pullSeconds)} изменений/с`,
  )
  console.log(`  ${summary.at(-1) as string}`)

  // c. Lag: a payment at A until it is in B's store, both desks' workers running.
  console.log(
    `\nЗадержка A → B: ${LAG_SAMPLES} платежей, у обоих окон SyncWorker (длинный опрос, толчок после платежа), опрос базы B каждые ${POLL_MS} мс`,
  )
  const { times, missed } = await lag(a, b, deskA, deskB, clerk, random, pool)
  const sorted = [...times].sort((x, y) => x - y)
  const p95 = sorted.length > 0 ? percentile(sorted, 95) : Number.POSITIVE_INFINITY
  const ms = (p: number): string => (sorted.length > 0 ? fmt(percentile(sorted, p)) : '—')
  summary.push(
    `задержка A → B: p50 ${ms(50)} мс, p95 ${ms(95)} мс, max ${ms(100)} мс (${fmt(times.length)} замеров` +
      `${missed > 0 ? `, не дошли за ${LAG_TIMEOUT_MS / 1000} с: ${missed}` : ''}) — норма p95 ≤ ${TARGET.lagP95Ms} мс: ` +
      within(p95 <= TARGET.lagP95Ms && missed === 0),
  )
  console.log(`  ${summary.at(-1) as string}`)

  // d. The crowd: many desks pushing and pulling at once; the server's memory meanwhile.
  console.log(`\nТолпа: ${CROWD} окон сразу, у каждого ${fmt(CROWD_PAYMENTS)} платежей своей смены`)
  const crowdDesks: BenchDesk[] = []
  for (let i = 0; i < CROWD; i++) crowdDesks.push(await enrollBenchDesk(office, officeCode, server, 2 + i))
  const made = performance.now()
  const changes = await crowdChanges(b, crowdDesks, clerk, random, pool)
  console.log(
    `  изменения окон подготовлены за ${fmt(seconds(made), 1)} с: ${fmt(changes.reduce((n, c) => n + c.length, 0))}`,
  )
  const crowd: CrowdDesk[] = []
  for (const [i, desk] of crowdDesks.entries()) {
    const link = desk.link()
    crowd.push({ link, token: await signIn(link, new ClerkSessions()), changes: changes[i] ?? [] })
  }
  const idleRss = server.rss()
  const cursor = await lastChange(office.knex)
  const result = await runCrowd(crowd, cursor, () => server.rss()).finally(async () => {
    for (const d of crowd) await d.link.close()
  })
  const crowdPayments = CROWD * CROWD_PAYMENTS
  console.log(
    `  за ${fmt(result.seconds, 1)} с: выгружено ${fmt(result.pushed)} изменений (${fmt(crowdPayments / result.seconds)} платежей/с), ` +
      `принято окнами ${fmt(result.pulled)}${result.refused.length > 0 ? `; ОТКЛОНЕНО ${result.refused.length}: «${result.refused[0] as string}»` : ''}`,
  )
  summary.push(
    `RSS сервера, ${CROWD} окон выгружают и принимают сразу: пик ${fmt(mb(result.peakRss))} МБ ` +
      `(до ${fmt(mb(idleRss))} МБ, после ${fmt(mb(server.rss()))} МБ, ${fmt(result.rssSamples)} замеров) — норма ≤ ${TARGET.rssMb} МБ: ` +
      within(mb(result.peakRss) <= TARGET.rssMb),
  )
  console.log(`  ${summary.at(-1) as string}`)
}

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  let pg: OfficeServer | null = null
  // Set by desksPhases once the server runs (a closure's assignment: typed by hand).
  let okno = null as OknoServerProcess | null
  let office: Db | null = null
  const dir = mkdtempSync(join(tmpdir(), 'okno-bench-sync-'))
  const onSignal = (): void => {
    okno?.stopNow()
    rmSync(dir, { recursive: true, force: true })
    pg?.stopNow()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const desks: Desk[] = []
  const summary: string[] = []
  try {
    pg = await officeServer()
    console.log(`PostgreSQL отделения: ${pg.describe}`)
    const filled = (await officeDatabaseState(pg, args, DB_PREFIX)) === 'complete'
    checkDiskSpace(dbPath, dir, filled ? null : pg.dataDir)
    const officeUrl = await ensureOfficeDatabase(pg, args, dbPath, DB_PREFIX)
    office = openServer(officeUrl, { statementTimeoutMs: 0 })
    const leftover = await clearBenchDesks(office)
    if (leftover > 0) console.log(`Удалены изменения прошлого прерванного прогона: ${fmt(leftover)}`)
    const { officeCode } = await ensureBenchCounters(office)
    const source = openDb({ client: 'sqlite', filename: dbPath })
    const { charged } = await benchPeriods(source).finally(() => source.close())
    if (!CHARGES_ONLY) {
      await desksPhases(office, officeCode, officeUrl, dir, desks, summary, (server) => (okno = server))
    }

    // e. The month's charge run on the server.
    console.log(`\nРасчёт начислений за ${charged} на сервере (runChargesShared, как операция charges.run)`)
    const run = await chargeRun(office, charged)
    summary.push(
      `расчёт начислений на сервере (PostgreSQL), ${fmt(run.result.accounts)} счетов: ${fmt(run.seconds, 1)} с ` +
        `(${fmt(run.result.accounts / run.seconds)} счетов/с, изменено ${fmt(run.result.changed)}) — норма ≤ ${TARGET.chargeSeconds} с: ` +
        within(run.seconds <= TARGET.chargeSeconds),
    )
    console.log(`  ${summary.at(-1) as string}`)

    console.log(`\nИтог, ${fmt(args.accounts)} счетов, через okno-server:`)
    for (const line of summary) console.log(`  ${line}`)
  } catch (err) {
    if (okno) console.error(`Последние строки okno-server:\n${okno.tail()}`)
    throw err
  } finally {
    for (const desk of desks) await desk.db.close()
    await okno?.stop()
    if (office) {
      await clearBenchDesks(office).catch((err: unknown) =>
        console.error('Не удалось убрать изменения бенчмарка:', err),
      )
      await office.close()
    }
    rmSync(dir, { recursive: true, force: true })
    await pg?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
