// The calls of a signed-in clerk that the office server answers: the sign-in (at the server
// when it is reachable, its refusal final; against the synced hash when it is not), the
// sign-out (the server session ends once the clerk's changes are sent), and the direct
// operations under the clerk's server session.
import { findClerkById, toClerkInfo } from '../db/repositories/clerks'
import { unsentOfClerk } from '../db/repositories/outbox'
import { OknoError } from '../../shared/ipc/envelope'
import type { ClerkInfo } from '../../shared/domain/clerk'
import type { OfficeOp } from '../../shared/office/protocol'
import type { ServiceContext } from '../services/core/context'
import { authenticate } from '../services/clerks/sign-in'
import type { ClerkSessions } from './clerk-sessions'
import { unreachableFor } from './direct-op'
import { isDeskRefusal, isTransient } from './errors'
import { OfficeLinkError } from './link/types'
import type { SyncWorker } from './worker'

export interface ClerkCalls {
  authenticate(ctx: ServiceContext, login: string, password: string): Promise<ClerkInfo>
  signedOut(clerkId: string): Promise<void>
  direct<T>(what: string, op: OfficeOp, input: unknown, clerkId: string, local: () => Promise<T>): Promise<T>
}

export interface ClerkCallsDeps {
  ctx: ServiceContext
  sessions: ClerkSessions
  started: Promise<void>
  /** The running worker, null in standalone mode or before an enrollment. */
  worker(): SyncWorker | null
  /** Why a desk in office mode has no worker (the «Подключите окно…» sentence). */
  noWorkerMessage: string
}

export function createClerkCalls(d: ClerkCallsDeps): ClerkCalls {
  const { ctx, sessions } = d
  return {
    async authenticate(callCtx, login, password) {
      await d.started
      const w = d.worker()
      if (!w) return authenticate(callCtx, login, password)
      try {
        const answer = await w.options.link.signIn(login, password)
        sessions.signedIn(answer)
        const row = await findClerkById(callCtx.db, answer.clerk.id)
        return row ? toClerkInfo(row) : { ...answer.clerk }
      } catch (err) {
        if (err instanceof OfficeLinkError && !err.transient && !isDeskRefusal(err)) {
          // The server's word is final: the lockout lives there, for the whole office.
          throw new OknoError(err.code === 'LOCKED' ? 'LOGIN_LOCKED' : 'BAD_CREDENTIALS', err.message)
        }
        if (!isTransient(err) && !isDeskRefusal(err)) throw err
      }
      const clerk = await authenticate(callCtx, login, password)
      sessions.remember(clerk.id, login, password)
      return clerk
    },
    async signedOut(clerkId) {
      const w = d.worker()
      if (!w) {
        sessions.forget(clerkId)
        return
      }
      // The clerk's changes go with their session; the session ends only when none is left.
      await w.syncNow()
      if ((await unsentOfClerk(ctx.db.knex, clerkId)) > 0) return
      const token = sessions.forget(clerkId)
      if (token) await w.options.link.signOut(token).catch(() => {})
    },
    async direct<T>(
      what: string,
      op: OfficeOp,
      input: unknown,
      clerkId: string,
      local: () => Promise<T>,
    ): Promise<T> {
      await d.started
      const worker = d.worker()
      if (!worker) {
        if (ctx.settings.get().sync.mode === 'office') {
          throw new OknoError('UNAVAILABLE', `${d.noWorkerMessage} До этого нельзя выполнить: ${what}.`)
        }
        return local()
      }
      let token = sessions.tokenOf(clerkId)
      if (!token) {
        // Signed in here while the server was out of reach: an exchange now signs the clerk in
        // there too when it answers.
        const after = await worker.syncNow()
        token = sessions.tokenOf(clerkId)
        if (!token && after.state === 'refused') throw new OknoError('UNAVAILABLE', after.lastError ?? what)
        if (!token && after.state !== 'online') throw unreachableFor(what, after.lastError)
      }
      if (!token) {
        throw new OknoError(
          'UNAVAILABLE',
          `Сервер «Окно» не подтвердил ваш вход (пароль на сервере мог смениться): ${what} выполняется только на сервере. Выйдите и войдите снова с паролем, который знает сервер.`,
        )
      }
      return (await worker.direct(what, op, input, token)) as T
    },
  }
}
