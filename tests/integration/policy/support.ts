// The write policy's tests: an office server on PostgreSQL with a downloaded desk (from the sync
// suites' support), the desk's identity and signed-in clerks as the server would resolve them,
// and the desk's outbox checked by checkChanges against the server — then applied, as the push
// handler does, or left (the check never writes).
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { markOutboxSent, unsentChanges } from '../../../src/main/db/repositories/outbox'
import {
  checkChanges,
  type DeskIdentity,
  type SessionClerk,
  type Verdict,
} from '../../../src/main/server/policy'
import { applyChanges } from '../../../src/main/sync/apply'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import type { Change } from '../../../src/shared/domain/sync'
import type { Desk, Office } from '../../helpers/sync'

export { describeOffice, envOf, serverClerk, useOffice } from '../sync/support'

/** The desk as `server_desks` would bind it: its workstation, office and counter. */
export async function identityOf(office: Office, desk: Desk): Promise<DeskIdentity> {
  const { workstationId, officeId, counterNumber } = desk.settings.get()
  const counter = (await office.server
    .knex('counters')
    .where({ office_id: officeId, number: counterNumber })
    .first('id')) as { id: string } | undefined
  return {
    deskId: randomUUID(),
    workstationId,
    officeId: officeId ?? '',
    counterId: counter?.id ?? randomUUID(),
    counterNumber,
  }
}

/** The clerks signed in at the desk, with the server's roles (as server_sessions resolve them). */
export function sessionOf(...clerks: ClerkInfo[]): Map<string, SessionClerk> {
  return new Map(clerks.map((c) => [c.id, { id: c.id, role: c.role, officeId: null }]))
}

/** The desk's outbox rows not yet on the server, oldest first. */
export function outboxOf(desk: Desk): Promise<Change[]> {
  return unsentChanges(desk.db.knex, 100_000)
}

/** Checks `changes` against the server in a transaction that is rolled back. */
export async function check(
  office: Office,
  desk: DeskIdentity,
  clerks: ReadonlyMap<string, SessionClerk>,
  changes: readonly Change[],
): Promise<Verdict[]> {
  const trx = await office.server.knex.transaction()
  try {
    return await checkChanges(trx, desk, clerks, changes)
  } finally {
    await trx.rollback()
  }
}

/** The refusal reasons of the verdicts, by change entity and op (accepted ones left out). */
export function refusals(changes: readonly Change[], verdicts: readonly Verdict[]): string[] {
  return verdicts.flatMap((v, i) => (v.ok ? [] : [`${changes[i]?.entity}.${changes[i]?.op}: ${v.reason}`]))
}

/**
 * Pushes the desk's outbox the way the server does: every change checked (all must be accepted),
 * then applied and marked sent at the desk. Returns the changes pushed.
 */
export async function pushChecked(
  office: Office,
  desk: Desk,
  clerks: ReadonlyMap<string, SessionClerk>,
): Promise<Change[]> {
  const changes = await outboxOf(desk)
  const identity = await identityOf(office, desk)
  await office.server.knex.transaction(async (trx) => {
    const verdicts = await checkChanges(trx, identity, clerks, changes)
    expect(refusals(changes, verdicts)).toEqual([])
    await applyChanges(trx, changes)
  })
  await markSent(desk, changes)
  return changes
}

/**
 * Applies the desk's outbox to the server unchecked: stands in for one of the server's own
 * operations (a booking, a cabinet's registration) that a test needs done before what it checks.
 */
export async function applyUnchecked(office: Office, desk: Desk): Promise<void> {
  const changes = await outboxOf(desk)
  await office.server.knex.transaction((trx) => applyChanges(trx, changes))
  await markSent(desk, changes)
}

async function markSent(desk: Desk, changes: readonly Change[]): Promise<void> {
  await desk.db.knex.transaction((trx) =>
    markOutboxSent(
      trx,
      changes.map((c) => c.id),
      new Date().toISOString(),
    ),
  )
}

/** The desk's calls from now on run for `clerk` (the IPC dispatcher sets it per call). */
export function actAs(desk: Desk, clerk: ClerkInfo): void {
  desk.ctx.actorId = clerk.id
}
