// The desk's side of the office link: the interface the sync worker codes against, and the error
// it throws. The HTTPS implementation lives next to it (https-link.ts).
import type {
  Hello,
  PullResult,
  PushRequest,
  PushResult,
  SignedIn,
  DownloadLine,
  OfficeOp,
} from '../../../shared/office/protocol'

export interface DeskCredential {
  deskId: string
  secret: string
}

export interface LinkTarget {
  /** https://host:port (no path). */
  url: string
  /** SHA-256 of the server certificate's DER, as «AB:CD:…» (64 hex pairs); null = verify by CA. */
  fingerprint: string | null
}

/** A failure of the link: `transient` ones are retried with backoff, others shown / parked. */
export class OfficeLinkError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
  ) {
    super(message)
  }
}

export interface OfficeLink {
  hello(): Promise<Hello>
  signIn(login: string, password: string): Promise<SignedIn>
  signOut(token: string): Promise<void>
  push(request: PushRequest): Promise<PushResult>
  /** Long poll: answers at once when there are changes after `after`, else waits up to waitMs. */
  pull(after: number, limit: number, waitMs: number): Promise<PullResult>
  /** Streams the first download; `onLine` is awaited before the next line is read (backpressure). */
  download(onLine: (line: DownloadLine) => Promise<void>): Promise<void>
  /** Streams one month's charge runs, charges and charge lines (GET /v1/charges), like download. */
  chargesOfMonth(period: string, onLine: (line: DownloadLine) => Promise<void>): Promise<void>
  op(name: OfficeOp, input: unknown, token: string): Promise<unknown>
  close(): Promise<void>
}
