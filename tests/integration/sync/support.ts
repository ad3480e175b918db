// Shared pieces of the office-sync suites: an office database on PostgreSQL served by a real
// okno-server process (skipped, with the reason printed, without OKNO_TEST_PG_URL), desks
// enrolled at it that have downloaded it, clerks known to every store and signed in at the
// server, a server nobody listens on, rounds of sync until quiet, and table snapshots to compare
// stores as maps rather than counts.
import { randomUUID } from 'node:crypto'
import { freePort } from '../../helpers/local-postgres'
import { afterAll, beforeAll, describe } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import { ClerkSessions } from '../../../src/main/sync/clerk-sessions'
import { verifyAuditChain } from '../../../src/main/services/core/audit'
import { cashDeskState, openShift } from '../../../src/main/services/cash/shifts'
import { changesAfter } from '../../../src/main/db/repositories/change-log'
import { openOfficeLink } from '../../../src/main/sync/link/https-link'
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/db/migrate'
import { readCursor } from '../../../src/main/db/repositories/sync-state'
import { SyncWorker } from '../../../src/main/sync/worker'
import type { AuditVerification } from '../../../src/shared/domain/app'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import type { ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract'
import type { OFFICE_OPS, OfficeOp } from '../../../src/shared/office/protocol'
import type { ShiftCloseInput } from '../../../src/shared/ipc/schemas/cash'
import { plainAmount } from '../../../src/shared/money'
import { clerkOf } from '../../helpers/cabinet'
import { firstOfficeId } from '../../helpers/cash'
import { makeContext } from '../../helpers/context'
import { PG_URL_VARIABLE, pgUrl, type TestEnv } from '../../helpers/database'
import { startOknoServer, type OknoServer } from '../../helpers/okno-server'
import { createDesk, type Desk, type Office } from '../../helpers/sync'

const SKIP_REASON = pgUrl()
  ? null
  : `[okno tests] office sync suites skipped: ${PG_URL_VARIABLE} is not set (they need a PostgreSQL server).`
if (SKIP_REASON) console.warn(SKIP_REASON)

/** beforeAll's limit where desks download the office (a 3,000-account demo, on a busy machine). */
export const DOWNLOAD_TIMEOUT = 240_000

/** A suite that needs the office server (PostgreSQL); skipped with a printed reason without it. */
export function describeOffice(name: string, body: () => void): void {
  describe.skipIf(SKIP_REASON !== null)(name, body)
}

/** A desk as the cash and billing helpers take it (TestEnv). */
export function envOf(desk: Desk): TestEnv {
  return { kind: 'sqlite', db: desk.db, ctx: desk.ctx, clock: desk.clock, settings: desk.settings }
}

/** The passwords of the clerks made by serverClerk, for signing them in at the server. */
const passwords = new Map<string, string>()

/** A clerk created on the server before the desks download it, so every store knows them. */
export async function serverClerk(
  office: Office,
  role: 'operator' | 'supervisor' = 'operator',
): Promise<ClerkInfo> {
  const made = await clerkOf(office.server, role)
  passwords.set(made.info.id, made.credentials.password)
  return made.info
}

/** The password of a clerk made by serverClerk. */
export function passwordOf(clerk: ClerkInfo): string {
  const password = passwords.get(clerk.id)
  if (!password) throw new Error(`No password for clerk ${clerk.id}: make them with serverClerk`)
  return password
}

/** Signs the clerk in at the server from this desk and makes them its acting clerk. */
export async function signInAt(desk: Desk, clerk: ClerkInfo): Promise<void> {
  await desk.signIn(clerk, passwordOf(clerk))
}

/** The first office's window `number` on the server (suites use numbers no other desk has). */
export async function ensureCounter(office: Pick<Office, 'server'>, number: number): Promise<void> {
  const officeId = await firstOfficeId(office.server)
  const found = await office.server.knex('counters').where({ office_id: officeId, number }).first('id')
  if (found) return
  await office.server.knex('counters').insert({
    id: randomUUID(),
    office_id: officeId,
    number,
    name: `Окно ${number}`,
    created_at: new Date().toISOString(),
  })
}

/** The office code of the office's first office (what the desks are enrolled for). */
export async function firstOfficeCode(office: Pick<Office, 'server'>): Promise<string> {
  const id = await firstOfficeId(office.server)
  return ((await office.server.knex('offices').where({ id }).first('code')) as { code: string }).code
}

/** A desk of the office's first office at window `counterNumber`, enrolled, its first download done. */
export async function downloadedDesk(okno: OknoServer, counterNumber: number): Promise<Desk> {
  const office = okno.office as Office
  await ensureCounter(office, counterNumber)
  const desk = await createDesk(okno, { officeCode: await firstOfficeCode(office), counterNumber })
  const status = await desk.worker.syncNow()
  if (status.state !== 'online') {
    await desk.dispose()
    throw new Error(`The desk did not download the office: ${status.state}, ${status.lastError}`)
  }
  return desk
}

export interface OfficeSuite {
  office: Office
  /** The okno-server process serving the office database. */
  okno: OknoServer
  /** Downloaded desks, one per counter number asked for, in that order. */
  desks: Desk[]
}

/**
 * A suite's hooks: a new office database and an okno-server serving it; `setUp` on its database
 * (what the desks must find there: clerks, an office of the appointment tests); an enrolled,
 * downloaded desk per counter number; then `ready` with them all. After the suite, `tearDown`,
 * then the desks, the server and the office are disposed.
 */
export function useOffice(
  counters: readonly number[],
  hooks: {
    setUp?: (office: Office) => Promise<void>
    ready: (suite: OfficeSuite) => void | Promise<void>
    tearDown?: () => Promise<void>
  },
): void {
  let suite: OfficeSuite | undefined
  beforeAll(async () => {
    const okno = await startOknoServer()
    const office = okno.office as Office
    suite = { office, okno, desks: [] }
    await hooks.setUp?.(office)
    for (const counter of counters) suite.desks.push(await downloadedDesk(okno, counter))
    await hooks.ready(suite)
  }, DOWNLOAD_TIMEOUT)
  afterAll(async () => {
    await hooks.tearDown?.()
    for (const desk of suite?.desks ?? []) await desk.dispose()
    await suite?.okno.stop() // drops the office database too
  })
}

/** Opens a shift at the desk's window (float 1 000 ₽). */
export async function openDeskShift(desk: Desk, clerk: ClerkInfo): Promise<string> {
  return (await openShift(desk.ctx, clerk, { float: '1000' })).id
}

/** The closing form with the cash counted exactly as expected (no supervisor needed). */
export async function countedAsExpected(desk: Desk): Promise<ShiftCloseInput> {
  const { shift } = await cashDeskState(desk.ctx)
  if (!shift) throw new Error('No open shift at this desk')
  return { counted: plainAmount(shift.figures.expectedKopecks) }
}

/**
 * A second worker for the desk's store with its credential, whose server is `server` (by default
 * nobody listening), carrying the desk's clerk sessions; `schemaVersion` plays a desk of another.
 */
export async function otherWorker(
  desk: Desk,
  server?: { url: string; fingerprint: string },
  options: { schemaVersion?: number } = {},
): Promise<{ worker: SyncWorker; dispose(): Promise<void> }> {
  const target = server ?? { url: `https://127.0.0.1:${await freePort()}`, fingerprint: null }
  const worker = new SyncWorker({
    local: desk.db,
    link: openOfficeLink(target, desk.credential),
    clock: desk.clock,
    intervalMs: 1_000,
    schemaVersion: options.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    demo: null,
    sessions: desk.sessions,
    backoff: { baseMs: 50, maxMs: 500 },
  })
  return {
    worker,
    async dispose() {
      await worker.stop()
    },
  }
}

/** Sessions of no clerk (a desk whose clerks never signed in at the server). */
export function noSessions(): ClerkSessions {
  return new ClerkSessions()
}

/** Whether the desk has nothing to push and nothing to pull (`server`: the office database). */
async function quiet(server: Db, desk: Desk): Promise<boolean> {
  const status = await desk.worker.status()
  if (status.pending - status.failed > 0) return false
  const cursor = await readCursor(desk.db.knex)
  return (await changesAfter(server.knex, cursor, desk.settings.get().workstationId, 1)).length === 0
}

/**
 * Syncs the desks in turn (A, B, A…) — a push, then a pull without waiting — until every one of
 * them is quiet; throws if one fails.
 */
export async function syncAll(office: Office, desks: readonly Desk[], maxRounds = 4): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    for (const desk of desks) {
      const status = await desk.worker.syncNow()
      if (status.state !== 'online') throw new Error(`Sync failed: ${status.state}, ${status.lastError}`)
    }
    const states = await Promise.all(desks.map((desk) => quiet(office.server, desk)))
    if (states.every(Boolean)) return
  }
  throw new Error(`The desks are not quiet after ${maxRounds} rounds`)
}

