// Browser mode's request checks (DESIGN.md «Security rules»): loopback Host only (against DNS
// rebinding), same-origin calls only, the per-launch token cookie and the bridge header on
// every API call. Pure functions over the request headers, tested one by one.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { BRIDGE_HEADER } from './bridge-script'

export const TOKEN_COOKIE = 'okno_token'
export const SESSION_COOKIE = 'okno_session'

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

export function parseCookies(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  return jar
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The Host header names this server on a loopback address (not a rebound DNS name). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host !== undefined && LOOPBACK_HOSTS.some((h) => host === `${h}:${port}`)
}

/**
 * No other site may call in: Origin, when the browser sends it, must be this very server, and
 * Fetch Metadata must say same-origin — or, for a page the clerk opened by typing or pasting the
 * link, «none».
 */
export function originAllowed(headers: IncomingHttpHeaders, kind: 'page' | 'api'): boolean {
  const origin = headers.origin
  if (origin !== undefined && origin !== `http://${headers.host ?? ''}`) return false
  const site = headers['sec-fetch-site']
  return site === undefined || site === 'same-origin' || (kind === 'page' && site === 'none')
}

export function bridgeHeaderPresent(headers: IncomingHttpHeaders): boolean {
  return headers[BRIDGE_HEADER] === '1'
}

/** The API takes JSON only: «application/json», with parameters at most («; charset=utf-8»). */
export function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
}
