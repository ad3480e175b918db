// Every answer of the browser-mode server goes out with the same security headers: the app's
// Content Security Policy, no sniffing, no framing, no referrer, no caching.
import type { ServerResponse } from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
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

export function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', message)
}

/** A percent-decoded path component, or null for a malformed one (answered 400, not thrown). */
export function safeDecode(component: string): string | null {
  try {
    return decodeURIComponent(component)
  } catch {
    return null
  }
}
