// Browser mode: serves the built renderer and the bridge to a browser on this machine, and runs
// each bridge call through the same dispatcher as Electron's IPC. Listens on loopback only.
import type { SyncService } from '../sync/service'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { normalize, sep } from 'node:path'
import type { ServiceContext } from '../services/core/context'
import { newSession, type Session } from '../services/clerks/sessions'
import { dispatch } from '../ipc/dispatch'
import { NullPrinter } from '../printing/printer'
import { serveApi, type CallChannel } from './api-call'
import { SESSION_COOKIE, TOKEN_COOKIE, hostAllowed, originAllowed, parseCookies, sameSecret } from './guards'
import { refuse, safeDecode } from './respond'
import { serveStatic } from './static-files'

export interface WebServerOptions {
  ctx: ServiceContext
  sync: SyncService
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  version: string
}

export interface WebServer {
  /** The URL to open: carries the per-launch token once, which becomes a cookie. */
  url: string
  port: number
  close(): Promise<void>
}

/** What one launch serves: its secrets and sessions, the renderer, the dispatcher. */
interface Site {
  /** The per-launch token the printed link carries; every later request shows it as a cookie. */
  token: string
  /** One clerk session per browser that opened the link, by the session cookie. */
  sessions: Map<string, Session>
  rendererRoot: string
  port: number
  callAs(session: Session): CallChannel
}

const NO_ACCESS = 'Нет доступа: откройте ссылку, напечатанную при запуске рабочего места.'

/** The printed link: its token becomes cookies, and each browser that opens it its own session. */
function openLink(req: IncomingMessage, res: ServerResponse, url: URL, site: Site): void {
  if (req.method !== 'GET' || !sameSecret(url.searchParams.get('token') ?? '', site.token)) {
    return refuse(
      res,
      403,
      'Ссылка недействительна: откройте ссылку, напечатанную при запуске рабочего места.',
    )
  }
  const sessionId = randomBytes(24).toString('base64url')
  site.sessions.set(sessionId, newSession())
  const attrs = 'HttpOnly; SameSite=Strict; Path=/'
  res.writeHead(303, {
    Location: '/',
    'Set-Cookie': [`${TOKEN_COOKIE}=${site.token}; ${attrs}`, `${SESSION_COOKIE}=${sessionId}; ${attrs}`],
    'Cache-Control': 'no-store',
  })
  res.end()
}

/** The clerk session of a request that shows both the launch token and a known session. */
function sessionOf(req: IncomingMessage, site: Site): Session | null {
  const cookies = parseCookies(req.headers.cookie)
  const session = site.sessions.get(cookies.get(SESSION_COOKIE) ?? '')
  return sameSecret(cookies.get(TOKEN_COOKIE), site.token) && session ? session : null
}

async function handle(req: IncomingMessage, res: ServerResponse, site: Site): Promise<void> {
  if (!hostAllowed(req.headers.host, site.port)) return refuse(res, 421, 'Неверный адрес сервера')
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
  const kind = url.pathname.startsWith('/api/') ? 'api' : 'page'
  if (!originAllowed(req.headers, kind)) return refuse(res, 403, 'Запрос с другого сайта отклонён')
  if (url.searchParams.has('token')) return openLink(req, res, url, site)
  const session = sessionOf(req, site)
  if (!session) return refuse(res, 403, NO_ACCESS)
  if (kind === 'api') {
    const channel = safeDecode(url.pathname.slice(5))
    if (channel === null) return refuse(res, 400, 'Неверный адрес')
    return serveApi(req, res, channel, site.callAs(session))
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Метод не поддерживается')
  return serveStatic(res, site.rendererRoot, url.pathname)
}

/** Starts listening on loopback; resolves with the port (a free one when `port` is 0). */
async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return (server.address() as AddressInfo).port
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  // No print backend here: the renderer prints its preview through the browser's dialog.
  const printer = new NullPrinter()
  const site: Site = {
    token: randomBytes(24).toString('base64url'),
    sessions: new Map(),
    rendererRoot: normalize(options.rendererDir + sep),
    port: 0,
    callAs: (session) => (channel, input) =>
      dispatch(channel, input, {
        ctx: options.ctx,
        session,
        shell: 'web',
        version: options.version,
        printer,
        sync: options.sync,
      }),
  }
  const server = createServer((req, res) => {
    handle(req, res, site).catch((err: unknown) => {
      console.error('[okno] web request failed:', err)
      if (!res.headersSent) refuse(res, 500, 'Внутренняя ошибка')
    })
  })
  site.port = await listen(server, options.port ?? 0)
  return {
    url: `http://127.0.0.1:${site.port}/?token=${site.token}`,
    port: site.port,
    close: () => closeServer(server),
  }
}
