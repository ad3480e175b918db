// A desk killed in the middle of a push (issue 7 «Tests», through the okno-server since issue 14):
// a child process (tests/helpers/sync-pusher.ts) pushes a desk's 1,000 payments 50 changes a batch
// and is killed with SIGKILL at random points — while the server applies a batch, between the
// server's answer and the desk's «sent» mark, or inside that mark — six times, then runs to the end. Every change is
// on the server exactly once, every outbox row is marked sent, and the desk file is intact. Last,
// the acknowledgement of the newest batches is undone by hand (a lost reply): sent again, they
// change nothing on the server.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../../src/main/db/connection'
import { Random } from '../../../../src/main/demo/random'
import { createTestDatabase, pgUrl, type TestDatabase } from '../../../helpers/database'
import { SMALL_DEMO } from '../../../helpers/pg-cluster'
import type { DeskCredential } from '../../../../src/main/sync/link/types'
import { startOknoServer, type OknoServer } from '../../../helpers/okno-server'
import { createDesk } from '../../../helpers/sync'
import { ensureCounter, firstOfficeCode } from '../support'
import { expectExactlyOnce, loggedCount, outboxCount, postPayments, until } from './fixture'

const PUSHER = join(__dirname, '../../../helpers/sync-pusher.ts')
const PAYMENTS = 1_000
const BATCH = 50
const KILLS = 6
// Guards against a hang, not speed checks (so is the test's own limit below, 10 minutes): seven
// child starts and a thousand payments take many times longer on a busy two-core machine.
const LINE_LIMIT_MS = 120_000

/** What the child needs to push as the desk: the server, the desk's credential, a clerk's session. */
interface PusherDesk {
  url: string
  fingerprint: string
  credential: DeskCredential
  session: string
}

/** The child pushing the outbox; its stdout as lines. */
class Pusher {
  readonly child: ChildProcess
  readonly lines: string[] = []
  private buffer = ''
  private stderr = ''
  exited = false
  readonly closed: Promise<void>

  constructor(file: string, desk: PusherDesk) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', PUSHER, file, desk.url, desk.fingerprint, String(BATCH)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          OKNO_DESK_ID: desk.credential.deskId,
          OKNO_DESK_SECRET: desk.credential.secret,
          OKNO_SESSION: desk.session,
        },
      },
    )
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (this.buffer + chunk).split('\n')
      this.buffer = parts.pop() ?? ''
      this.lines.push(...parts)
    })
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.closed = new Promise((resolve) =>
      this.child.on('close', () => {
        this.exited = true
        resolve()
      }),
    )
  }

  /** Waits for `n` lines; fails when the child ends before printing them. */
  async printed(n: number): Promise<void> {
    await until(`${n} lines from the pusher`, () => this.lines.length >= n || this.exited, LINE_LIMIT_MS)
    if (this.lines.length < n) {
      throw new Error(
        `The pusher ended (code ${this.child.exitCode}) after ${this.lines.length} lines:\n${this.stderr}`,
      )
    }
  }

  async finished(): Promise<void> {
    await this.closed
    expect(this.child.exitCode, this.stderr).toBe(0)
    expect(this.lines.at(-1)).toBe('DONE')
  }
}

const sentCount = async (desk: Db): Promise<number> => {
  const row = (await desk.knex('outbox').whereNotNull('sent_at').count({ n: '*' }).first()) as {
    n: number | string
  }
  return Number(row.n)
}

