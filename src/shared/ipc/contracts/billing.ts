// The contract of billing: readings taken at the counter, the charge run, the statement, the month,
// the balance, the bill: channel → input schema, output type, access. Joined with the other
// capabilities' in ../contract.ts.
import type {
  AccountBalance,
  AccountStatement,
  ChargeRunResult,
  MeterHistory,
  MonthDetail,
  ReadingCheckResult,
  ReadingsForm,
  ReadingsPosted,
} from '../../domain/billing'
import type { PrintDocument } from '../../print/document'
import {
  accountAsOfSchema,
  accountPeriodSchema,
  accountRangeSchema,
  periodSchema,
  readingsInputSchema,
} from '../schemas/billing'
import { accountIdSchema } from '../schemas/cabinet'
import { channel } from '../channel-spec'

export const billingContract = {
  'readings:form': channel<typeof accountIdSchema, ReadingsForm>('clerk', accountIdSchema),
  'readings:check': channel<typeof readingsInputSchema, ReadingCheckResult>('clerk', readingsInputSchema),
  'readings:post': channel<typeof readingsInputSchema, ReadingsPosted>('clerk', readingsInputSchema),
  'readings:history': channel<typeof accountIdSchema, MeterHistory[]>('clerk', accountIdSchema),
  'charges:run': channel<typeof periodSchema, ChargeRunResult>('supervisor', periodSchema),
  'charges:statement': channel<typeof accountRangeSchema, AccountStatement>('clerk', accountRangeSchema),
  'charges:month': channel<typeof accountPeriodSchema, MonthDetail>('clerk', accountPeriodSchema),
  'charges:balance': channel<typeof accountAsOfSchema, AccountBalance>('clerk', accountAsOfSchema),
  'charges:bill': channel<typeof accountPeriodSchema, PrintDocument>('clerk', accountPeriodSchema),
} as const
