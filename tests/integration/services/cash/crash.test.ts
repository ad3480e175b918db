// Crash safety of the cash desk (issue 5 «Tests»): a child process posts payments in a loop
// (tests/helpers/crash-poster.ts) and is killed with SIGKILL at random points — right after an
// acknowledgement or a few milliseconds into the next post — and started again, eight times. Then
// every payment the desk acknowledged is in the database exactly once, no payment lacks its
// allocations, audit entry or outbox rows, the shift's receipt numbers run 1…N without a gap or a
// repeat, the audit chain holds, and SQLite's integrity check says ok.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { Random } from '../../../../src/main/demo/random'
import { verifyAuditChain } from '../../../../src/main/services/core/audit'
import { clerkOf } from '../../../helpers/cabinet'
import { firstOfficeId } from '../../../helpers/cash'
import { TEST_NOW } from '../../../helpers/clock'
import { makeContext } from '../../../helpers/context'
import type { CrashPosterConfig } from '../../../helpers/crash-poster'
import { createTestDatabase, type TestDatabase } from '../../../helpers/database'

const POSTER = join(__dirname, '../../../helpers/crash-poster.ts')
const KILLS = 8
// Guards against a hung child, not speed checks (so is the test's own limit below, 10 minutes):
// a start (tsx, the database) on a busy two-core machine takes many times what it takes on a
// quiet one, and there are eight of them.
const LINE_LIMIT_MS = 120_000

/** The child's stdout as lines, awaited one by one; its exit rejects whatever is awaited. */
class Poster {
  readonly child: ChildProcess
  private buffer = ''
  private readonly lines: string[] = []
  private waiter: { resolve: (line: string) => void; reject: (err: Error) => void } | null = null
  private stderr = ''
  private ended: Error | null = null
  readonly closed: Promise<void>

