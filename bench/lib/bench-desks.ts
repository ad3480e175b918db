// The sync bench's desks on the office server: counters of their own in the first office (a
// desk's shift must be of its enrolled counter, one open per counter), enrolled the real way (a
// code from the server's enrollment function, then the HTTPS enrollment), and everything they left
// on the server removed before and after a run.
import type { Db } from '../../src/main/db/connection'
import { CURRENT_SCHEMA_VERSION } from '../../src/main/db/migrate'
import { createEnrollment } from '../../src/main/server/admin'
import { enrollDesk, openOfficeLink } from '../../src/main/sync/link/https-link'
import type { OfficeLink } from '../../src/main/sync/link/types'
import { SYNC_TABLES } from '../../src/main/sync/tables'
import type { Enrolled } from '../../src/shared/office/protocol'

/** Counters 70… of the first office are the bench's: desk i sits at counter FIRST_COUNTER + i. */
const FIRST_COUNTER = 70
export const MAX_BENCH_DESKS = 30

/** Fixed ids, so what a killed run left on the server is found and removed by the next one. */
export function benchWorkstationId(i: number): string {
  return `b0000000-5c00-4000-8000-0000000000${String(i).padStart(2, '0')}`
}
const counterId = (i: number): string => `b0000000-5c00-4000-8000-00000000c0${String(i).padStart(2, '0')}`
const ALL = Array.from({ length: MAX_BENCH_DESKS }, (_, i) => i)

export interface BenchDesk {
  index: number
  workstationId: string
  counterNumber: number
  enrolled: Enrolled
  target: { url: string; fingerprint: string }
  /** A new link with the desk's credential (a worker closes the one it is given). */
  link(): OfficeLink
}

/** The first office (by code) and the bench's counters in it. */
export async function ensureBenchCounters(office: Db): Promise<{ officeId: string; officeCode: string }> {
  const first = (await office.knex('offices').orderBy('code').first('id', 'code')) as {
    id: string
    code: string
  }
  await office
    .knex('counters')
    .insert(
      ALL.map((i) => ({
        id: counterId(i),
        office_id: first.id,
        number: FIRST_COUNTER + i,
        name: `Окно бенчмарка ${FIRST_COUNTER + i}`,
        created_at: new Date().toISOString(),
      })),
    )
    .onConflict('id')
    .ignore()
  return { officeId: first.id, officeCode: first.code }
}

export async function enrollBenchDesk(
  office: Db,
  officeCode: string,
  server: { url: string; fingerprint: string },
  index: number,
): Promise<BenchDesk> {
  const counterNumber = FIRST_COUNTER + index
  const { code } = await createEnrollment(office, officeCode, counterNumber, 15)
  const target = { url: server.url, fingerprint: server.fingerprint }
  const workstationId = benchWorkstationId(index)
  const enrolled = await enrollDesk(target, {
    code,
    workstationId,
    name: `Бенчмарк, окно ${counterNumber}`,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    demo: true,
  })
  return {
    index,
    workstationId,
    counterNumber,
    enrolled,
    target,
    link: () => openOfficeLink(target, { deskId: enrolled.deskId, secret: enrolled.secret }),
  }
}

/**
 * Removes from the server what the bench's desks sent (the rows they inserted, children first,
 * and their change-log entries) and the desks themselves with their sessions, refusals and codes.
 * Their updates of other rows are not undone (a payment makes none). Returns the changes removed.
 */
export async function clearBenchDesks(office: Db): Promise<number> {
  const origins = ALL.map(benchWorkstationId)
  return office.knex.transaction(async (trx) => {
    for (const table of [...SYNC_TABLES].reverse()) {
      if (table.key.length !== 1) continue
      await trx(table.name)
        .whereRaw(
          `??::text IN (SELECT entity_id FROM sync_changes WHERE origin = ANY(?::text[]) AND entity = ? AND op = 'insert')`,
          [table.key[0] as string, origins, table.name],
        )
        .delete()
    }
    const removed = Number(await trx('sync_changes').whereIn('origin', origins).delete())
    const desks = trx('server_desks').whereIn('workstation_id', origins).select('id')
    await trx('server_sessions').whereIn('desk_id', desks).delete()
    await trx('server_refusals').whereIn('desk_id', desks).delete()
    await trx('server_enrollments').whereIn('counter_id', ALL.map(counterId)).delete()
    await trx('server_desks').whereIn('workstation_id', origins).delete()
    return removed
  })
}
