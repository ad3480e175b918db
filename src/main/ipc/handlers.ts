// One handler per contract channel: each capability's handlers live in handlers/<capability>.ts;
// this map joins them, and `satisfies Handlers` makes a missing channel a compile error.
import { accountsHandlers } from './handlers/accounts'
import { appHandlers } from './handlers/app'
import { appointmentsHandlers } from './handlers/appointments'
import { billingHandlers } from './handlers/billing'
import { cabinetsHandlers } from './handlers/cabinets'
import type { Handlers } from './handlers/call-context'
import { cashHandlers } from './handlers/cash'
import { printingHandlers } from './handlers/printing'
import { sessionsHandlers } from './handlers/sessions'
import { syncHandlers } from './handlers/sync'

export type { CallContext, Handlers } from './handlers/call-context'

export const handlers = {
  ...appHandlers,
  ...sessionsHandlers,
  ...accountsHandlers,
  ...cabinetsHandlers,
  ...printingHandlers,
  ...billingHandlers,
  ...cashHandlers,
  ...appointmentsHandlers,
  ...syncHandlers,
} satisfies Handlers
