// One bridge call in browser mode: a JSON POST with the bridge header, at most 1 MB, run through
// the same dispatcher as Electron's IPC and answered with its envelope.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope } from '../../shared/ipc/envelope'
import { bridgeHeaderPresent, isJsonContentType } from './guards'
import { refuse, send } from './respond'

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

/** Runs `channel` with the parsed input; the caller binds the session and the dispatch context. */
export type CallChannel = (channel: string, input: unknown) => Promise<Envelope<unknown>>

export async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  call: CallChannel,
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
  const envelope = await call(channel, input)
  send(res, 200, 'application/json', JSON.stringify(envelope))
}
