// The server's PostgreSQL link answers only SCRAM: a server (or a machine in the middle) that
// asks for the password in clear or as MD5 gets the connection refused with what to configure,
// and never a byte of the password. A fake PostgreSQL stands in: it asks, then records the reply.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import pg from 'pg'
import { ScramOnlyClient, WEAK_AUTH_MESSAGE } from '../../../src/main/db/pg-scram-client'
import { openDb } from '../../../src/main/db/connection'

const PASSWORD = 'очень-секретный-пароль'

/** A server that answers the startup message with authentication request `kind` (3 clear, 5 MD5). */
async function fakePostgres(kind: 3 | 5): Promise<{ url: string; received: () => Buffer; server: Server }> {
  const chunks: Buffer[] = []
  const server = createServer((socket) => {
    sockets.add(socket)
    let greeted = false
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      if (greeted) return
      greeted = true
      const reply = Buffer.alloc(kind === 5 ? 13 : 9)
      reply.write('R', 0)
      reply.writeInt32BE(kind === 5 ? 12 : 8, 1)
      reply.writeInt32BE(kind, 5)
      if (kind === 5) reply.write('salt', 9)
      socket.write(reply)
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `postgres://okno:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/okno?sslmode=disable`,
    received: () => Buffer.concat(chunks),
    server,
  }
}

const servers: Server[] = []
const sockets = new Set<Socket>()
afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

it.each([
  [3, 'cleartext'],
  [5, 'MD5'],
] as const)('a %s (%s) password request is refused and no password is sent', async (kind, _name) => {
  const fake = await fakePostgres(kind)
  servers.push(fake.server)
  const client = new ScramOnlyClient({ connectionString: fake.url })
  await expect(client.connect()).rejects.toThrow(WEAK_AUTH_MESSAGE)
  // A 'p' (password) message would follow the startup message: there is none.
  expect(fake.received().includes(Buffer.from(PASSWORD))).toBe(false)
  expect(fake.received().toString('latin1')).not.toMatch(/p\0\0\0/)

  // knex with scramOnly uses the same client.
  const before = fake.received().length
  const db = openDb({ client: 'pg', connectionString: fake.url, scramOnly: true, connectTimeoutMs: 1_000 })
  try {
    expect(db.knex.client.config.client).toBe('pg')
    await expect(db.knex.raw('select 1')).rejects.toThrow(WEAK_AUTH_MESSAGE)
    expect(fake.received().length).toBeGreaterThan(before)
    expect(fake.received().includes(Buffer.from(PASSWORD))).toBe(false)
  } finally {
    await db.close()
  }
})

it('the plain pg client would have sent the cleartext password (what the check prevents)', async () => {
  const fake = await fakePostgres(3)
  servers.push(fake.server)
  const client = new pg.Client({ connectionString: fake.url, connectionTimeoutMillis: 2_000 })
  await client.connect().catch(() => {})
  await expect.poll(() => fake.received().includes(Buffer.from(PASSWORD))).toBe(true)
  await client.end().catch(() => {})
})
