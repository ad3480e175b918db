// Pieces of the okno-server suites: enrollment requests and enrolled links, the office's codes,
// an audit entry a desk may push (its chain's next one), and OfficeLinkError expectations.
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../src/main/db/migrate'
import { entryHash, GENESIS_HASH } from '../../../src/main/services/core/audit'
import { enrollDesk, openOfficeLink } from '../../../src/main/sync/link/https-link'
import { OfficeLinkError, type OfficeLink } from '../../../src/main/sync/link/types'
import type { Enrolled, EnrollRequest } from '../../../src/shared/office/protocol'
import type { OknoServer } from '../../helpers/okno-server'

export function enrollRequest(code: string, overrides: Partial<EnrollRequest> = {}): EnrollRequest {
  return {
    code,
    workstationId: randomUUID(),
    name: 'Окно для теста',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    demo: true,
    ...overrides,
  }
}

/** The office code and counter number of the demo's first counter. */
export async function firstCounter(server: OknoServer): Promise<{ officeCode: string; counter: number }> {
  const db = server.office?.server
  if (!db) throw new Error('The server was given a database: ask the one that made it')
  const row = (await db
    .knex('counters as c')
    .join('offices as o', 'o.id', 'c.office_id')
    .select('o.code', 'c.number')
    .orderBy([{ column: 'o.code' }, { column: 'c.number' }])
    .first()) as { code: string; number: number }
  return { officeCode: row.code, counter: Number(row.number) }
}

export interface EnrolledDesk {
  enrolled: Enrolled
  workstationId: string
  link: OfficeLink
}

/** A desk enrolled with a fresh code at `server` (the code made by `codeFrom`, the same by default). */
export async function enrolledDesk(
  server: OknoServer,
  place: { officeCode: string; counter: number },
  codeFrom: OknoServer = server,
): Promise<EnrolledDesk> {
  const code = await codeFrom.enroll(place.officeCode, place.counter)
  const request = enrollRequest(code)
  const target = { url: server.url, fingerprint: server.fingerprint }
  const enrolled = await enrollDesk(target, request)
  return {
    enrolled,
    workstationId: request.workstationId,
    link: openOfficeLink(target, { deskId: enrolled.deskId, secret: enrolled.secret }),
  }
}

/** `promise` fails with an OfficeLinkError of `code` whose message matches `message`. */
export async function expectLinkError(
  promise: Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<OfficeLinkError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(OfficeLinkError)
  expect(err).toMatchObject({ code, message: expect.stringMatching(message) })
  return err as OfficeLinkError
}

/** The next entry of `workstationId`'s audit chain (entry `seq` after `prevHash`), as a pushed change. */
export function auditChange(
  workstationId: string,
  clerkId: string,
  seq = 1,
  prevHash = GENESIS_HASH,
): {
  change: {
    id: string
    entity: string
    entityId: string
    op: 'insert'
    payload: string
    createdAt: string
    clerkId: string
  }
  hash: string
} {
  const at = new Date().toISOString()
  const row = {
    id: randomUUID(),
    workstation_id: workstationId,
    seq,
    at,
    clerk_id: clerkId,
    action: 'test.server_push',
    object_type: null,
    object_id: null,
    details: '{}',
    prev_hash: prevHash,
  }
  const hash = entryHash(row)
  return {
    hash,
    change: {
      id: randomUUID(),
      entity: 'audit_log',
      entityId: row.id,
      op: 'insert',
      payload: JSON.stringify({ ...row, hash }),
      createdAt: at,
      clerkId,
    },
  }
}