/** A value as both stores can agree on it: booleans as 0/1 (SQLite keeps them so). */
function normal(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === undefined) return null
  return value
}

/**
 * The table's rows as a map from the key (columns joined by «|») to the other columns' values,
 * normalised so a SQLite desk and the PostgreSQL server compare equal when they agree.
 */
export async function tableSnapshot(
  db: Db,
  table: string,
  key: readonly string[],
  columns: readonly string[],
  where: (q: import('knex').Knex.QueryBuilder) => void = () => {},
): Promise<Map<string, string>> {
  const q = db.knex(table).select([...key, ...columns])
  where(q)
  const rows = (await q) as Array<Record<string, unknown>>
  return new Map(
    rows.map((r) => [
      key.map((k) => String(r[k])).join('|'),
      JSON.stringify(columns.map((c) => normal(r[c]))),
    ]),
  )
}

/** Every column of every row, keyed like tableSnapshot: what «unchanged» means for a table. */
export async function fullSnapshot(
  db: Db,
  table: string,
  key: readonly string[],
): Promise<Map<string, string>> {
  const rows = (await db.knex(table).select('*')) as Array<Record<string, unknown>>
  return new Map(
    rows.map((r) => [
      key.map((k) => String(r[k])).join('|'),
      JSON.stringify(
        Object.keys(r)
          .sort()
          .map((c) => [c, normal(r[c])]),
      ),
    ]),
  )
}

