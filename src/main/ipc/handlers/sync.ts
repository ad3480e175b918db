// The handlers of the exchange with the okno-server: status, outbox, enrollment and settings: each
// channel's input to its service. Joined with the other capabilities' in ../handlers.ts.

import { clerkId, type HandlersOf } from './call-context'

export const syncHandlers = {
  'sync:status': (_, c) => c.sync.status(),
  'sync:now': (_, c) => c.sync.syncNow(),
  'sync:outbox': (i, c) => c.sync.outbox(i.filter, i.limit),
  'sync:retryFailed': (_, c) => c.sync.retryFailed(clerkId(c)),
  'sync:settings': (_, c) => c.sync.settings(),
  'sync:saveSettings': (i, c) => c.sync.saveSettings(clerkId(c), i),
  'sync:probe': (i, c) => c.sync.probe(i.url),
  'sync:enroll': (i, c) => c.sync.enroll(clerkId(c), i),
  'sync:disconnect': (_, c) => c.sync.disconnect(clerkId(c)),
} satisfies HandlersOf<'sync'>
