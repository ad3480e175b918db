// An in-memory stand-in for an okno-server as the desk's OfficeLink sees it (tests only): a change
// log the long poll serves, a verdict per pushed change, the first download's lines, sign-ins,
// operations, and a failure every call can be made to throw. The real server is in
// tests/helpers/okno-server.ts.
import { randomUUID } from 'node:crypto'
import { CURRENT_SCHEMA_VERSION } from '../../src/main/db/migrate'
import { OfficeLinkError, type OfficeLink } from '../../src/main/sync/link/types'
import type { OfficeLinks } from '../../src/main/sync/office-links'
import type {
  DownloadLine,
  Enrolled,
  EnrollRequest,
  OfficeOp,
  PulledChange,
  PushRequest,
  SignedIn,
} from '../../src/shared/office/protocol'

type Verdict = 'accepted' | 'waiting' | { refused: string }
type WireChange = PushRequest['changes'][number]

export const FAKE_FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  (i * 7 + 16).toString(16).slice(-2).toUpperCase().padStart(2, '0'),
).join(':')

export class FakeOfficeServer {
  serverId = randomUUID()
  schemaVersion = CURRENT_SCHEMA_VERSION
  demo = false
  organisation: string | null = 'МУП «Расчётный центр»'
  /** The change log other desks made; `pull` serves what is after the cursor. */
  readonly log: PulledChange[] = []
  readonly pushes: PushRequest[] = []
  /** Changes accepted, in order (a change sent twice is here once). */
  readonly accepted: WireChange[] = []
  readonly ops: Array<{ name: OfficeOp; input: unknown; token: string }> = []
  readonly enrollments: EnrollRequest[] = []
  readonly signedOut: string[] = []
  verdict: (change: WireChange, sessions: readonly string[]) => Verdict = () => 'accepted'
  /** Lines of the first download after the head (the head and end are added). */
  rows: Array<Extract<DownloadLine, { kind: 'rows' }>> = []
  downloads = 0
  /** Thrown by every call while set. */
  failure: OfficeLinkError | null = null
  /** login → password and the clerk the server knows. */
  readonly clerks = new Map<string, { password: string; clerk: SignedIn['clerk'] }>()
  opResult: (name: OfficeOp, input: unknown) => unknown = () => ({ done: true })
  enrollCode = 'ABCD-EFGH-JKLM'
  /** The office an enrollment binds the desk to. */
  office: { id: string; code: string } = { id: randomUUID(), code: 'BAL' }
  private waiters = new Set<() => void>()

  add(change: Omit<PulledChange, 'seq'>): void {
    this.log.push({ ...change, seq: this.log.length + 1 })
    for (const w of this.waiters) w()
  }

  private check(): void {
    if (this.failure) throw this.failure
  }

  links(): OfficeLinks & { opened: number } {
    const links = {
      opened: 0,
      open: (): OfficeLink => {
        links.opened++
        return this.link()
      },
      probe: async (url: string) => {
        this.check()
        if (!url.startsWith('https://'))
          throw new OfficeLinkError('NETWORK', 'Сервер «Окно» не отвечает.', true)
        return { fingerprint: FAKE_FINGERPRINT, hello: this.hello() }
      },
      enroll: async (target: { fingerprint: string | null }, request: EnrollRequest): Promise<Enrolled> => {
        this.check()
        if (target.fingerprint !== FAKE_FINGERPRINT) {
          throw new OfficeLinkError('PIN_MISMATCH', 'Сертификат сервера изменился: сверьте отпечаток.', false)
        }
        if (request.code.replace(/-/g, '') !== this.enrollCode.replace(/-/g, '')) {
          throw new OfficeLinkError(
            'ENROLL_REFUSED',
            'Код подключения неверен, истёк или уже использован.',
            false,
          )
        }
        this.enrollments.push(request)
        return {
          deskId: randomUUID(),
          secret: 'desk-secret-Zr81-QmXv-77aa-secret',
          officeId: this.office.id,
          officeCode: this.office.code,
          counterId: randomUUID(),
          counterNumber: 3,
          serverId: this.serverId,
        }
      },
    }
    return links
  }

