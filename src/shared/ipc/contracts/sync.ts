// The contract of the exchange with the office server: status, outbox, settings: channel → input
// schema, output type, access. Joined with the other capabilities' in ../contract.ts.
import type { OutboxList, ServerCheck, SyncSettingsView, SyncStatus } from '../../domain/sync'
import { outboxListSchema, syncServerSchema, syncSettingsSchema } from '../schemas/sync'
import { channel, empty } from '../channel-spec'

export const syncContract = {
  'sync:status': channel<typeof empty, SyncStatus>('session', empty),
  'sync:now': channel<typeof empty, SyncStatus>('clerk', empty),
  'sync:outbox': channel<typeof outboxListSchema, OutboxList>('supervisor', outboxListSchema),
  'sync:retryFailed': channel<typeof empty, SyncStatus>('supervisor', empty),
  'sync:settings': channel<typeof empty, SyncSettingsView>('clerk', empty),
  'sync:saveSettings': channel<typeof syncSettingsSchema, SyncSettingsView>(
    'administrator',
    syncSettingsSchema,
  ),
  'sync:testServer': channel<typeof syncServerSchema, ServerCheck>('administrator', syncServerSchema),
} as const
