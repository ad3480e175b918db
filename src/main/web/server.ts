// Browser mode: serves the built renderer and the bridge to a browser on this machine, and runs
// each bridge call through the same dispatcher as Electron's IPC. Listens on loopback only.
import type { SyncService } from '../sync/service'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import type { ServiceContext } from '../services/core/context'
import { newSession, type Session } from '../services/clerks/sessions'
import { dispatch } from '../ipc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import type { Envelope } from '../../shared/ipc/envelope'
import { NullPrinter } from '../printing/printer'
import { bridgeScript } from './bridge-script'
import {
  SESSION_COOKIE,
  TOKEN_COOKIE,
  bridgeHeaderPresent,
  hostAllowed,
  isJsonContentType,
  originAllowed,
  parseCookies,
  sameSecret,
} from './guards'

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

const MAX_BODY = 1024 * 1024
const MAX_DRAIN = 16 * MAX_BODY
// The bridge shows an envelope's message to the clerk; a bare status would read as a lost connection.
const TOO_LARGE: Envelope<never> = {
  ok: false,
  error: {
    code: 'VALIDATION',
    message: 'Запрос больше 1 МБ: сократите введённый текст или список и повторите.',
  },
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
  res.end(body)
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', message)
}

function safeDecode(component: string): string | null {
  try {
    return decodeURIComponent(component)
  } catch {
    return null
  }
}

type Body = { kind: 'read'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }

/**
 * Reads a request body of at most MAX_BODY bytes. A larger one is read to its end and dropped, so
 * the caller can still be answered 413 (closing mid-upload would reset the connection instead);
 * past MAX_DRAIN the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
      else if (size > MAX_DRAIN) req.destroy()
      else chunks.length = 0
    })
    req.on('end', () =>
      resolve(
        size > MAX_BODY
          ? { kind: 'too-large' }
          : { kind: 'read', text: Buffer.concat(chunks).toString('utf8') },
      ),
    )
    // A browser tab closed mid-upload, or a cut connection: there is no one left to answer.
    req.on('error', () => resolve({ kind: 'aborted' }))
    req.on('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' })
    })
  })
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url')
  const sessions = new Map<string, Session>()
  const rendererRoot = normalize(options.rendererDir + sep)
  // No print backend here: the renderer prints its preview through the browser's dialog.
  const printer = new NullPrinter()
  let port = 0

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/okno-bridge.js') return send(res, 200, TYPES['.js'] as string, bridgeScript())
    const decoded = safeDecode(pathname)
    if (decoded === null) return refuse(res, 400, 'Неверный адрес')
    const file = normalize(join(rendererRoot, decoded === '/' ? 'index.html' : decoded))
    if (!file.startsWith(rendererRoot)) return refuse(res, 404, 'Не найдено')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return refuse(res, 404, 'Не найдено')
    }
    if (file.endsWith('index.html')) {
      // The bridge must define window.okno before the app's module script runs.
      const html = body
        .toString('utf8')
        .replace('<head>', '<head>\n    <script src="/okno-bridge.js"></script>')
      return send(res, 200, TYPES['.html'] as string, html)
    }
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body)
  }

  async function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    session: Session,
    channel: string,
  ): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'Только POST')
    if (!bridgeHeaderPresent(req.headers)) return refuse(res, 403, 'Вызов без заголовка моста отклонён')
    if (!isJsonContentType(req.headers['content-type'])) return refuse(res, 415, 'Ожидался JSON')
    const body = await readBody(req)
    if (body.kind === 'aborted') {
      console.warn(`[okno] web: the browser broke off its call of ${channel} before sending it whole`)
      return
    }
    if (body.kind === 'too-large') return send(res, 413, 'application/json', JSON.stringify(TOO_LARGE))
    let input: unknown
    try {
      input = (JSON.parse(body.text) as { input?: unknown }).input
    } catch {
      return refuse(res, 400, 'Неверный JSON')
    }
    const envelope = await dispatch(channel, input, {
      ctx: options.ctx,
      session,
      shell: 'web',
      version: options.version,
      printer,
      sync: options.sync,
    })
    send(res, 200, 'application/json', JSON.stringify(envelope))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return refuse(res, 421, 'Неверный адрес сервера')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const kind = url.pathname.startsWith('/api/') ? 'api' : 'page'
    if (!originAllowed(req.headers, kind)) return refuse(res, 403, 'Запрос с другого сайта отклонён')
    const cookies = parseCookies(req.headers.cookie)

    if (url.searchParams.has('token')) {
      if (req.method !== 'GET' || !sameSecret(url.searchParams.get('token') ?? '', token)) {
        return refuse(
          res,
          403,
          'Ссылка недействительна: откройте ссылку, напечатанную при запуске рабочего места.',
        )
      }
      // Each browser that opens the link gets its own clerk session.
      const sessionId = randomBytes(24).toString('base64url')
      sessions.set(sessionId, newSession())
      const attrs = 'HttpOnly; SameSite=Strict; Path=/'
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': [`${TOKEN_COOKIE}=${token}; ${attrs}`, `${SESSION_COOKIE}=${sessionId}; ${attrs}`],
        'Cache-Control': 'no-store',
      })
      return void res.end()
    }
    const session = sessions.get(cookies.get(SESSION_COOKIE) ?? '')
    if (!sameSecret(cookies.get(TOKEN_COOKIE), token) || !session) {
      return refuse(res, 403, 'Нет доступа: откройте ссылку, напечатанную при запуске рабочего места.')
    }
    if (url.pathname.startsWith('/api/')) {
      const channel = safeDecode(url.pathname.slice(5))
      if (channel === null) return refuse(res, 400, 'Неверный адрес')
      return serveApi(req, res, session, channel)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Метод не поддерживается')
    return serveStatic(res, url.pathname)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[okno] web request failed:', err)
      if (!res.headersSent) refuse(res, 500, 'Внутренняя ошибка')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
