// The handlers of the online cabinet at the counter: registration, password reset, attaching an
// account, unblocking, the passport shown in full: each channel's input to its service. Joined with
// the other capabilities' in ../handlers.ts.
import { attachAccount, cabinetState, unblockReset } from '../../services/cabinet/cabinets'
import { registerCabinet } from '../../services/cabinet/issue'
import { resetCabinetPassword } from '../../services/cabinet/reset'
import { revealPassport } from '../../services/cabinet/passports'
import { clerk, clerkId, type HandlersOf } from './call-context'

export const cabinetsHandlers = {
  'cabinets:state': (i, c) => cabinetState(c.ctx, i.accountId),
  'cabinets:register': (i, c) =>
    c.sync.direct('регистрация личного кабинета', 'cabinets.register', i, clerkId(c), () =>
      registerCabinet(c.ctx, clerk(c), i),
    ),
  'cabinets:reset': (i, c) => resetCabinetPassword(c.ctx, clerk(c), i),
  'cabinets:attach': (i, c) => attachAccount(c.ctx, clerkId(c), i),
  'cabinets:unblockReset': (i, c) => unblockReset(c.ctx, clerkId(c), i),
  'cabinets:revealPassport': (i, c) => revealPassport(c.ctx, clerkId(c), i.personId),
} satisfies HandlersOf<'cabinets'>