/** Sums of a column grouped by another, as a map (e.g. payments per account). */
export async function sumsBy(
  db: Db,
  table: string,
  by: string,
  column: string,
): Promise<Map<string, number>> {
  const rows = (await db.knex(table).groupBy(by).select(by).sum({ s: column })) as Array<
    Record<string, unknown>
  >
  return new Map(rows.map((r) => [String(r[by]), Number(r.s)]))
}

/** The audit chain of a store, checked as the supervisor's screen checks it. */
export function auditChain(db: Db): Promise<AuditVerification> {
  return verifyAuditChain(makeContext(db).ctx)
}

export async function ids(db: Db, table: string, where: Record<string, unknown> = {}): Promise<string[]> {
  const rows = (await db.knex(table).where(where).select('id').orderBy('id')) as Array<{ id: string }>
  return rows.map((r) => r.id)
}

/** The server's change log: count, and the change ids pushed by `origin` (all when omitted). */
export async function loggedChanges(server: Db, origin?: string): Promise<string[]> {
  const q = server.knex('sync_changes').select('change_id').orderBy('change_id')
  if (origin) q.where({ origin })
  return ((await q) as Array<{ change_id: string }>).map((r) => r.change_id)
}

/** An operation that must see every desk's state, run by the desk on the server under the clerk's session. */
export async function onServer<O extends OfficeOp>(
  desk: Desk,
  clerk: ClerkInfo,
  op: O,
  input: ChannelInput<(typeof OFFICE_OPS)[O]>,
): Promise<ChannelOutput<(typeof OFFICE_OPS)[O]>> {
  const token = desk.sessions.tokenOf(clerk.id)
  if (!token) throw new Error(`Clerk ${clerk.id} has no server session at this desk (signInAt first)`)
  return (await desk.worker.direct(op, op, input, token)) as ChannelOutput<(typeof OFFICE_OPS)[O]>
}