describe.skipIf(!pgUrl())('a desk killed in the middle of a push', () => {
  let office: TestDatabase | undefined
  let okno: OknoServer | undefined
  let dir: string | undefined
  beforeAll(async () => {
    office = await createTestDatabase('pg', SMALL_DEMO)
    const url = (office.db.knex.client.config.connection as { connectionString: string }).connectionString
    okno = await startOknoServer({ pgUrl: url })
    dir = mkdtempSync(join(tmpdir(), 'okno-kill-'))
  }, 300_000)
  afterAll(async () => {
    await okno?.stop()
    await office?.dispose()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('pushes every change exactly once through six SIGKILLs and a lost acknowledgement', async () => {
    const server = (office as TestDatabase).db
    const served = okno as OknoServer
    const file = join(dir as string, 'desk.sqlite')

    // The prepared desk: the office downloaded, 1,000 payments in its outbox, nothing sent.
    await ensureCounter({ server }, 1)
    const desk = await createDesk(served, { officeCode: await firstOfficeCode({ server }), counterNumber: 1 })
    const origin = desk.settings.get().workstationId
    let shiftId: string
    let pusherDesk: PusherDesk
    try {
      expect((await desk.worker.syncNow()).state).toBe('online')
      ;({ shiftId } = await postPayments(desk, 1, PAYMENTS))
      const session = desk.sessions.all()[0]
      if (!session) throw new Error('The operator has no server session')
      pusherDesk = { url: served.url, fingerprint: served.fingerprint, credential: desk.credential, session }
      await desk.db.knex.raw('VACUUM INTO ?', [file])
    } finally {
      await desk.dispose()
    }

    const local = openDb({ client: 'sqlite', filename: file })
    try {
      const total = await outboxCount(local)
      expect(await sentCount(local)).toBe(0)
      const seed = Date.now() % 2 ** 31
      const random = new Random(seed)
      const about = `seed ${seed}`
      let lostAcks = 0
      let previous = { logged: 0, sent: 0 }
      for (let round = 0; round < KILLS; round++) {
        const pusher = new Pusher(file, pusherDesk)
        try {
          await pusher.printed(random.int(1, 10))
          // Somewhere in the next batch: its server transaction, the commit, or the local mark.
          await new Promise((resolve) => setTimeout(resolve, random.int(0, 40)))
        } finally {
          pusher.child.kill('SIGKILL')
          await pusher.closed
        }
        expect(pusher.child.signalCode, about).toBe('SIGKILL')
        expect(pusher.lines, about).not.toContain('DONE')
        expect(
          pusher.lines.filter((l) => l.startsWith('FAILED')),
          about,
        ).toEqual([])
        const logged = await loggedCount(server, origin)
        const sent = await sentCount(local)
        // Each run marked at least one batch sent (perhaps the one the last kill left unmarked).
        expect(sent, about).toBeGreaterThan(previous.sent)
        expect(logged, about).toBeGreaterThanOrEqual(previous.logged)
        expect(logged, about).toBeLessThan(total)
        // The server never lacks a change the desk marked sent; it may hold one batch more.
        expect(logged - sent, about).toBeGreaterThanOrEqual(0)
        expect(logged - sent, about).toBeLessThanOrEqual(BATCH)
        if (logged > sent) lostAcks++
        previous = { logged, sent }
      }
      const last = new Pusher(file, pusherDesk)
      await last.finished()
      expect(await loggedCount(server, origin), about).toBe(total)
      await expectExactlyOnce(local, server, origin, shiftId, PAYMENTS)

      // A lost reply, for certain: the newest three batches look unsent again.
      const resent = 3 * BATCH
      await local
        .knex('outbox')
        .whereIn('id', local.knex('outbox').select('id').orderBy('id', 'desc').limit(resent))
        .update({ sent_at: null })
      expect(await sentCount(local)).toBe(total - resent)
      const again = new Pusher(file, pusherDesk)
      await again.finished()
      expect(again.lines.filter((l) => l.startsWith('SENT')).length).toBe(3)
      expect(await loggedCount(server, origin)).toBe(total)
      await expectExactlyOnce(local, server, origin, shiftId, PAYMENTS)

      expect(await local.knex.raw('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
      console.log(
        `[sync-faults] ${KILLS} SIGKILLs mid-push of ${total} changes (${lostAcks} after the server's ` +
          `commit, before the desk's mark), then a forced lost reply of ${resent}: exactly once (${about})`,
      )
    } finally {
      await local.close()
    }
  }, 600_000)
})
