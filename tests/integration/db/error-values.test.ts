// A refused statement never carries its bound values (a password hash, a name) into what a clerk
// reads or the console (the outbox's last_error now holds the okno-server's reason): knex's compileSqlOnError is off, the statement
// is kept apart from the driver's message, and PostgreSQL's quoted row details stay out of logs.
import { randomBytes, randomUUID } from 'node:crypto'
import { afterEach, expect, it, vi } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import { loggableError } from '../../../src/main/db/errors'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { handlers } from '../../../src/main/ipc/handlers'
import { signedInCall } from '../../helpers/calls'
import { describeEachDatabase } from '../../helpers/database'

/** Values nobody else writes, so finding one anywhere is a leak. */
function secrets(): { login: string; hash: string } {
  const tag = randomBytes(6).toString('hex')
  return { login: `leak_login_${tag}`, hash: `scrypt$LEAK-HASH-${tag}` }
}

/** Inserts a clerk twice with the same login: the second insert is refused with both values bound. */
async function duplicateClerk(db: Db, values: { login: string; hash: string }): Promise<unknown> {
  const row = (await db.knex('clerks').first()) as Record<string, unknown>
  const clerk = { ...row, login: values.login, password_hash: values.hash }
  await db.knex('clerks').insert({ ...clerk, id: randomUUID() })
  try {
    await db.knex('clerks').insert({ ...clerk, id: randomUUID() })
  } catch (err) {
    return err
  }
  throw new Error('The duplicate login was accepted')
}

function expectNone(text: string, values: { login: string; hash: string }): void {
  expect(text).not.toContain(values.login)
  expect(text).not.toContain(values.hash)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describeEachDatabase('a refused statement and its bound values', (getCtx) => {
  it('keeps them out of the error message and its log line', async () => {
    const values = secrets()
    const err = await duplicateClerk(getCtx().db, values)
    const message = (err as Error).message
    expectNone(message, values)
    expect(message).not.toMatch(/insert into/i)
    const logged = loggableError(err)
    expectNone(logged, values)
    // The log still says what failed and where.
    expect(logged).toMatch(/insert into ["`]clerks["`]/i)
    expect(logged).toMatch(/unique/i)
  })

  it('keeps them out of what the clerk reads and what the console gets', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const values = secrets()
    vi.spyOn(handlers, 'settings:get').mockImplementation((async () =>
      duplicateClerk(env.db, values).then((err) => Promise.reject(err))) as never)
    const logged: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(' '),
      )
    })
    const result = await dispatch('settings:get', {}, call)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expectNone(JSON.stringify(result), values)
    expect(logged).toHaveLength(1)
    expectNone(logged.join('\n'), values)
  })
})
