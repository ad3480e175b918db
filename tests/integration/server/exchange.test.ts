// Push, pull, download and sign-in through real okno-server processes: the lockout counts
// office-wide, a change pushed at one desk wakes the long polls of desks on this server and on a
// second server of the same database, cabinets' password hashes never reach a desk, and no answer
// carries a stack or SQL — a body over the limit included.
import { randomUUID } from 'node:crypto'
import { request } from 'node:https'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/main/server/secrets'
import { PinnedAgent } from '../../../src/main/sync/link/pinned-agent'
import type { DownloadLine } from '../../../src/shared/office/protocol'
import { MAX_BODY_BYTES } from '../../../src/shared/office/protocol'
import { addClerk } from '../../helpers/clerks'
import { describeWithServer, startOknoServer, type OknoServer } from '../../helpers/okno-server'
import { auditChange, enrolledDesk, expectLinkError, firstCounter, type EnrolledDesk } from './support'

const LONG_WAIT_MS = 25_000

/** A raw exchange with the server (pinned), for answers the link would not let through. */
function raw(
  server: OknoServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; text: string }> {
  const agent = new PinnedAgent(server.fingerprint, { keepAlive: false })
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    // The server may close while a refused body is still being written: the answer came first.
    req.on('error', reject)
    req.end(body)
  })
}

function expectCleanAnswer(text: string): void {
  expect(text.length).toBeLessThan(4096)
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|select |insert into|update "|delete from/i)
}