  hello(): { serverId: string; schemaVersion: number; demo: boolean; organisation: string | null } {
    return {
      serverId: this.serverId,
      schemaVersion: this.schemaVersion,
      demo: this.demo,
      organisation: this.organisation,
    }
  }

  link(): OfficeLink {
    let closed = false
    const closers = new Set<() => void>()
    return {
      hello: async () => {
        this.check()
        return this.hello()
      },
      signIn: async (login, password) => {
        this.check()
        const known = this.clerks.get(login)
        if (!known || known.password !== password) {
          throw new OfficeLinkError('UNAUTHENTICATED', 'Неверный логин или пароль (сервер).', false)
        }
        return { token: `token-${known.clerk.id}-${randomUUID()}`, clerk: known.clerk }
      },
      signOut: async (token) => {
        this.check()
        this.signedOut.push(token)
      },
      push: async (request) => {
        this.check()
        this.pushes.push(request)
        const result = {
          accepted: [] as string[],
          refused: [] as Array<{ id: string; reason: string }>,
          waiting: [] as string[],
        }
        let held = false
        for (const c of request.changes) {
          const v = held ? 'waiting' : this.verdict(c, request.sessions)
          if (v === 'waiting') {
            held = true
            result.waiting.push(c.id)
          } else if (v === 'accepted') {
            if (!this.accepted.some((a) => a.id === c.id)) this.accepted.push(c)
            result.accepted.push(c.id)
          } else {
            result.refused.push({ id: c.id, reason: v.refused })
          }
        }
        return result
      },
      pull: async (after, limit, waitMs) => {
        this.check()
        const ready = (): PulledChange[] => this.log.filter((c) => c.seq > after).slice(0, limit)
        if (ready().length === 0 && waitMs > 0 && !closed) {
          await new Promise<void>((resolve) => {
            const done = (): void => {
              clearTimeout(t)
              this.waiters.delete(done)
              closers.delete(done)
              resolve()
            }
            const t = setTimeout(done, waitMs)
            this.waiters.add(done)
            closers.add(done)
          })
        }
        if (closed) throw new OfficeLinkError('NETWORK', 'Соединение с сервером «Окно» закрыто.', true)
        this.check()
        return { changes: ready(), last: this.log.length }
      },
      download: async (onLine) => {
        this.check()
        this.downloads++
        const counts: Record<string, number> = {}
        for (const r of this.rows) counts[r.table] = (counts[r.table] ?? 0) + r.rows.length
        await onLine({ kind: 'head', cursor: this.log.length, serverId: this.serverId, counts })
        let n = 0
        for (const r of this.rows) {
          await onLine(r)
          n += r.rows.length
        }
        await onLine({ kind: 'end', rows: n })
      },
      chargesOfMonth: async (period, onLine) => {
        this.check()
        // The month's rows of the download's lines, as the server's GET /v1/charges picks them.
        const charges = new Set<unknown>()
        const month = this.rows.map((r) => {
          const rows = r.rows.filter((row) =>
            r.table === 'charge_lines' ? charges.has(row.charge_id) : row.period === period,
          )
          if (r.table === 'charges') for (const row of rows) charges.add(row.id)
          return { ...r, rows: ['charge_runs', 'charges', 'charge_lines'].includes(r.table) ? rows : [] }
        })
        await onLine({ kind: 'head', cursor: this.log.length, serverId: this.serverId, counts: {} })
        let n = 0
        for (const r of month.filter((m) => m.rows.length > 0)) {
          await onLine(r)
          n += r.rows.length
        }
        await onLine({ kind: 'end', rows: n })
      },
      op: async (name, input, token) => {
        this.check()
        this.ops.push({ name, input, token })
        return this.opResult(name, input)
      },
      close: async () => {
        closed = true
        for (const c of closers) c()
      },
    }
  }
}
