// One handler per contract channel. `satisfies Handlers` makes a missing channel a compile error.
import type { AppInfo } from '../../shared/domain/app'
import type { Channel } from '../../shared/ipc/channels'
import type { ChannelOutput, ChannelParsed } from '../../shared/ipc/contract'
import { OknoError } from '../../shared/ipc/envelope'
import { getAccountCard, searchAccounts } from '../services/accounts'
import { verifyAuditChain } from '../services/audit'
import type { ServiceContext } from '../services/context'
import { appInfo, updateWorkstationSettings, workstationSettings } from '../services/organisation'
import {
  lockSession,
  sessionInfo,
  signIn,
  signOut,
  touchSession,
  unlockSession,
  type Session,
} from '../services/sessions'

/** Everything a handler may use: the services' context and the caller's session. */
export interface CallContext {
  ctx: ServiceContext
  session: Session
  shell: AppInfo['shell']
  version: string
}

type Handler<C extends Channel> = (
  input: ChannelParsed<C>,
  call: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type Handlers = { [C in Channel]: Handler<C> }

function clerkId(call: CallContext): string {
  if (!call.session.clerk) throw new OknoError('UNAUTHENTICATED', 'Войдите в систему.')
  return call.session.clerk.id
}

export const handlers = {
  'app:info': (_, c) => appInfo(c.ctx, c.shell, c.version),
  'session:current': (_, c) => sessionInfo(c.session),
  'session:signIn': (i, c) => signIn(c.ctx, c.session, i.login, i.password),
  'session:signOut': (_, c) => signOut(c.ctx, c.session),
  'session:lock': (_, c) => lockSession(c.ctx, c.session, 'manual'),
  'session:unlock': (i, c) => unlockSession(c.ctx, c.session, i.password),
  'session:touch': (_, c) => touchSession(c.ctx, c.session),
  'accounts:search': (i, c) => searchAccounts(c.ctx, i.query),
  'accounts:get': (i, c) => getAccountCard(c.ctx, i.accountId),
  'settings:get': (_, c) => workstationSettings(c.ctx),
  'settings:update': (i, c) => updateWorkstationSettings(c.ctx, clerkId(c), i),
  'audit:verify': (_, c) => verifyAuditChain(c.ctx),
} satisfies Handlers