  constructor(file: string, config: CrashPosterConfig) {
    this.child = spawn(process.execPath, ['--import', 'tsx', POSTER, file, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.buffer += chunk
      let nl: number
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl))
        this.buffer = this.buffer.slice(nl + 1)
      }
      this.wake()
    })
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.closed = new Promise((resolve) =>
      this.child.on('close', (code, signal) => {
        this.ended = new Error(`Процесс завершился (код ${code}, сигнал ${signal}):\n${this.stderr}`)
        this.wake()
        resolve()
      }),
    )
  }

  private wake(): void {
    if (!this.waiter) return
    const line = this.lines.shift()
    if (line !== undefined) {
      this.waiter.resolve(line)
      this.waiter = null
    } else if (this.ended) {
      this.waiter.reject(this.ended)
      this.waiter = null
    }
  }

  /** The next line the child prints. */
  next(): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Нет строки от процесса за ${LINE_LIMIT_MS / 1000} с:\n${this.stderr}`)),
        LINE_LIMIT_MS,
      )
      this.waiter = {
        resolve: (line) => {
          clearTimeout(timer)
          resolve(line)
        },
        reject: (err) => {
          clearTimeout(timer)
          reject(err)
        },
      }
      this.wake()
    })
  }

  /** Every line left after the child is gone (printed before the kill, read after it). */
  rest(): string[] {
    return this.lines.splice(0)
  }
}

let database: TestDatabase | undefined
beforeAll(async () => {
  database = await createTestDatabase('sqlite')
})
afterAll(async () => {
  await database?.dispose()
})

it('keeps every acknowledged payment exactly once, whole and numbered, through eight SIGKILLs', async () => {
  const { db } = database as TestDatabase
  const file = (db.knex.client.config as { connection: { filename: string } }).connection.filename
  const seed = Date.now() % 2 ** 31
  const random = new Random(seed)
  const about = `seed ${seed}`
  const accounts = (await db
    .knex('accounts as a')
    .where('a.status', 'open')
    .whereExists((q) => q.select('*').from('charges as c').whereRaw('c.account_id = a.id'))
    .orderBy('a.number')
    .limit(40)
    .select('a.id')) as Array<{ id: string }>
  const config: CrashPosterConfig = {
    officeId: await firstOfficeId(db),
    counterNumber: 1,
    workstationId: randomUUID(),
    clerkId: (await clerkOf(db)).info.id,
    accountIds: accounts.map((a) => a.id),
    clockOffsetMs: Date.parse(TEST_NOW) - Date.now(),
    seed,
  }

  const acked: string[] = []
  const shifts = new Set<string>()
  let killedMidPost = 0
  for (let round = 0; round < KILLS; round++) {
    const poster = new Poster(file, { ...config, seed: seed + round })
    try {
      const ready = await poster.next()
      expect(ready, about).toMatch(/^READY [0-9a-f-]{36}$/)
      shifts.add(ready.slice('READY '.length))
      const target = random.int(1, 25)
      for (let n = 0; n < target; n++) {
        const line = await poster.next()
        expect(line, about).toMatch(/^ACK [0-9a-f-]{36}$/)
        acked.push(line.slice(4))
      }
      // Half the time at once (the next post has just begun), half a few milliseconds later
      // (somewhere inside it: its reads, its write transaction, or its commit).
      if (random.chance(0.5)) {
        killedMidPost++
        await new Promise((resolve) => setTimeout(resolve, random.int(1, 12)))
      }
    } finally {
      poster.child.kill('SIGKILL')
      await poster.closed
    }
    expect(poster.child.signalCode, about).toBe('SIGKILL')
    for (const line of poster.rest()) if (line.startsWith('ACK ')) acked.push(line.slice(4))
  }

  expect(shifts.size, `${about}: the shift stays open across restarts`).toBe(1)
  const [shiftId] = [...shifts] as [string]
  const knex = db.knex

  // Every acknowledged key: one payment.
  const keyed = (await knex('payments')
    .whereIn('idempotency_key', acked)
    .groupBy('idempotency_key')
    .select('idempotency_key')
    .count({ n: '*' })) as Array<{ idempotency_key: string; n: number }>
  expect(keyed.length, about).toBe(acked.length)
  expect(
    keyed.filter((k) => Number(k.n) !== 1),
    about,
  ).toEqual([])

  // At most one payment per kill was committed without being acknowledged.
  const inShift = (await knex('payments')
    .where({ shift_id: shiftId })
    .orderBy('receipt_no')
    .select('id', 'receipt_no', 'receipt_number')) as Array<{
    id: string
    receipt_no: number
    receipt_number: string
  }>
  expect(inShift.length, about).toBeGreaterThanOrEqual(acked.length)
  expect(inShift.length - acked.length, about).toBeLessThanOrEqual(KILLS)

  // Receipt numbers 1…N, no gap, no repeat, and the shift's counter at N.
  expect(
    inShift.map((p) => Number(p.receipt_no)),
    about,
  ).toEqual(inShift.map((_, i) => i + 1))
  expect(new Set(inShift.map((p) => p.receipt_number)).size, about).toBe(inShift.length)
  const shift = (await knex('shifts').where({ id: shiftId }).first('last_receipt_no')) as {
    last_receipt_no: number
  }
  expect(Number(shift.last_receipt_no), about).toBe(inShift.length)

  // Whole payments: allocations adding up to the amount, the audit entry, the outbox rows.
  const orphans = async (sql: string): Promise<string[]> =>
    ((await knex.raw(sql, [shiftId])) as Array<{ id: string }>).map((r) => r.id)
  expect(
    await orphans(`SELECT p.id FROM payments p
      LEFT JOIN (SELECT payment_id, sum(amount_kopecks) AS s FROM payment_allocations GROUP BY payment_id) a
        ON a.payment_id = p.id
      WHERE p.shift_id = ? AND (a.s IS NULL OR a.s <> p.amount_kopecks)`),
    `${about}: payments whose allocations are missing or do not add up`,
  ).toEqual([])
  expect(
    await orphans(`SELECT p.id FROM payments p WHERE p.shift_id = ? AND NOT EXISTS (
      SELECT 1 FROM audit_log l WHERE l.object_type = 'payment' AND l.object_id = p.id AND l.action = 'payment.post')`),
    `${about}: payments without an audit entry`,
  ).toEqual([])
  expect(
    await orphans(`SELECT p.id FROM payments p WHERE p.shift_id = ? AND NOT EXISTS (
      SELECT 1 FROM outbox o WHERE o.entity = 'payments' AND o.entity_id = p.id)`),
    `${about}: payments without an outbox row`,
  ).toEqual([])
  expect(
    await orphans(`SELECT a.id FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
      WHERE p.shift_id = ? AND NOT EXISTS (
        SELECT 1 FROM outbox o WHERE o.entity = 'payment_allocations' AND o.entity_id = a.id)`),
    `${about}: allocations without an outbox row`,
  ).toEqual([])

  const chain = await verifyAuditChain(makeContext(db).ctx)
  expect(chain, about).toMatchObject({ intact: true, brokenAt: null })
  expect(await knex.raw('PRAGMA integrity_check'), about).toEqual([{ integrity_check: 'ok' }])
  console.log(
    `[crash] ${KILLS} SIGKILLs (${killedMidPost} a few ms into a post), ${acked.length} acknowledged, ` +
      `${inShift.length} in the shift (${about})`,
  )
}, 600_000)
