// The workstation's own settings (office, counter number, idle lock), kept in a JSON file next
// to the database: they belong to this machine, not to the organisation's data.
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { DEFAULT_PRINTER_SETTINGS, printerSettingsSchema } from '../../shared/print/document'
import { cashSettingsSchema, DEFAULT_CASH_SETTINGS, IDLE_LOCK_DEFAULT_MINUTES } from '../../shared/settings'

/** Long enough for one customer's visit at the counter, short enough to show each visit. */
export const CARD_VIEW_AUDIT_DEFAULT_MINUTES = 30
import { SYNC_INTERVAL_DEFAULT_SECONDS } from '../../shared/ipc/schemas/sync'
import type { StoredSyncView } from '../../shared/domain/sync'

/** A secret sealed by the OS key store (Electron), or plain base64 in an owner-only file (browser mode). */
export const storedSecretSchema = z.object({ format: z.enum(['os', 'plain']), data: z.string() })
export type StoredSecret = z.infer<typeof storedSecretSchema>

/** The okno-server this desk is enrolled at, with the desk's credential (issue 14). */
const storedServerSchema = z.object({
  url: z.string(),
  /** The pinned certificate's SHA-256 («AB:CD:…»); null when a CA vouches for it. */
  fingerprint: z.string().nullable(),
  deskId: z.string(),
  secret: storedSecretSchema,
  officeCode: z.string(),
  counterNumber: z.number().int(),
  serverId: z.string(),
})

export type StoredServer = z.infer<typeof storedServerSchema>

/** The old shape: a direct PostgreSQL connection. Recognised to tell the desk to enrol instead. */
function isLegacyServer(server: unknown): boolean {
  return typeof server === 'object' && server !== null && 'host' in server && !('url' in server)
}

const syncSettingsFileSchema = z.preprocess(
  // A desk set up for direct PostgreSQL keeps its mode, data and outbox; its connection (and the
  // database password) is dropped, and `legacy` makes its status ask for enrollment.
  (raw) =>
    typeof raw === 'object' && raw !== null && isLegacyServer((raw as { server?: unknown }).server)
      ? { ...raw, server: null, legacy: true }
      : raw,
  z.object({
    mode: z.enum(['standalone', 'office']).default('standalone'),
    server: storedServerSchema.nullable().default(null),
    /** Set up for direct PostgreSQL before issue 14, and not enrolled at a server since. */
    legacy: z.boolean().default(false),
    intervalSeconds: z.number().int().min(1).max(300).default(SYNC_INTERVAL_DEFAULT_SECONDS),
  }),
)

export type StoredSyncSettings = z.infer<typeof syncSettingsFileSchema>

/** The sync settings as the renderer may see them: whether a credential is saved, never the credential. */
export function storedSyncView(s: StoredSyncSettings): StoredSyncView {
  return {
    mode: s.mode,
    enrolled: s.server !== null,
    legacy: s.legacy,
    server: s.server
      ? {
          url: s.server.url,
          fingerprint: s.server.fingerprint,
          officeCode: s.server.officeCode,
          counterNumber: s.server.counterNumber,
          credentialSet: s.server.secret.data !== '',
        }
      : null,
    intervalSeconds: s.intervalSeconds,
  }
}

const fileSchema = z.object({
  workstationId: z.uuid(),
  officeId: z.uuid().nullable().default(null),
  counterNumber: z.number().int().min(1).max(99).default(1),
  idleLockMinutes: z.number().int().min(1).max(120).default(IDLE_LOCK_DEFAULT_MINUTES),
  /** An account card opened again by the same clerk within this time is not audited again. */
  cardViewAuditMinutes: z.number().int().min(0).max(1440).default(CARD_VIEW_AUDIT_DEFAULT_MINUTES),
  printer: printerSettingsSchema.default(DEFAULT_PRINTER_SETTINGS),
  cash: cashSettingsSchema.default(DEFAULT_CASH_SETTINGS),
  sync: syncSettingsFileSchema.default({
    mode: 'standalone',
    server: null,
    legacy: false,
    intervalSeconds: SYNC_INTERVAL_DEFAULT_SECONDS,
  }),
})

export type WorkstationSettings = z.infer<typeof fileSchema>

export interface SettingsStore {
  get(): WorkstationSettings
  update(patch: Partial<Omit<WorkstationSettings, 'workstationId'>>): WorkstationSettings
}

/** Settings kept in memory only (tests). */
export function memorySettings(initial: Partial<WorkstationSettings> = {}): SettingsStore {
  let current = fileSchema.parse({ workstationId: randomUUID(), ...initial })
  return {
    get: () => current,
    update(patch) {
      current = fileSchema.parse({ ...current, ...patch })
      return current
    },
  }
}

/**
 * Settings in a JSON file. A missing file starts from defaults with a new workstation id; an
 * unreadable one is an error the administrator must see, not something to overwrite silently.
 */
export function fileSettings(path: string): SettingsStore {
  let current: WorkstationSettings
  let raw: string | undefined
  try {
    raw = readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  if (raw === undefined) {
    current = fileSchema.parse({ workstationId: randomUUID() })
    write(path, current)
  } else {
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch (err) {
      throw new Error(`Файл настроек ${path} повреждён: ${(err as Error).message}`, { cause: err })
    }
    const parsed = fileSchema.safeParse(json)
    if (!parsed.success) {
      throw new Error(`Файл настроек ${path} повреждён: ${parsed.error.issues[0]?.message ?? ''}`)
    }
    current = parsed.data
  }
  return {
    get: () => current,
    update(patch) {
      const next = fileSchema.parse({ ...current, ...patch })
      write(path, next)
      current = next
      return current
    },
  }
}

// Write to a temporary file and rename: a crash mid-write leaves the old settings intact.
function write(path: string, value: WorkstationSettings): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 })
  renameSync(tmp, path)
}
