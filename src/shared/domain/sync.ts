// The office sync as the desk sees it: the mode, the server connection (never its password),
// the worker's state, and the outbox rows a supervisor looks into.

export type SyncMode = 'standalone' | 'office'

/**
 * standalone: no server. online: the last exchange with the server succeeded. offline: the
 * server cannot be reached (the worker retries with backoff). downloading: the first download of
 * the office's data is running. refused: the server refused the desk (revoked, schema or demo
 * mismatch, a changed certificate) or its credential cannot be opened; the message says what to
 * do. unenrolled: a desk of the old direct mode, not connected to an okno-server yet (its outbox
 * waits for the enrollment).
 */
export type SyncState = 'standalone' | 'online' | 'offline' | 'downloading' | 'refused' | 'unenrolled'

export interface SyncServerView {
  /** https://host:port of the okno-server. */
  url: string
  /** The pinned certificate's SHA-256 («AB:CD:…»), null when a CA vouches for it. */
  fingerprint: string | null
  officeCode: string
  counterNumber: number
  /** The desk's credential is saved (sealed by the OS key store in the desktop shell); never the credential. */
  credentialSet: boolean
}

/** The saved sync settings as any clerk may see them: no secret, sealed or not. */
export interface StoredSyncView {
  mode: SyncMode
  /** Enrolled at an okno-server. */
  enrolled: boolean
  /** Set up for the old direct PostgreSQL connection and not enrolled since: must be enrolled. */
  legacy: boolean
  server: SyncServerView | null
  intervalSeconds: number
}

export interface SyncSettingsView extends StoredSyncView {
  /** False in browser mode: the credential is kept in an owner-only file, not the OS key store. */
  osKeyStore: boolean
  /** The enrolled office's name as this store knows it (null before the first download). */
  officeName: string | null
}

/** What the administrator compares before enrolling: the server's certificate and who it serves. */
export interface ServerProbe {
  /** SHA-256 of the certificate, «AB:CD:…». */
  fingerprint: string
  organisation: string | null
  demo: boolean
  schemaVersion: number
}

export interface DownloadProgress {
  /** The table being copied, in Russian («лицевые счета»). */
  table: string
  rowsDone: number
  rowsTotal: number
}

export interface SyncStatus {
  mode: SyncMode
  state: SyncState
  /** Outbox rows not yet on the server (failed ones included). */
  pending: number
  /** Rows the server refused; they wait for a supervisor. */
  failed: number
  lastSyncAt: string | null
  /** The last error in Russian (the server's message included), null after a success. */
  lastError: string | null
  nextAttemptAt: string | null
  download: DownloadProgress | null
}

export interface OutboxRowView {
  id: string
  entity: string
  /** What the row is, in Russian («оплата», «показание»). */
  entityTitle: string
  entityId: string
  op: 'insert' | 'update' | 'delete'
  createdAt: string
  attempts: number
  lastError: string | null
  failed: boolean
}

export interface OutboxList {
  pending: number
  failed: number
  /** The oldest first, at most `limit`. */
  rows: OutboxRowView[]
}

/**
 * One change that must reach the office server or come from it: a row inserted, updated or
 * deleted, or a month's charges refreshed. Kept in a desk's outbox and the server's change log.
 */
export interface Change {
  /** The outbox row's UUID: the change's identity everywhere. */
  id: string
  entity: string
  entityId: string
  /** refresh: a month's charges replaced as a whole (src/main/sync/refresh.ts). */
  op: 'insert' | 'update' | 'delete' | 'refresh'
  /** The row (insert, delete), the changed fields (update) or { period } (refresh), as JSON. */
  payload: string
  createdAt: string
  /**
   * The clerk whose action made it (null for the desk's own events, e.g. a failed sign-in of an
   * unknown login). The office server checks the clerk was signed in at the pushing desk.
   */
  clerkId?: string | null
}
