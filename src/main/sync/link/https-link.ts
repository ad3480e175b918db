// The office link over HTTPS (OfficeLink of types.ts): one keep-alive agent per link, the server's
// certificate pinned by fingerprint (or verified by CA), the desk's credential on every call.
import { connect, type TLSSocket } from 'node:tls'
import type {
  DownloadLine,
  Enrolled,
  EnrollRequest,
  Hello,
  OfficeOp,
  PullResult,
  PushRequest,
  PushResult,
  SignedIn,
} from '../../../shared/office/protocol'
import {
  DESK_AUTH_SCHEME,
  MAX_PULL_WAIT_MS,
  OFFICE_API_PREFIX,
  SESSION_HEADER,
} from '../../../shared/office/protocol'
import { readLines } from './ndjson'
import { PinnedAgent } from './pinned-agent'
import { exchangeJson, linkError, open, readText, unwrap } from './transport'
import { OfficeLinkError, type DeskCredential, type LinkTarget, type OfficeLink } from './types'

export { OfficeLinkError } from './types'
export type { DeskCredential, LinkTarget, OfficeLink } from './types'

/** An ordinary call's whole exchange; a pull gets its wait on top. */
const CALL_TIMEOUT_MS = 60_000
const PULL_MARGIN_MS = 30_000
/** The first download may stream for long; it ends only if the server goes silent this long. */
const DOWNLOAD_IDLE_MS = 120_000

const FIRST_DOWNLOAD = { start: 'первую загрузку', broken: 'Первая загрузка прервалась' }
const MONTH_CHARGES = {
  start: 'передачу начислений за месяц',
  broken: 'Передача начислений за месяц прервалась',
}

const path = (p: string): string => `${OFFICE_API_PREFIX}${p}`

function base(url: string): string {
  const u = new URL(url)
  if (u.protocol !== 'https:') {
    throw new OfficeLinkError(
      'BAD_ADDRESS',
      `Адрес сервера «Окно» должен начинаться с https:// («${url}»).`,
      false,
    )
  }
  return u.origin
}

export function openOfficeLink(target: LinkTarget, credential: DeskCredential): OfficeLink {
  const url = base(target.url)
  const agent = new PinnedAgent(target.fingerprint)
  const desk = { authorization: `${DESK_AUTH_SCHEME} ${credential.deskId}.${credential.secret}` }
  const call = <T>(
    method: 'GET' | 'POST' | 'DELETE',
    p: string,
    body?: unknown,
    extra: Record<string, string> = {},
    timeoutMs = CALL_TIMEOUT_MS,
  ): Promise<T> =>
    exchangeJson<T>(agent, url, {
      method,
      path: path(p),
      headers: { ...desk, ...extra },
      ...(body === undefined ? {} : { body }),
      timeoutMs,
    })
  /** An NDJSON stream of DownloadLine read to its 'end' line; `what` names it in the messages. */
  const stream = async (
    p: string,
    what: { start: string; broken: string },
    onLine: (line: DownloadLine) => Promise<void>,
  ): Promise<void> => {
    const res = await open(agent, url, {
      method: 'GET',
      path: path(p),
      headers: { ...desk, accept: 'application/x-ndjson' },
      timeoutMs: 24 * 60 * 60_000,
    })
    if (res.statusCode !== 200) {
      unwrap(await readText(res, url), res.statusCode ?? 0)
      throw new OfficeLinkError(
        'BAD_ANSWER',
        `Сервер «Окно» не начал ${what.start}: обмен будет повторён.`,
        true,
      )
    }
    res.setTimeout(DOWNLOAD_IDLE_MS, () =>
      res.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    )
    let ended = false
    try {
      for await (const text of readLines(res)) {
        const line = JSON.parse(text) as DownloadLine
        await onLine(line)
        if (line.kind === 'end') ended = true
      }
    } catch (err) {
      if (err instanceof OfficeLinkError) throw err
      if (err instanceof SyntaxError) {
        throw new OfficeLinkError(
          'BAD_ANSWER',
          `Сервер «Окно» прислал повреждённую строку (${what.start}): обмен будет повторён.`,
          true,
        )
      }
      throw linkError(err, url)
    }
    if (!ended) {
      throw new OfficeLinkError(
        'NETWORK',
        `${what.broken}: связь с сервером «Окно» потеряна; обмен будет повторён.`,
        true,
      )
    }
  }
  return {
    hello: () => call<Hello>('GET', '/hello'),
    signIn: (login, password) => call<SignedIn>('POST', '/sessions', { login, password }),
    signOut: async (token) => {
      await call<null>('DELETE', '/sessions', undefined, { [SESSION_HEADER]: token })
    },
    push: (request: PushRequest) => call<PushResult>('POST', '/push', request),
    pull: (after, limit, waitMs) => {
      const wait = Math.max(0, Math.min(Math.round(waitMs), MAX_PULL_WAIT_MS))
      const query = new URLSearchParams({ after: String(after), limit: String(limit), wait: String(wait) })
      return call<PullResult>('GET', `/pull?${query.toString()}`, undefined, {}, wait + PULL_MARGIN_MS)
    },
    download: (onLine) => stream('/download', FIRST_DOWNLOAD, onLine),
    chargesOfMonth: (period, onLine) =>
      stream(`/charges?${new URLSearchParams({ period }).toString()}`, MONTH_CHARGES, onLine),
    op: (name: OfficeOp, input: unknown, token: string) =>
      call<unknown>('POST', `/ops/${name}`, input, { [SESSION_HEADER]: token }),
    close: async () => {
      agent.destroy()
    },
  }
}

/** The certificate's fingerprint as the server shows it (before anything is trusted). */
function peerFingerprint(url: string): Promise<string> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = connect({
      host: u.hostname,
      port: Number(u.port || 443),
      servername: /^[\d.]+$|:/.test(u.hostname) ? undefined : u.hostname,
      rejectUnauthorized: false,
    })
    socket.setTimeout(CALL_TIMEOUT_MS / 4, () =>
      socket.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    )
    socket.once('secureConnect', () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256
      socket.end()
      resolve(fingerprint)
    })
    socket.once('error', (err) => reject(linkError(err, u.origin)))
  })
}

export async function probeServer(url: string): Promise<{ fingerprint: string; hello: Hello }> {
  const origin = base(url)
  const fingerprint = await peerFingerprint(origin)
  // The hello is asked over a connection pinned to what was just seen.
  const agent = new PinnedAgent(fingerprint, { keepAlive: false })
  try {
    const hello = await exchangeJson<Hello>(agent, origin, {
      method: 'GET',
      path: path('/hello'),
      timeoutMs: CALL_TIMEOUT_MS,
    })
    return { fingerprint, hello }
  } finally {
    agent.destroy()
  }
}

export async function enrollDesk(target: LinkTarget, request: EnrollRequest): Promise<Enrolled> {
  const origin = base(target.url)
  const agent = new PinnedAgent(target.fingerprint, { keepAlive: false })
  try {
    return await exchangeJson<Enrolled>(agent, origin, {
      method: 'POST',
      path: path('/enroll'),
      body: request,
      timeoutMs: CALL_TIMEOUT_MS,
    })
  } finally {
    agent.destroy()
  }
}
