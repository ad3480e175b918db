// What every handler receives (the services' context and the caller's session), the handler types
// that tie each channel to its contract entry, and the two lookups of the signed-in clerk.
import type { AppInfo } from '../../../shared/domain/app'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import type { Channel } from '../../../shared/ipc/channels'
import type { ChannelOutput, ChannelParsed } from '../../../shared/ipc/contract'
import { OknoError } from '../../../shared/ipc/envelope'
import type { Printer } from '../../printing/printer'
import type { Session } from '../../services/clerks/sessions'
import type { ServiceContext } from '../../services/core/context'
import type { SyncService } from '../../sync/service'

/** Everything a handler may use: the services' context and the caller's session. */
export interface CallContext {
  ctx: ServiceContext
  session: Session
  shell: AppInfo['shell']
  version: string
  /** The shell's print backend (Electron's printers; none in browser mode). */
  printer: Printer
  /** The office sync: its status, and direct operations on the server in office mode. */
  sync: SyncService
}

export type Handler<C extends Channel> = (
  input: ChannelParsed<C>,
  call: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type Handlers = { [C in Channel]: Handler<C> }

/** The handlers of the channels in the namespaces `N` (`shifts`, `payments`, …): all of them. */
export type HandlersOf<N extends string> = {
  [C in Channel as C extends `${N}:${string}` ? C : never]: Handler<C>
}

export function clerk(call: CallContext): ClerkInfo {
  if (!call.session.clerk) throw new OknoError('UNAUTHENTICATED', 'Войдите в систему.')
  return call.session.clerk
}

export const clerkId = (call: CallContext): string => clerk(call).id
