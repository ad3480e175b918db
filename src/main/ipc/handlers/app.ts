// The handlers of the desk itself: what it is, its settings, the audit log check: each channel's
// input to its service. Joined with the other capabilities' in ../handlers.ts.
import { verifyAuditChain } from '../../services/core/audit'
import { appInfo, updateWorkstationSettings, workstationSettings } from '../../services/core/organisation'
import { clerkId, type HandlersOf } from './call-context'

export const appHandlers = {
  'app:info': (_, c) => appInfo(c.ctx, c.shell, c.version),
  'settings:get': (_, c) => workstationSettings(c.ctx),
  'settings:update': (i, c) => updateWorkstationSettings(c.ctx, clerkId(c), i),
  'audit:verify': (_, c) => verifyAuditChain(c.ctx),
} satisfies HandlersOf<'app' | 'settings' | 'audit'>
