// The desk's enrollment at an okno-server as the administrator's «Обмен с сервером» form uses it:
// the saved settings as a view (no secret), «Проверить», «Подключить» (the credential sealed by
// the OS key store), «Отключить», and the exchange interval. Each change restarts the worker.
import { hostname } from 'node:os'
import type { KeySealer } from '../config/passport-key'
import { storedSyncView } from '../config/settings'
import { CURRENT_SCHEMA_VERSION } from '../db/migrate'
import { findOffice, findOrganisation } from '../db/repositories/organisation'
import { OknoError } from '../../shared/ipc/envelope'
import type { SyncEnrollInput, SyncSettingsInput } from '../../shared/ipc/schemas/sync'
import type { ServerProbe, SyncSettingsView } from '../../shared/domain/sync'
import { recordAudit } from '../services/core/audit'
import type { ServiceContext } from '../services/core/context'
import type { ClerkSessions } from './clerk-sessions'
import { sealSecret } from './credential'
import { describeServerError } from './errors'
import { OfficeLinkError } from './link/types'
import type { OfficeLinks } from './office-links'

export interface Enrollment {
  settings(): Promise<SyncSettingsView>
  saveSettings(clerkId: string, input: SyncSettingsInput): Promise<SyncSettingsView>
  probe(url: string): Promise<ServerProbe>
  enroll(clerkId: string, input: SyncEnrollInput): Promise<SyncSettingsView>
  disconnect(clerkId: string): Promise<SyncSettingsView>
}

export interface EnrollmentDeps {
  ctx: ServiceContext
  sealer: KeySealer | null
  links: OfficeLinks
  sessions: ClerkSessions
  /** The service has read its settings and started its worker. */
  started: Promise<void>
  stopWorker(): Promise<void>
  /** Starts the worker the saved settings call for (none in standalone mode). */
  startWorker(): Promise<void>
}

/** A failure of the link at enrollment or probe as the administrator's form shows it. */
function linkRefusal(err: unknown): OknoError {
  if (err instanceof OknoError) return err
  if (err instanceof OfficeLinkError) {
    if (err.code === 'ENROLL_REFUSED' || err.code === 'VALIDATION') {
      return new OknoError('VALIDATION', err.message, { code: err.message })
    }
    if (err.code === 'PIN_MISMATCH')
      return new OknoError('VALIDATION', err.message, { fingerprint: err.message })
    if (err.transient) return new OknoError('UNAVAILABLE', err.message)
    return new OknoError('CONFLICT', err.message)
  }
  return new OknoError('UNAVAILABLE', describeServerError(err))
}

export function createEnrollment(d: EnrollmentDeps): Enrollment {
  const { ctx, sealer, links, sessions } = d
  const stored = (): ReturnType<ServiceContext['settings']['get']>['sync'] => ctx.settings.get().sync

  async function view(): Promise<SyncSettingsView> {
    const s = stored()
    const { officeId } = ctx.settings.get()
    const office = s.server && officeId ? await findOffice(ctx.db, officeId) : undefined
    return {
      ...storedSyncView(s),
      osKeyStore: sealer !== null,
      officeName: office && office.code === s.server?.officeCode ? office.name : null,
    }
  }

  return {
    settings: view,
    async saveSettings(clerkId, input) {
      await d.started
      await d.stopWorker()
      ctx.settings.update({ sync: { ...stored(), intervalSeconds: input.intervalSeconds } })
      await recordAudit(ctx, {
        action: 'sync.settings',
        clerkId,
        details: { intervalSeconds: input.intervalSeconds },
      })
      await d.startWorker()
      return view()
    },
    async probe(url) {
      try {
        const { fingerprint, hello } = await links.probe(url)
        return {
          fingerprint,
          organisation: hello.organisation,
          demo: hello.demo,
          schemaVersion: hello.schemaVersion,
        }
      } catch (err) {
        throw linkRefusal(err)
      }
    },
    async enroll(clerkId, input) {
      await d.started
      const org = await findOrganisation(ctx.db)
      let enrolled
      try {
        // A new desk's store holds no organisation yet: it joins the server's kind of data.
        const demo = org ? Boolean(org.is_demo) : (await links.probe(input.url)).hello.demo
        enrolled = await links.enroll(
          { url: input.url, fingerprint: input.fingerprint },
          {
            code: input.code,
            workstationId: ctx.settings.get().workstationId,
            name: hostname().slice(0, 200) || 'окно',
            schemaVersion: CURRENT_SCHEMA_VERSION,
            demo,
          },
        )
      } catch (err) {
        throw linkRefusal(err)
      }
      await d.stopWorker()
      sessions.clear()
      ctx.settings.update({
        officeId: enrolled.officeId,
        counterNumber: enrolled.counterNumber,
        sync: {
          mode: 'office',
          legacy: false,
          intervalSeconds: stored().intervalSeconds,
          server: {
            url: input.url,
            fingerprint: input.fingerprint,
            deskId: enrolled.deskId,
            secret: sealSecret(sealer, enrolled.secret),
            officeCode: enrolled.officeCode,
            counterNumber: enrolled.counterNumber,
            serverId: enrolled.serverId,
          },
        },
      })
      await recordAudit(ctx, {
        action: 'sync.enrolled',
        clerkId,
        details: {
          url: input.url,
          fingerprint: input.fingerprint,
          deskId: enrolled.deskId,
          officeCode: enrolled.officeCode,
          counterNumber: enrolled.counterNumber,
        },
      })
      await d.startWorker()
      return view()
    },
    async disconnect(clerkId) {
      await d.started
      const was = stored().server
      await d.stopWorker()
      sessions.clear()
      ctx.settings.update({
        sync: { mode: 'standalone', server: null, legacy: false, intervalSeconds: stored().intervalSeconds },
      })
      await recordAudit(ctx, {
        action: 'sync.disconnected',
        clerkId,
        details: { url: was?.url ?? null, deskId: was?.deskId ?? null },
      })
      return view()
    },
  }
}