describeWithServer('okno-server: sign-in, push, pull and download', () => {
  let one: OknoServer
  let two: OknoServer
  let place: { officeCode: string; counter: number }
  let a: EnrolledDesk
  let b1: EnrolledDesk
  let b2: EnrolledDesk

  beforeAll(async () => {
    one = await startOknoServer()
    two = await startOknoServer({ pgUrl: one.pgUrl })
    place = await firstCounter(one)
    a = await enrolledDesk(one, place)
    b1 = await enrolledDesk(one, { ...place, counter: place.counter + 1 })
    b2 = await enrolledDesk(two, { ...place, counter: place.counter + 2 }, one)
  })
  afterAll(async () => {
    await Promise.all([a?.link.close(), b1?.link.close(), b2?.link.close()])
    await two?.stop()
    await one?.stop()
  })

  it('five wrong passwords at desk A lock the login at desk B too', async () => {
    const clerk = await addClerk(one.office!.server, 'operator')
    for (let i = 1; i < 5; i++) {
      await expectLinkError(
        a.link.signIn(clerk.login, 'неверный-пароль'),
        'UNAUTHENTICATED',
        /Неверный логин или пароль/,
      )
    }
    await expectLinkError(a.link.signIn(clerk.login, 'неверный-пароль'), 'LOCKED', /Вход заблокирован/)
    await expectLinkError(b2.link.signIn(clerk.login, clerk.password), 'LOCKED', /Вход заблокирован/)
  })

  it('a session used by a push or an operation has its last use written (a desk’s last contact too)', async () => {
    const clerk = await addClerk(one.office!.server, 'operator')
    const session = await a.link.signIn(clerk.login, clerk.password)
    const db = one.office!.server.knex
    const seen = async (): Promise<string> =>
      (
        (await db('server_sessions')
          .where({ token_hash: sha256Hex(session.token) })
          .first('last_seen_at')) as {
          last_seen_at: string
        }
      ).last_seen_at
    const signedInAt = await seen()
    await a.link.push({ changes: [], sessions: [session.token] })
    await expect.poll(seen, { timeout: 20_000 }).not.toBe(signedInAt)
    const deskSeen = (await db('server_desks').where({ id: a.enrolled.deskId }).first('last_seen_at')) as {
      last_seen_at: string | null
    }
    expect(deskSeen.last_seen_at).not.toBeNull()
  })

  it('a change pushed at desk A wakes long polls on this server and on a second server before their wait runs out', async () => {
    const clerk = await addClerk(one.office!.server, 'operator')
    const session = await a.link.signIn(clerk.login, clerk.password)
    expect(session.clerk.id).toBe(clerk.id)
    const { last } = await b1.link.pull(0, 1, 0)
    const started = Date.now()
    const waiting = [b1.link.pull(last, 100, LONG_WAIT_MS), b2.link.pull(last, 100, LONG_WAIT_MS)]
    const { change } = auditChange(a.workstationId, clerk.id)
    // Without the clerk's session the change waits; with it, it is accepted.
    expect(await a.link.push({ changes: [change], sessions: [] })).toEqual({
      accepted: [],
      refused: [],
      waiting: [change.id],
    })
    expect(await a.link.push({ changes: [change], sessions: [session.token] })).toEqual({
      accepted: [change.id],
      refused: [],
      waiting: [],
    })
    const pulled = await Promise.all(waiting)
    expect(Date.now() - started).toBeLessThan(LONG_WAIT_MS)
    for (const result of pulled) expect(result.changes.map((c) => c.id)).toContain(change.id)
    // Desk A does not get its own change back; the push is applied once when sent again.
    expect((await a.link.pull(last, 100, 0)).changes.map((c) => c.id)).not.toContain(change.id)
    expect(await a.link.push({ changes: [change], sessions: [session.token] })).toMatchObject({
      accepted: [change.id],
    })
    expect(
      await one
        .office!.server.knex('audit_log')
        .where({ id: JSON.parse(change.payload).id })
        .count({ n: '*' })
        .first(),
    ).toEqual({ n: 1 })
    await a.link.signOut(session.token)
    await expectLinkError(
      a.link.op('shifts.close', {}, session.token),
      'UNAUTHENTICATED',
      /войдите в систему заново/,
    )
  })

  it("an operation checks the clerk's role and its input, and answers in Russian", async () => {
    const clerk = await addClerk(one.office!.server, 'operator')
    const { token } = await a.link.signIn(clerk.login, clerk.password)
    await expectLinkError(
      a.link.op('charges.run', { period: '2026-11' }, token),
      'FORBIDDEN',
      /недоступна вашей роли/,
    )
    await expectLinkError(a.link.op('shifts.close', { nonsense: 1 }, token), 'VALIDATION', /Проверьте/)
    await a.link.signOut(token)
  })

  it('cabinets reach desks without their password hashes, in a pull and in the first download', async () => {
    const db = one.office!.server
    const person = (await db.knex('persons').first('id')) as { id: string }
    const now = new Date().toISOString()
    const cabinet = {
      id: randomUUID(),
      login: `test-${randomUUID()}`,
      password_hash: 'scrypt$secret-hash',
      must_change: false,
      status: 'active',
      person_id: person.id,
      email: null,
      phone: null,
      created_at: now,
      created_by: null,
      updated_at: now,
      password_changed_at: now,
    }
    await db.knex('cabinets').insert(cabinet)
    const { last } = await b1.link.pull(0, 1, 0)
    await db.knex('sync_changes').insert({
      change_id: randomUUID(),
      origin: null,
      entity: 'cabinets',
      entity_id: cabinet.id,
      op: 'insert',
      payload: JSON.stringify(cabinet),
      created_at: now,
    })
    const pulled = (await b1.link.pull(last, 100, 0)).changes.find((c) => c.entityId === cabinet.id)
    expect(JSON.parse(pulled?.payload ?? '{}')).toMatchObject({ id: cabinet.id, password_hash: '' })

    const lines: DownloadLine[] = []
    await b2.link.download(async (line) => void lines.push(line))
    const head = lines[0]
    const end = lines.at(-1)
    expect(head).toMatchObject({ kind: 'head' })
    expect(end).toMatchObject({ kind: 'end' })
    const rows = lines.flatMap((l) => (l.kind === 'rows' ? [l] : []))
    expect(end?.kind === 'end' && end.rows).toBe(rows.reduce((n, l) => n + l.rows.length, 0))
    const cabinets = rows.filter((l) => l.table === 'cabinets').flatMap((l) => l.rows)
    expect(cabinets.map((r) => r.id)).toContain(cabinet.id)
    expect(cabinets.every((r) => r.password_hash === '')).toBe(true)
  })

  it('a body over the limit gets the 413 envelope; no answer carries a stack or SQL', async () => {
    const auth = { authorization: `Desk ${a.enrolled.deskId}.${a.enrolled.secret}` }
    const json = { ...auth, 'content-type': 'application/json' }
    const big = await raw(one, 'POST', '/v1/push', json, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20))
    expect(big.status).toBe(413)
    expect(JSON.parse(big.text)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } })

    const answers = [
      big,
      await raw(one, 'POST', '/v1/push', { ...auth, 'content-type': 'text/plain' }, '{}'),
      await raw(one, 'POST', '/v1/push', json, '{"changes": [}'),
      await raw(
        one,
        'POST',
        '/v1/push',
        json,
        JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))),
      ),
      await raw(
        one,
        'POST',
        '/v1/push',
        json,
        JSON.stringify({
          sessions: [],
          changes: [
            { ...auditChange(a.workstationId, randomUUID()).change, clerkId: null, payload: 'not json' },
          ],
        }),
      ),
      await raw(one, 'GET', '/v1/pull?after=-1', auth),
      await raw(one, 'POST', '/v1/ops/nope', json, '{}'),
      await raw(one, 'GET', '/v1/download', {}),
    ]
    expect(answers.map((r) => r.status)).toEqual([413, 400, 400, 400, expect.any(Number), 400, 404, 401])
    for (const answer of answers) {
      expectCleanAnswer(answer.text)
      expect(JSON.parse(answer.text)).toMatchObject({ ok: expect.any(Boolean) })
    }
  })
})
