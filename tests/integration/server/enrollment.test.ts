// Enrollment and the desk credential against a real okno-server over real TLS: a right code gives
// a working credential; wrong, reused and expired codes are refused with which one it is; a pinned
// fingerprint that changed is refused before anything is sent; a revoked desk and a forged
// credential are refused; a revoked desk enrolled again gets a new desk id.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sha256Hex } from '../../../src/main/server/secrets'
import { enrollDesk, openOfficeLink, probeServer } from '../../../src/main/sync/link/https-link'
import { describeWithServer, runCli, startOknoServer, type OknoServer } from '../../helpers/okno-server'
import { enrolledDesk, enrollRequest, expectLinkError, firstCounter } from './support'

describeWithServer('okno-server: enrollment and the desk credential', () => {
  let server: OknoServer
  let place: { officeCode: string; counter: number }

  beforeAll(async () => {
    server = await startOknoServer()
    place = await firstCounter(server)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it("a right code enrolls the desk at the code's office and counter; the credential then works", async () => {
    const probe = await probeServer(server.url)
    expect(probe.fingerprint).toBe(server.fingerprint)
    expect(probe.hello).toMatchObject({ demo: true, schemaVersion: expect.any(Number) })
    const { enrolled, link } = await enrolledDesk(server, place)
    try {
      expect(enrolled).toMatchObject({ officeCode: place.officeCode, counterNumber: place.counter })
      expect(enrolled.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
      // The server keeps only the secret's hash.
      const row = (await server.office?.server
        .knex('server_desks')
        .where({ id: enrolled.deskId })
        .first()) as {
        secret_hash: string
      }
      expect(row.secret_hash).toBe(sha256Hex(enrolled.secret))
      expect(await link.hello()).toEqual(probe.hello)
    } finally {
      await link.close()
    }
  })

  it('a wrong code, a used code and an expired code are refused, each saying which', async () => {
    const target = { url: server.url, fingerprint: server.fingerprint }
    await expectLinkError(enrollDesk(target, enrollRequest('ABCD-EFGH-JKLM')), 'ENROLL_REFUSED', /неверен/)

    const code = await server.enroll(place.officeCode, place.counter)
    await enrollDesk(target, enrollRequest(code))
    await expectLinkError(enrollDesk(target, enrollRequest(code)), 'ENROLL_REFUSED', /уже использован/)

    const old = await server.enroll(place.officeCode, place.counter)
    await server.office?.server
      .knex('server_enrollments')
      .whereNull('used_at')
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() })
    await expectLinkError(enrollDesk(target, enrollRequest(old)), 'ENROLL_REFUSED', /истёк/)
  })

  it('a desk of another schema version or of real data is refused with what to do', async () => {
    const target = { url: server.url, fingerprint: server.fingerprint }
    const code = await server.enroll(place.officeCode, place.counter)
    await expectLinkError(
      enrollDesk(target, enrollRequest(code, { schemaVersion: 1 })),
      'SCHEMA',
      /обновите «Окно» на рабочем месте/,
    )
    await expectLinkError(
      enrollDesk(target, enrollRequest(code, { demo: false })),
      'DEMO_MISMATCH',
      /демонстрационными/,
    )
  })

  it('a pinned fingerprint that changed is refused with what to compare, before anything is sent', async () => {
    const other = await startOknoServer({ pgUrl: server.pgUrl })
    try {
      expect(other.fingerprint).not.toBe(server.fingerprint)
      const code = await server.enroll(place.officeCode, place.counter)
      const err = await expectLinkError(
        enrollDesk({ url: other.url, fingerprint: server.fingerprint }, enrollRequest(code)),
        'PIN_MISMATCH',
        /Сертификат сервера изменился.*npm run server -- fingerprint/,
      )
      expect(err.transient).toBe(false)
      expect(err.message).toContain(other.fingerprint)
      // The code was never presented: it is still unused.
      const unused = await server.office?.server
        .knex('server_enrollments')
        .whereNull('used_at')
        .count({ n: '*' })
        .first()
      expect(Number(unused?.n)).toBeGreaterThan(0)
      // Without a pin the certificate must be a CA's: a self-signed one is refused.
      await expectLinkError(
        openOfficeLink({ url: other.url, fingerprint: null }, { deskId: 'x', secret: 'y' }).hello(),
        'TLS',
        /не подтверждён/,
      )
    } finally {
      await other.stop()
    }
  })

  it('a revoked desk is told so in Russian; a forged credential is refused', async () => {
    const { enrolled, link } = await enrolledDesk(server, place)
    const forgedSecret = openOfficeLink(
      { url: server.url, fingerprint: server.fingerprint },
      { deskId: enrolled.deskId, secret: `${enrolled.secret.slice(0, -2)}AA` },
    )
    const forgedDesk = openOfficeLink(
      { url: server.url, fingerprint: server.fingerprint },
      { deskId: '00000000-0000-4000-8000-000000000000', secret: enrolled.secret },
    )
    try {
      await link.hello()
      await expectLinkError(forgedSecret.push({ changes: [], sessions: [] }), 'UNAUTHENTICATED', /не опознал/)
      await expectLinkError(forgedDesk.pull(0, 10, 0), 'UNAUTHENTICATED', /не опознал/)

      const { stdout } = await runCli(['revoke', '--pg', server.pgUrl, enrolled.deskId])
      expect(stdout).toContain('отключено')
      const err = await expectLinkError(
        link.pull(0, 10, 0),
        'DESK_REVOKED',
        /отключено от сервера администратором/,
      )
      expect(err.transient).toBe(false)
      const desks = await runCli(['desks', '--pg', server.pgUrl])
      expect(desks.stdout).toMatch(new RegExp(`${enrolled.deskId}.*отключено`))
    } finally {
      await Promise.all([link.close(), forgedSecret.close(), forgedDesk.close()])
    }
  })

  it('a revoked desk enrolled again is a new desk; the revoked row stays revoked', async () => {
    const target = { url: server.url, fingerprint: server.fingerprint }
    const first = await enrolledDesk(server, place)
    const again = enrollRequest(await server.enroll(place.officeCode, place.counter), {
      workstationId: first.workstationId,
    })
    // Not while it is enrolled: the administrator revokes it first.
    await expectLinkError(enrollDesk(target, again), 'CONFLICT', /уже подключено/)
    await runCli(['revoke', '--pg', server.pgUrl, first.enrolled.deskId])
    const retry = enrollRequest(await server.enroll(place.officeCode, place.counter), {
      workstationId: first.workstationId,
    })
    const second = await enrollDesk(target, retry)
    const link = openOfficeLink(target, { deskId: second.deskId, secret: second.secret })
    try {
      expect(second.deskId).not.toBe(first.enrolled.deskId)
      const rows = (await server.office?.server
        .knex('server_desks')
        .where({ workstation_id: first.workstationId })
        .select('id', 'revoked_at')) as Array<{ id: string; revoked_at: string | null }>
      expect(new Map(rows.map((r) => [r.id, r.revoked_at !== null]))).toEqual(
        new Map([
          [first.enrolled.deskId, true],
          [second.deskId, false],
        ]),
      )
      expect((await link.pull(0, 1, 0)).last).toBeGreaterThanOrEqual(0)
      await expectLinkError(first.link.pull(0, 1, 0), 'DESK_REVOKED', /отключено от сервера администратором/)
    } finally {
      await Promise.all([link.close(), first.link.close()])
    }
  })

  it('a restarted server keeps its certificate: a pinned desk goes on over the same link', async () => {
    const { link } = await enrolledDesk(server, place)
    try {
      const before = await link.hello()
      const fingerprint = server.fingerprint
      await server.kill()
      await expectLinkError(link.hello(), 'NETWORK', /не отвечает/)
      await server.restart()
      expect(server.fingerprint).toBe(fingerprint)
      expect(await link.hello()).toEqual(before)
    } finally {
      await link.close()
    }
  })
})
