// The contract of the desk itself: what it is, its settings, the audit log check: channel → input
// schema, output type, access. Joined with the other capabilities' in ../contract.ts.
import type { AppInfo, AuditVerification, WorkstationSettingsView } from '../../domain/app'
import { settingsUpdateSchema } from '../../settings'
import { channel, empty } from '../channel-spec'

export const appContract = {
  'app:info': channel<typeof empty, AppInfo>('public', empty),
  'settings:get': channel<typeof empty, WorkstationSettingsView>('clerk', empty),
  'settings:update': channel<typeof settingsUpdateSchema, WorkstationSettingsView>(
    'administrator',
    settingsUpdateSchema,
  ),
  'audit:verify': channel<typeof empty, AuditVerification>('administrator', empty),
} as const
