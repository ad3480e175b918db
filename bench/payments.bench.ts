// npm run bench:payments -- [--accounts N] [--history-months M] [--posts N] [--seed S]
// The cash desk on the bench database, with the connection's synchronous=FULL:
// - posting latency: --posts cash payments one after another (postPayment: the debts, the
//   BEGIN IMMEDIATE transaction with the receipt number, allocations, audit and outbox rows, the
//   fsync at commit, the receipt), p50/p95/max against p95 ≤ 15 ms;
// - throughput: a stream of --posts payments with eight in flight (several forms at once), per second;
// - one receipt: buildReceipt + renderDocumentHtml (A4) + toPosPrintData (58 mm), and with its
//   reading from the database;
// - one bill: billDocument + renderDocumentHtml, and its A4 PDF made by Chromium (page.pdf, as
//   Electron's printToPDF would: the Electron binary is not needed here).
// The payments go to a bench counter (window 99) of the first office, and are removed at the end
// (the audit entries stay: the log is append-only), so the next run finds the same database.
import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { chromium } from 'playwright-core'
import { openDb, type Db } from '../src/main/db/connection'
import { Random } from '../src/main/demo/random'
import { toPosPrintData } from '../src/main/printing/pos-data'
import { billDocument } from '../src/main/services/billing/bill-data'
import { paymentDraft, postPayment } from '../src/main/services/cash/payments'
import { receiptDocument, receiptInput } from '../src/main/services/cash/receipts'
import { openShift } from '../src/main/services/cash/shifts'
import type { ServiceContext } from '../src/main/services/core/context'
import { buildReceipt } from '../src/main/services/documents/receipt'
import { allocatePayment } from '../src/shared/cash/allocation'
import type { PaymentDraft } from '../src/shared/domain/cash'
import type { PaymentPostInput } from '../src/shared/ipc/schemas/cash'
import { plainAmount } from '../src/shared/money'
import { renderDocumentHtml } from '../src/shared/print/render-html'
import { benchArgs } from './lib/args'
import { BenchClock, benchContext, demoOperator } from './lib/context'
import { benchPeriods, ensureBenchDatabase } from './lib/database'
import { fmt, latencyLine, rss } from './lib/report'

const TARGET_P95_MS = 15
const WARM_UP = 30
const BENCH_COUNTER = 99
/** Accounts the payments are drawn from (each may pay several times: a split stays valid). */
const ACCOUNT_POOL = 400
const IN_FLIGHT = 8
const RECEIPT_BUILDS = 2000
const BILLS = 30
const PDFS = 10
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const args = benchArgs()

/** Removes the bench counter's shifts with their payments (this run's, or a killed run's). */
async function clearBenchCounter(db: Db, officeId: string): Promise<number> {
  return db.knex.transaction(async (trx) => {
    const shifts = trx('shifts').where({ office_id: officeId, counter_number: BENCH_COUNTER }).select('id')
    const payments = trx('payments').whereIn('shift_id', shifts).select('id')
    const allocations = trx('payment_allocations').whereIn('payment_id', payments).select('id')
    await trx('outbox').where({ entity: 'payment_allocations' }).whereIn('entity_id', allocations).delete()
    await trx('outbox').where({ entity: 'payments' }).whereIn('entity_id', payments).delete()
    await trx('outbox').where({ entity: 'shifts' }).whereIn('entity_id', shifts).delete()
    await trx('payment_allocations').whereIn('payment_id', payments).delete()
    const removed = Number(await trx('payments').whereIn('shift_id', shifts).delete())
    await trx('cash_movements').whereIn('shift_id', shifts).delete()
    await trx('shifts').where({ office_id: officeId, counter_number: BENCH_COUNTER }).delete()
    return removed
  })
}

/**
 * The disk's floor under a posting: a one-row write transaction with synchronous=FULL in a scratch
 * database beside the bench one (the fsync at commit is most of a payment's latency).
 */
