// The office link: what a desk and okno-server say to each other over HTTPS (DESIGN.md «office
// server»). One schema per request body, checked by the server before anything else; the answers'
// shapes, checked by the desk. Every answer is an envelope like the IPC's: { ok: true, data } or
// { ok: false, error: { code, message } } with a Russian message fit for a clerk.
//
//   GET    /v1/hello                      no auth     → Hello
//   POST   /v1/enroll                     no auth     EnrollRequest → Enrolled
//   POST   /v1/sessions                   desk        SignInRequest → SignedIn
//   DELETE /v1/sessions                   desk+clerk  → null
//   POST   /v1/push                       desk        PushRequest → PushResult
//   GET    /v1/pull?after=N&limit=L&wait=MS desk      → PullResult (long poll: waits up to MS
//                                                       for a change after N when there is none)
//   GET    /v1/download                   desk        → NDJSON stream of DownloadLine
//   GET    /v1/charges?period=YYYY-MM     desk        → NDJSON stream of DownloadLine: that
//                                                       month's charge_runs, charges, charge_lines
//                                                       (a desk's «charges refresh» of the month)
//   POST   /v1/ops/<name>                 desk+clerk  the channel's input → its output
//
// Desk auth: `Authorization: Desk <deskId>.<secret>`. Clerk: `X-Okno-Session: <token>`.
import { z } from 'zod'
import type { Change } from '../domain/sync'

export const OFFICE_API_PREFIX = '/v1'
export const DESK_AUTH_SCHEME = 'Desk'
export const SESSION_HEADER = 'x-okno-session'

/** Request bodies above this are refused with 413 before they are read whole. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024
/** Changes per push; the desk sends at most this many at once. */
export const MAX_PUSH_CHANGES = 1_000
export const MAX_PULL_LIMIT = 2_000
/** The longest a pull waits for a change before answering empty. */
export const MAX_PULL_WAIT_MS = 30_000

/** The server's error codes (HTTP status in brackets). */
export type OfficeErrorCode =
  | 'VALIDATION' // 400: the body does not match its schema
  | 'UNAUTHENTICATED' // 401: no or bad desk credential or clerk session
  | 'DESK_REVOKED' // 401: the desk was revoked by the administrator
  | 'ENROLL_REFUSED' // 403: the code is wrong, expired or used
  | 'FORBIDDEN' // 403: the clerk's role does not allow it
  | 'LOCKED' // 423: the login is locked after wrong passwords
  | 'NOT_FOUND' // 404
  | 'TOO_LARGE' // 413
  | 'CONFLICT' // 409: a business rule refused the operation (the message says which)
  | 'SCHEMA' // 409: the desk's schema version differs from the server's
  | 'DEMO_MISMATCH' // 409: a demo desk and a real server (or the other way round)
  | 'UNAVAILABLE' // 503: PostgreSQL cannot be reached; try again later
  | 'INTERNAL' // 500

export interface OfficeError {
  code: OfficeErrorCode
  message: string
  fields?: Record<string, string>
}

export type OfficeEnvelope<T> = { ok: true; data: T } | { ok: false; error: OfficeError }

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)

export interface Hello {
  serverId: string
  schemaVersion: number
  /** The server's organisation is the demo one. */
  demo: boolean
  organisation: string | null
}

/** The one-time code the administrator gives: 12 characters of A–Z and 2–9, dashes allowed. */
export const ENROLL_CODE_RE = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/

export const enrollRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ENROLL_CODE_RE, 'Код подключения: 12 букв и цифр, как его выдал администратор'),
    /** The desk's workstation id: its audit chain and outbox origin, bound to it from now on. */
    workstationId: uuid,
    /** The computer's name, for the server's list of desks. */
    name: z.string().trim().min(1).max(200),
    schemaVersion: z.number().int().min(0).max(10_000),
    demo: z.boolean(),
  })
  .strict()
export type EnrollRequest = z.infer<typeof enrollRequestSchema>

export interface Enrolled {
  deskId: string
  /** The desk's credential: shown once, kept sealed by the desk. */
  secret: string
  officeId: string
  officeCode: string
  counterId: string
  counterNumber: number
  serverId: string
}

export const signInRequestSchema = z
  .object({
    login: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  .strict()
export type SignInRequest = z.infer<typeof signInRequestSchema>

export interface SignedIn {
  token: string
  clerk: { id: string; login: string; fullName: string; role: 'operator' | 'supervisor' | 'administrator' }
}

/** A change as it travels: the outbox row (see Change in src/shared/domain/sync.ts). */
export const wireChangeSchema = z
  .object({
    id: uuid,
    entity: z.string().min(1).max(32),
    entityId: z.string().min(1).max(200),
    op: z.enum(['insert', 'update', 'delete']),
    payload: z.string().max(1_000_000),
    createdAt: z.string().min(1).max(32),
    clerkId: uuid.nullable().optional(),
  })
  .strict()

export const pushRequestSchema = z
  .object({
    changes: z.array(wireChangeSchema).max(MAX_PUSH_CHANGES),
    /** Session tokens of the clerks whose changes are in the batch (at most one per clerk). */
    sessions: z.array(z.string().min(1).max(200)).max(64),
  })
  .strict()
export type PushRequest = z.infer<typeof pushRequestSchema>

export interface PushResult {
  /** Ids applied now or before (a batch sent twice is applied once). */
  accepted: string[]
  /** Ids the write policy refused, each with the reason in Russian; the desk parks them. */
  refused: Array<{ id: string; reason: string }>
  /**
   * Ids held back: their clerk has no session at this desk yet. Not an error: the desk keeps
   * them until the clerk signs in while the server is reachable.
   */
  waiting: string[]
}

/** A change of the server's log as a desk receives it: numbered, without who made it. */
export type PulledChange = Omit<Change, 'clerkId'> & { seq: number }

export interface PullResult {
  changes: PulledChange[]
  /** The newest change number the server has (the desk's cursor when `changes` is empty). */
  last: number
}

/** One line of the first download's (or a month's charges') NDJSON stream: head, pages, end. */
export type DownloadLine =
  | { kind: 'head'; cursor: number; serverId: string; counts: Record<string, number> }
  | { kind: 'rows'; table: string; rows: Array<Record<string, unknown>> }
  | { kind: 'end'; rows: number }

/** Operations that must see every desk's state, run on the server (the channel they serve). */
export const OFFICE_OPS = {
  'appointments.book': 'appointments:book',
  'appointments.reschedule': 'appointments:reschedule',
  'shifts.close': 'shifts:close',
  'cabinets.register': 'cabinets:register',
  'charges.run': 'charges:run',
} as const
export type OfficeOp = keyof typeof OFFICE_OPS
