// A clerk's session at one window (an Electron window or a browser tab): who is signed in and
// whether the screen is locked. The screen locks on request and, as a backstop for a renderer
// that stopped reporting activity, when no activity arrived within the idle time.
import type { ClerkInfo, SessionInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { recordAudit } from '../core/audit'
import { authenticate, reauthenticate } from './sign-in'
import type { ServiceContext } from '../core/context'

export interface Session {
  clerk: ClerkInfo | null
  locked: boolean
  lastActivityMs: number
  /**
   * The desk's data generation at sign-in (see SyncService.generation): a first download from the
   * office server replaces the clerks, so a session from before it ends.
   */
  generation?: number
}

export function newSession(): Session {
  return { clerk: null, locked: false, lastActivityMs: 0 }
}

export function sessionInfo(session: Session): SessionInfo | null {
  return session.clerk ? { clerk: session.clerk, locked: session.locked } : null
}

function requireClerk(session: Session): ClerkInfo {
  if (!session.clerk) throw new OknoError('UNAUTHENTICATED', 'Войдите в систему.')
  return session.clerk
}

export async function signIn(
  ctx: ServiceContext,
  session: Session,
  login: string,
  password: string,
  /** Who checks the password: the office server in office mode (SyncService.authenticate). */
  check: (ctx: ServiceContext, login: string, password: string) => Promise<ClerkInfo> = authenticate,
): Promise<SessionInfo> {
  const clerk = await check(ctx, login, password)
  if (session.clerk && session.clerk.id !== clerk.id) await signOut(ctx, session)
  session.clerk = clerk
  session.locked = false
  session.lastActivityMs = ctx.clock.now().getTime()
  const { officeId, counterNumber } = ctx.settings.get()
  await recordAudit(ctx, {
    action: 'session.sign_in',
    clerkId: clerk.id,
    objectType: 'clerk',
    objectId: clerk.id,
    details: { officeId, counterNumber },
  })
  return { clerk, locked: false }
}

export async function signOut(ctx: ServiceContext, session: Session): Promise<null> {
  const clerk = session.clerk
  session.clerk = null
  session.locked = false
  if (clerk) {
    await recordAudit(ctx, {
      action: 'session.sign_out',
      clerkId: clerk.id,
      objectType: 'clerk',
      objectId: clerk.id,
    })
  }
  return null
}

export async function lockSession(
  ctx: ServiceContext,
  session: Session,
  reason: 'manual' | 'idle',
): Promise<SessionInfo> {
  const clerk = requireClerk(session)
  if (!session.locked) {
    session.locked = true
    await recordAudit(ctx, {
      action: 'session.lock',
      clerkId: clerk.id,
      objectType: 'clerk',
      objectId: clerk.id,
      details: { reason },
    })
  }
  return { clerk, locked: true }
}

export async function unlockSession(
  ctx: ServiceContext,
  session: Session,
  password: string,
): Promise<SessionInfo> {
  const clerk = requireClerk(session)
  try {
    await reauthenticate(ctx, clerk.id, password)
  } catch (err) {
    // A login locked while the screen is locked ends the session: the next person signs in anew.
    if (err instanceof OknoError && (err.code === 'LOGIN_LOCKED' || err.code === 'UNAUTHENTICATED')) {
      await signOut(ctx, session)
    }
    throw err
  }
  session.locked = false
  session.lastActivityMs = ctx.clock.now().getTime()
  await recordAudit(ctx, {
    action: 'session.unlock',
    clerkId: clerk.id,
    objectType: 'clerk',
    objectId: clerk.id,
  })
  return { clerk, locked: false }
}

/** Activity from the clerk (keys, mouse) reported by the renderer. */
export function touchSession(ctx: ServiceContext, session: Session): null {
  if (session.clerk && !session.locked) session.lastActivityMs = ctx.clock.now().getTime()
  return null
}

/** Locks a session that saw no activity within the idle time. Returns whether it is locked. */
export async function enforceIdleLock(ctx: ServiceContext, session: Session): Promise<boolean> {
  if (!session.clerk || session.locked) return session.locked
  const idleMs = ctx.settings.get().idleLockMinutes * 60_000
  if (ctx.clock.now().getTime() - session.lastActivityMs > idleMs) {
    await lockSession(ctx, session, 'idle')
  }
  return session.locked
}
