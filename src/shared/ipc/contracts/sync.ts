// The contract of the exchange with the okno-server: status, outbox, enrollment and settings:
// channel → input schema, output type, access. Joined with the other capabilities' in ../contract.ts.
import type { OutboxList, ServerProbe, SyncSettingsView, SyncStatus } from '../../domain/sync'
import { outboxListSchema, syncEnrollSchema, syncProbeSchema, syncSettingsSchema } from '../schemas/sync'
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
  'sync:probe': channel<typeof syncProbeSchema, ServerProbe>('administrator', syncProbeSchema),
  'sync:enroll': channel<typeof syncEnrollSchema, SyncSettingsView>('administrator', syncEnrollSchema),
  'sync:disconnect': channel<typeof empty, SyncSettingsView>('administrator', empty),
} as const
