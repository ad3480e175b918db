// The server's secrets as it keeps them: random tokens handed out once, only their SHA-256 stored,
// compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** 32 random bytes as base64url: a desk's secret, a clerk's session token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A one-time enrollment code: 12 characters of A–Z (no I, O) and 2–9, as XXXX-XXXX-XXXX. */
export function newEnrollCode(): string {
  const bytes = randomBytes(12)
  // 256 is a multiple of 32: every character equally likely.
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length])
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`
}

/** The code as stored: without dashes, upper case, hashed. */
export function enrollCodeHash(code: string): string {
  return sha256Hex(code.trim().toUpperCase().replaceAll('-', ''))
}
