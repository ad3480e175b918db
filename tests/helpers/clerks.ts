// Clerks for tests. Each test that signs in gets its own copy of a demo clerk (same password,
// new login), so lockouts and failed-attempt counters never leak between tests.
import { randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../../src/main/db/connection'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import type { ClerkRole } from '../../src/shared/domain/clerk'

export interface TestClerk {
  id: string
  login: string
  password: string
  role: ClerkRole
}

export function demoClerk(role: ClerkRole): (typeof DEMO_CLERKS)[number] {
  const clerk = DEMO_CLERKS.find((c) => c.role === role)
  if (!clerk) throw new Error(`No demo clerk with role ${role}`)
  return clerk
}

/** A new clerk with a demo clerk's role and password (its hash copied: no scrypt needed). */
export async function addClerk(
  db: Db,
  role: ClerkRole = 'operator',
  options: { active?: boolean } = {},
): Promise<TestClerk> {
  const source = demoClerk(role)
  const row = (await db.knex('clerks').where({ login: source.login }).first()) as Record<string, unknown>
  const clerk = {
    id: randomUUID(),
    login: `${source.login}_${randomBytes(4).toString('hex')}`,
    password: source.password,
    role,
  }
  await db.knex('clerks').insert({
    ...row,
    id: clerk.id,
    login: clerk.login,
    active: options.active ?? true,
    failed_attempts: 0,
    locked_until: null,
  })
  return clerk
}

export async function clerkRow(
  db: Db,
  id: string,
): Promise<{ failed_attempts: number; locked_until: string | null }> {
  const row = (await db.knex('clerks').select('failed_attempts', 'locked_until').where({ id }).first()) as
    { failed_attempts: number | string; locked_until: string | null } | undefined
  if (!row) throw new Error(`No clerk ${id}`)
  return { failed_attempts: Number(row.failed_attempts), locked_until: row.locked_until }
}
