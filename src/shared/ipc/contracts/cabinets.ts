// The contract of the online cabinet at the counter: registration, password reset, attaching an
// account, unblocking, the passport shown in full: channel → input schema, output type, access.
// Joined with the other capabilities' in ../contract.ts.
import type { CabinetIssued, CabinetState, PassportView } from '../../domain/cabinet'
import {
  accountIdSchema,
  cabinetAttachSchema,
  cabinetRegisterSchema,
  cabinetResetSchema,
  cabinetUnblockSchema,
  personIdSchema,
} from '../schemas/cabinet'
import { channel } from '../channel-spec'

export const cabinetsContract = {
  'cabinets:state': channel<typeof accountIdSchema, CabinetState>('clerk', accountIdSchema),
  'cabinets:register': channel<typeof cabinetRegisterSchema, CabinetIssued>('clerk', cabinetRegisterSchema),
  'cabinets:reset': channel<typeof cabinetResetSchema, CabinetIssued>('clerk', cabinetResetSchema),
  'cabinets:attach': channel<typeof cabinetAttachSchema, CabinetState>('clerk', cabinetAttachSchema),
  'cabinets:unblockReset': channel<typeof cabinetUnblockSchema, CabinetState>(
    'supervisor',
    cabinetUnblockSchema,
  ),
  'cabinets:revealPassport': channel<typeof personIdSchema, PassportView>('clerk', personIdSchema),
} as const
