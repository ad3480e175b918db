// The handlers of sessions: signing in and out, the lock screen: each channel's input to its
// service. Joined with the other capabilities' in ../handlers.ts.
import {
  lockSession,
  sessionInfo,
  signIn,
  signOut,
  touchSession,
  unlockSession,
} from '../../services/clerks/sessions'
import { type HandlersOf } from './call-context'

export const sessionsHandlers = {
  'sessions:current': (_, c) => sessionInfo(c.session),
  'sessions:signIn': (i, c) =>
    signIn(c.ctx, c.session, i.login, i.password, (ctx, login, password) =>
      c.sync.authenticate(ctx, login, password),
    ),
  'sessions:signOut': async (_, c) => {
    const was = c.session.clerk?.id
    await signOut(c.ctx, c.session)
    // In the background: the clerk's changes go first, then the server session ends.
    if (was) void c.sync.signedOut(was).catch(() => {})
    return null
  },
  'sessions:lock': (_, c) => lockSession(c.ctx, c.session, 'manual'),
  'sessions:unlock': (i, c) => unlockSession(c.ctx, c.session, i.password),
  'sessions:touch': (_, c) => touchSession(c.ctx, c.session),
} satisfies HandlersOf<'sessions'>
