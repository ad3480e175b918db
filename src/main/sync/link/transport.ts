// One HTTPS exchange with okno-server: the request, the answer read within a size limit and
// unwrapped from its envelope; a failure of the network, the TLS or the server becomes an
// OfficeLinkError with a Russian message (transient ones are retried by the worker).
import { request as httpsRequest, type Agent } from 'node:https'
import type { IncomingMessage } from 'node:http'
import type { OfficeEnvelope } from '../../../shared/office/protocol'
import { OfficeLinkError } from './types'

/** The largest answer the desk reads (a pull of 2,000 changes fits well below it). */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024

export interface Exchange {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  headers?: Record<string, string>
  body?: unknown
  /** The whole exchange must finish within this. */
  timeoutMs: number
}

export function linkError(err: unknown, url: string): OfficeLinkError {
  if (err instanceof OfficeLinkError) return err
  const code = String((err as { code?: unknown })?.code ?? '')
  if (code.startsWith('ERR_TLS') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new OfficeLinkError(
      'TLS',
      `Сертификат сервера ${url} не подтверждён (${code}). Проверьте адрес сервера или подключите окно заново по отпечатку сертификата.`,
      false,
    )
  }
  const reason =
    code === 'TIMEOUT'
      ? 'истекло время ожидания'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'адрес не найден'
        : 'нет связи'
  return new OfficeLinkError(
    'NETWORK',
    `Сервер «Окно» не отвечает (${url}: ${reason}): проверьте сеть; обмен будет повторён.`,
    true,
  )
}

/** Opens the exchange and resolves with the answer's head (its body still to be read). */
export function open(agent: Agent, base: string, exchange: Exchange): Promise<IncomingMessage> {
  const body = exchange.body === undefined ? undefined : Buffer.from(JSON.stringify(exchange.body), 'utf8')
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(exchange.path, base), {
      method: exchange.method,
      agent,
      headers: {
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
        ...exchange.headers,
      },
    })
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      exchange.timeoutMs,
    )
    req.on('response', (res) => {
      res.on('close', () => clearTimeout(timer))
      resolve(res)
    })
    req.on('error', (err) => {
      clearTimeout(timer)
      reject(linkError(err, base))
    })
    req.end(body)
  })
}

/** The answer's body as text, refused when longer than `limit`. */
export async function readText(
  res: IncomingMessage,
  base: string,
  limit = MAX_ANSWER_BYTES,
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > limit) {
        res.destroy()
        throw new OfficeLinkError(
          'TOO_LARGE',
          'Ответ сервера «Окно» слишком большой: сообщите администратору.',
          false,
        )
      }
      chunks.push(chunk)
    }
  } catch (err) {
    throw linkError(err, base)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The envelope's data, or its error as an OfficeLinkError. */
export function unwrap<T>(text: string, status: number): T {
  let envelope: OfficeEnvelope<T>
  try {
    envelope = JSON.parse(text) as OfficeEnvelope<T>
  } catch {
    envelope = null as never
  }
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new OfficeLinkError(
      'BAD_ANSWER',
      `По адресу сервера «Окно» ответила другая программа (код ${status}): проверьте адрес; обмен будет повторён.`,
      true,
    )
  }
  if (envelope.ok) return envelope.data
  const error = envelope.error ?? { code: 'INTERNAL', message: '' }
  const message =
    typeof error.message === 'string' && error.message ? error.message : 'Сервер «Окно» отказал.'
  return raise(String(error.code), message)
}

function raise(code: string, message: string): never {
  throw new OfficeLinkError(code, message, code === 'UNAVAILABLE' || code === 'INTERNAL')
}

export async function exchangeJson<T>(agent: Agent, base: string, exchange: Exchange): Promise<T> {
  const res = await open(agent, base, exchange)
  return unwrap<T>(await readText(res, base), res.statusCode ?? 0)
}
