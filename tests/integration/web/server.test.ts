// Browser mode's server: loopback only, the per-launch token, the bridge header, Host and Origin
// checks, no CORS, no way out of the renderer folder — and a good call reaches the dispatcher.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_HEADER, bridgeScript } from '../../../src/main/web/bridge-script'
import { startWebServer, type WebServer } from '../../../src/main/web/server'
import { createSyncService } from '../../../src/main/sync/service'
import { demoClerk } from '../../helpers/clerks'
import { makeContext } from '../../helpers/context'
import { useTestDatabase } from '../../helpers/database'
import { countRows } from '../../helpers/rows'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

const replies: Reply[] = []

function send(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const reply = {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }
          replies.push(reply)
          resolve(reply)
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const SECRET = 'SECRET-OUTSIDE-THE-RENDERER'
const operator = demoClerk('operator')

describe('browser mode web server', () => {
  const getDb = useTestDatabase('sqlite')
  let dir: string
  let server: WebServer
  let cookie: string

  /** The headers the bridge script sends, with the session cookie. */
  const bridge = (extra: Record<string, string> = {}): Record<string, string> => ({
    'content-type': 'application/json',
    [BRIDGE_HEADER]: '1',
    cookie,
    ...extra,
  })
  const signInBody = JSON.stringify({ input: { login: operator.login, password: operator.password } })

  /** Sends a sign-in with the demo operator's right password and checks it never reached the dispatcher. */
  async function expectRefusedSignIn(
    headers: Record<string, string>,
    path = '/api/sessions:signIn',
  ): Promise<Reply> {
    const before = await countRows(getDb(), 'audit_log')
    const reply = await send(server.port, { path, method: 'POST', headers, body: signInBody })
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.headers['content-type']).not.toBe('application/json')
    expect(await countRows(getDb(), 'audit_log')).toBe(before)
    return reply
  }

  /** Opens the printed link the way a browser does when the clerk pastes it. */
  async function openLink(): Promise<{ reply: Reply; cookies: string }> {
    const url = new URL(server.url)
    const reply = await send(server.port, {
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' },
    })
    const cookies = (reply.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
    return { reply, cookies }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okno-web-'))
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true })
    writeFileSync(
      join(dir, 'renderer', 'index.html'),
      '<!doctype html><html><head><title>Окно</title></head><body></body></html>',
    )
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log("app")')
    writeFileSync(join(dir, 'package.json'), SECRET)
    writeFileSync(join(dir, 'secret.txt'), SECRET)
    const { ctx } = makeContext(getDb())
    server = await startWebServer({
      ctx,
      sync: createSyncService({ ctx, sealer: null }),
      rendererDir: join(dir, 'renderer'),
      version: 'test',
    })
    cookie = (await openLink()).cookies
  })

  afterAll(async () => {
    await server?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('listens on 127.0.0.1 only', async () => {
    const url = new URL(server.url)
    expect(url.hostname).toBe('127.0.0.1')
    expect(Number(url.port)).toBe(server.port)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address)
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port })
        socket.on('connect', () => {
          socket.destroy()
          resolve(false)
        })
        socket.on('error', () => resolve(true))
      })
      expect(refused, `reachable on ${address}`).toBe(true)
    }
  })

  it('turns the token link into HttpOnly SameSite=Strict cookies and a redirect', async () => {
    const { reply, cookies } = await openLink()
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    const setCookies = reply.headers['set-cookie'] ?? []
    expect(setCookies).toHaveLength(2)
    for (const c of setCookies) {
      expect(c).toMatch(/; HttpOnly/)
      expect(c).toMatch(/; SameSite=Strict/)
      expect(c).toMatch(/; Path=\//)
    }
    expect(cookies).toContain(`okno_token=${new URL(server.url).searchParams.get('token')}`)
    // Each opening of the link is a window of its own.
    expect(cookies.match(/okno_session=[^;]+/)?.[0]).not.toBe(cookie.match(/okno_session=[^;]+/)?.[0])
  })

  it('refuses a wrong token in the link and sets no cookie', async () => {
    const reply = await send(server.port, {
      path: '/?token=guessed',
      headers: { host: `127.0.0.1:${server.port}` },
    })
    expect(reply.status).toBe(403)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('serves the desk with the bridge script to a browser holding the cookies', async () => {
    const page = await send(server.port, { path: '/', headers: { cookie, 'sec-fetch-site': 'none' } })
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<head>\s*<script src="\/okno-bridge.js"><\/script>/)
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const script = await send(server.port, { path: '/okno-bridge.js', headers: { cookie } })
    expect(script.body).toBe(bridgeScript())
    const asset = await send(server.port, { path: '/assets/app.js', headers: { cookie } })
    expect(asset).toMatchObject({ status: 200, body: 'console.log("app")' })
  })

  it('serves nothing without the cookies', async () => {
    for (const path of ['/', '/okno-bridge.js', '/assets/app.js']) {
      expect((await send(server.port, { path })).status).toBe(403)
    }
  })

  it('runs a good call through the dispatcher: the demo operator signs in', async () => {
    const before = await countRows(getDb(), 'audit_log')
    const reply = await send(server.port, {
      path: '/api/sessions:signIn',
      method: 'POST',
      headers: bridge({ origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' }),
      body: signInBody,
    })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/json')
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      data: { clerk: { login: operator.login }, locked: false },
    })
    expect(await countRows(getDb(), 'audit_log')).toBe(before + 1)
    const current = await send(server.port, {
      path: '/api/sessions%3Acurrent',
      method: 'POST',
      headers: bridge(),
      body: '{"input":{}}',
    })
    expect(JSON.parse(current.body)).toMatchObject({ ok: true, data: { clerk: { login: operator.login } } })
  })

  it('refuses an API call without the token cookie or with a wrong token', async () => {
    const session = cookie.split('; ').find((c) => c.startsWith('okno_session='))!
    await expectRefusedSignIn(bridge({ cookie: '' }))
    await expectRefusedSignIn(bridge({ cookie: session }))
    await expectRefusedSignIn(bridge({ cookie: `okno_token=wrong-token; ${session}` }))
    await expectRefusedSignIn(
      bridge({ cookie: cookie.replace(/okno_session=[^;]+/, 'okno_session=made-up') }),
    )
  })

  it('refuses an API call without the bridge header', async () => {
    const headers = bridge()
    delete headers[BRIDGE_HEADER]
    await expectRefusedSignIn(headers)
    await expectRefusedSignIn(bridge({ [BRIDGE_HEADER]: '0' }))
  })

  it('refuses a Host header that is not this loopback server (DNS rebinding)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1:${server.port + 1}`,
      `127.0.0.1.nip.io:${server.port}`,
    ]) {
      const reply = await expectRefusedSignIn(bridge({ host }))
      expect(reply.status).toBe(421)
    }
  })

  it('refuses calls from another site', async () => {
    await expectRefusedSignIn(bridge({ origin: 'http://evil.example' }))
    await expectRefusedSignIn(bridge({ origin: `http://localhost:${server.port + 1}` }))
    await expectRefusedSignIn(bridge({ 'sec-fetch-site': 'cross-site' }))
    await expectRefusedSignIn(bridge({ 'sec-fetch-site': 'same-site' }))
    // A navigation the user started never calls the API.
    await expectRefusedSignIn(bridge({ 'sec-fetch-site': 'none' }))
  })

  it('refuses other methods and content types on the API', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await send(server.port, { path: '/api/sessions:signIn', method, headers: bridge() })
      expect(reply.status).toBe(405)
    }
    await expectRefusedSignIn(bridge({ 'content-type': 'text/plain' }))
  })

  it('answers a body over 1 MiB with 413 and an envelope the bridge shows, not a reset', async () => {
    const input = { login: operator.login, password: operator.password, filler: 'я'.repeat(1024 * 1024) }
    const reply = await send(server.port, {
      path: '/api/sessions:signIn',
      method: 'POST',
      headers: bridge(),
      body: JSON.stringify({ input }),
    })
    expect(reply.status).toBe(413)
    expect(reply.headers['content-type']).toBe('application/json')
    const envelope = JSON.parse(reply.body) as { ok: boolean; error: { code: string; message: string } }
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(envelope.error.message).toMatch(/^Запрос больше 1 МБ: сократите/)
    expect(envelope.error.message).not.toMatch(/[A-Za-z]/)
  })

  it('takes application/json with a charset, and no look-alike type', async () => {
    const reply = await send(server.port, {
      path: '/api/app:info',
      method: 'POST',
      headers: bridge({ 'content-type': 'application/json; charset=utf-8' }),
      body: '{"input":{}}',
    })
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
    for (const type of ['application/jsonx', 'application/json-patch+json', 'application/json5']) {
      const refused = await expectRefusedSignIn(bridge({ 'content-type': type }))
      expect(refused.status).toBe(415)
    }
  })

  it('logs one line, no stack, for an upload the browser broke off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await new Promise<void>((resolve) => {
        const req = request({
          host: '127.0.0.1',
          port: server.port,
          path: '/api/sessions:signIn',
          method: 'POST',
          headers: bridge({ 'content-length': String(1024 * 1024) }),
        })
        req.on('error', () => resolve())
        req.on('close', () => resolve())
        req.write('{"input":{"login":"', () => req.destroy())
      })
      const lines = () => [...warn.mock.calls, ...error.mock.calls]
      await expect.poll(() => lines().length, { timeout: 30_000 }).toBeGreaterThan(0)
      // A call after it has been answered: anything else the abort logs would be logged by now.
      await send(server.port, {
        path: '/api/app:info',
        method: 'POST',
        headers: bridge(),
        body: '{"input":{}}',
      })
      expect(lines()).toHaveLength(1)
      const [call] = lines() as [unknown[]]
      expect(call).toHaveLength(1)
      expect(call[0]).toEqual(expect.stringContaining('sessions:signIn'))
      expect(String(call[0])).not.toMatch(/\n/)
    } finally {
      warn.mockRestore()
      error.mockRestore()
    }
  })

  it('refuses CORS preflight and never sends Access-Control-Allow-* headers', async () => {
    const preflight = await send(server.port, {
      path: '/api/sessions:signIn',
      method: 'OPTIONS',
      headers: {
        cookie,
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': BRIDGE_HEADER,
      },
    })
    expect(preflight.status).toBeGreaterThanOrEqual(400)
    const own = await send(server.port, {
      path: '/api/sessions:signIn',
      method: 'OPTIONS',
      headers: bridge(),
    })
    expect(own.status).toBeGreaterThanOrEqual(400)
    expect(replies.length).toBeGreaterThan(20)
    for (const reply of replies) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%2f..%2f..%2fpackage.json',
    '/%252e%252e%252fpackage.json',
    '/..%5csecret.txt',
  ])('does not serve files outside the renderer folder: %s', async (path) => {
    const reply = await send(server.port, { path, headers: { cookie } })
    expect(reply.status).toBeGreaterThanOrEqual(400)
    expect(reply.body).not.toContain(SECRET)
  })

  it('does not serve a file named by its absolute path', async () => {
    const reply = await send(server.port, {
      path: `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      headers: { cookie },
    })
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain(SECRET)
  })

  it.each(['/%E0%A4%A', '/api/session%3AsignIn%ZZ'])(
    'answers a malformed %%-encoding with 400: %s',
    async (path) => {
      const reply = await send(server.port, { path, headers: { cookie } })
      expect(reply.status).toBe(400)
    },
  )
})
