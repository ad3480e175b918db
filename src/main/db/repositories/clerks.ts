// Clerk records: sign-in lookups, the failed-attempt counter, and names for receipts and reports.
import type { Knex } from 'knex'
import type { ClerkInfo, ClerkRole } from '../../../shared/domain/clerk'
import type { Db } from '../connection'

export interface ClerkRow {
  id: string
  login: string
  full_name: string
  role: ClerkRole
  password_hash: string
  active: boolean | number
  failed_attempts: number
  locked_until: string | null
}

export function toClerkInfo(r: ClerkRow): ClerkInfo {
  return { id: r.id, login: r.login, fullName: r.full_name, role: r.role }
}

export async function findClerkByLogin(db: Db, login: string): Promise<ClerkRow | undefined> {
  return (await db.knex('clerks').where({ login: login.trim().toLowerCase() }).first()) as
    ClerkRow | undefined
}

export async function findClerkById(db: Db | Knex.Transaction, id: string): Promise<ClerkRow | undefined> {
  const knex = 'knex' in db ? db.knex : db
  return (await knex('clerks').where({ id }).first()) as ClerkRow | undefined
}

export async function setClerkAttempts(
  trx: Knex.Transaction,
  id: string,
  failedAttempts: number,
  lockedUntil: string | null,
  now: string,
): Promise<void> {
  await trx('clerks')
    .where({ id })
    .update({ failed_attempts: failedAttempts, locked_until: lockedUntil, updated_at: now })
}

/** The full names of clerks `ids` (nulls and repeats ignored), by id. */
export async function clerkNames(
  knex: Knex,
  ids: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => Boolean(i)))]
  if (wanted.length === 0) return new Map()
  const rows = (await knex('clerks').whereIn('id', wanted).select('id', 'full_name')) as Array<{
    id: string
    full_name: string
  }>
  return new Map(rows.map((r) => [r.id, r.full_name]))
}
