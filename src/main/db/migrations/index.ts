// The migrations, in order. An explicit list (not a folder scan) so it survives bundling.
import { coreSchema } from './001_core'
import { cabinetSchema } from './002_cabinet'
import { billingSchema } from './003_billing'
import { cashSchema } from './004_cash'
import { appointmentsSchema } from './005_appointments'
import { syncSchema } from './006_sync'
import { passportMaskSchema } from './007_passport_mask'
import { paymentLimitsSchema } from './008_payment_limits'
import { officeServerSchema } from './009_office_server'
import { deskReenrollmentSchema } from './010_desk_reenrollment'
import type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [
  coreSchema,
  cabinetSchema,
  billingSchema,
  cashSchema,
  appointmentsSchema,
  syncSchema,
  passportMaskSchema,
  paymentLimitsSchema,
  officeServerSchema,
  deskReenrollmentSchema,
]