async function commitFloor(dbPath: string): Promise<number[]> {
  const file = join(dirname(dbPath), 'fsync-probe.sqlite')
  const scratch = openDb({ client: 'sqlite', filename: file })
  const times: number[] = []
  try {
    await scratch.knex.raw('CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, v TEXT)')
    for (let i = 0; i < 220; i++) {
      const started = performance.now()
      await scratch.knex.transaction((trx) => trx('probe').insert({ v: 'x'.repeat(500) }))
      if (i >= 20) times.push(performance.now() - started)
    }
  } finally {
    await scratch.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
  return times
}

/** The form of one payment: a random account of the pool, part of its debt or an advance. */
function paymentInput(random: Random, drafts: PaymentDraft[]): PaymentPostInput {
  const draft = random.pick(drafts)
  const amount =
    random.chance(0.5) && draft.totalDebtKopecks > 0 ? draft.totalDebtKopecks : random.int(100, 500_000)
  const tendered = Math.ceil(amount / 10_000) * 10_000
  return {
    idempotencyKey: randomUUID(),
    accountId: draft.accountId,
    amount: plainAmount(amount),
    tendered: plainAmount(tendered),
    allocations: allocatePayment(draft.debts, amount),
    payerName: draft.payerName,
    period: draft.period,
  }
}

async function measure<T>(times: number[], fn: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  const result = await fn()
  times.push(performance.now() - started)
  return result
}

async function bills(ctx: ServiceContext, db: Db, random: Random, period: string): Promise<void> {
  const accounts = (await db
    .knex('charges')
    .where({ period })
    .distinct('account_id')
    .limit(BILLS * 4)
    .pluck('account_id')) as string[]
  const build: number[] = []
  const render: number[] = []
  let html = ''
  for (const accountId of accounts.slice(0, BILLS)) {
    const doc = await measure(build, () => billDocument(ctx, accountId, period))
    html = await measure(render, () => renderDocumentHtml(doc, 'a4'))
  }
  console.log(
    `\nКвитанция за ${period} (${build.length} счетов)  ${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}`,
  )
  latencyLine('billDocument (данные из базы)', build)
  latencyLine('renderDocumentHtml (A4, с QR-кодом)', render)

  if (!existsSync(CHROMIUM)) {
    console.log(`PDF квитанции не измерен: нет Chromium (${CHROMIUM}; путь задаёт CHROMIUM_PATH)`)
    return
  }
  const launchStarted = performance.now()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const launchMs = performance.now() - launchStarted
  try {
    const page = await browser.newPage()
    const pdfs: number[] = []
    let bytes = 0
    for (let i = 0; i < PDFS + 2; i++) {
      const accountId = random.pick(accounts)
      const started = performance.now()
      const doc = await billDocument(ctx, accountId, period)
      await page.setContent(renderDocumentHtml(doc, 'a4'), { waitUntil: 'load' })
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      if (i >= 2) pdfs.push(performance.now() - started)
      bytes = pdf.length
    }
    latencyLine(`PDF квитанции целиком (Chromium page.pdf, ${PDFS})`, pdfs)
    console.log(
      `  запуск Chromium: ${fmt(launchMs)} мс (один раз); PDF: ${fmt(bytes / 1024)} КБ; HTML: ${fmt(html.length / 1024)} КБ`,
    )
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const dbPath = await ensureBenchDatabase(args)
  const db = openDb({ client: 'sqlite', filename: dbPath })
  let officeId: string | null = null
  try {
    const [sync] = (await db.knex.raw('PRAGMA synchronous')) as Array<{ synchronous: number }>
    const { charged, current } = await benchPeriods(db)
    const clock = new BenchClock(Date.parse(`${current}-20T07:00:00.000Z`))
    const ctx = benchContext(db, clock)
    officeId = ((await db.knex('offices').orderBy('code').first('id')) as { id: string }).id
    ctx.settings.update({ officeId, counterNumber: BENCH_COUNTER })
    const leftover = await clearBenchCounter(db, officeId)
    if (leftover > 0) console.log(`Удалены платежи прошлого прерванного прогона: ${fmt(leftover)}`)
    // A supervisor: the random advances may be above what an operator takes alone (payment limits).
    const clerk = await demoOperator(db, 'supervisor')
    await openShift(ctx, clerk, { float: '100000' })

    // The forms: drafts of random open accounts with charges, read outside the measurement.
    const random = new Random(args.seed)
    const [{ m: maxRowid }] = (await db.knex.raw('SELECT max(rowid) AS m FROM accounts')) as [{ m: number }]
    const drafts: PaymentDraft[] = []
    for (let tries = 0; drafts.length < ACCOUNT_POOL && tries < ACCOUNT_POOL * 20; tries++) {
      const [account] = (await db.knex.raw(`SELECT id FROM accounts WHERE rowid = ? AND status = 'open'`, [
        random.int(1, maxRowid),
      ])) as Array<{ id: string }>
      if (!account) continue
      const draft = await paymentDraft(ctx, account.id)
      if (draft.debts.length > 0) drafts.push(draft)
    }
    if (drafts.length === 0) throw new Error('Не нашлось счетов с услугами')

    console.log(
      `\nПриём платежей (postPayment), PRAGMA synchronous = ${sync?.synchronous === 2 ? 'FULL' : String(sync?.synchronous)}: ` +
        `${fmt(args.posts)} платежей после ${WARM_UP} на разогрев, ${drafts.length} счетов, окно ${BENCH_COUNTER}`,
    )
    console.log(`${''.padEnd(44)} ${'p50, мс'.padStart(8)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}`)
    const times: number[] = []
    let lastPaymentId = ''
    for (let i = 0; i < WARM_UP + args.posts; i++) {
      const input = paymentInput(random, drafts)
      const started = performance.now()
      const posted = await postPayment(ctx, clerk, input)
      if (i >= WARM_UP) times.push(performance.now() - started)
      lastPaymentId = posted.receipt.paymentId
    }
    latencyLine('один платёж, по очереди', times, TARGET_P95_MS)
    latencyLine('для сравнения: пустая запись с fsync (диск)', await commitFloor(dbPath))

    // The stream: the same number of payments, IN_FLIGHT posted at once, as fast as they go.
    const inputs = Array.from({ length: args.posts }, () => paymentInput(random, drafts))
    let next = 0
    const streamStarted = performance.now()
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < inputs.length) await postPayment(ctx, clerk, inputs[next++] as PaymentPostInput)
      }),
    )
    const streamSeconds = (performance.now() - streamStarted) / 1000
    console.log(
      `Поток: ${fmt(args.posts)} платежей по ${IN_FLIGHT} одновременно за ${fmt(streamSeconds, 2)} с — ` +
        `${fmt(args.posts / streamSeconds)} платежей/с (по очереди: ${fmt(1000 / (times.reduce((a, b) => a + b, 0) / times.length))} платежей/с)`,
    )

    // One receipt: the pure build and both renderings, then with the reading from the database.
    const row = (await db.knex('payments').where({ id: lastPaymentId }).first()) as Parameters<
      typeof receiptInput
    >[1]
    const input = await receiptInput(ctx, row)
    const pure: number[] = []
    for (let i = 0; i < RECEIPT_BUILDS; i++) {
      await measure(pure, () => {
        const doc = buildReceipt(input)
        renderDocumentHtml(doc, 'a4')
        toPosPrintData(doc, 'thermal58')
      })
    }
    const loaded: number[] = []
    for (let i = 0; i < 200; i++) await measure(loaded, () => receiptDocument(ctx, clerk, lastPaymentId))
    console.log(`\nЧек ${'p50, мс'.padStart(39)} ${'p95, мс'.padStart(8)} ${'max, мс'.padStart(8)}`)
    latencyLine('buildReceipt + HTML (A4) + POS (58 мм)', pure.slice(100))
    latencyLine('receiptDocument (чтение из базы + сборка)', loaded.slice(20))

    await bills(ctx, db, random, charged)
    console.log(`\nПамять процесса (RSS): ${rss()}`)
  } finally {
    if (officeId) await clearBenchCounter(db, officeId)
    await db.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
