// The built renderer as browser mode serves it: files from its folder and nothing outside it, the
// bridge script, and index.html with the bridge loaded before the app.
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { bridgeScript } from './bridge-script'
import { refuse, safeDecode, send } from './respond'

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

/** `rendererRoot` is the renderer folder, normalized and ending in the path separator. */
export async function serveStatic(
  res: ServerResponse,
  rendererRoot: string,
  pathname: string,
): Promise<void> {
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
