// The charge run wherever the context writes: here in standalone mode; on the office server in
// office mode (every desk's readings are there), where it ends with one «refresh the month's
// charges» change that every desk pulls (src/main/sync/refresh.ts applies it) instead of logging
// each of its rows.
import type { ChargeRunResult } from '../../../shared/domain/billing'
import { CHARGES_REFRESH } from '../core/changes'
import type { ServiceContext } from '../core/context'
import { changesOf } from '../core/outbox'
import { runCharges } from './charge-run'

export async function runChargesShared(
  ctx: ServiceContext,
  period: string,
  clerkId: string | null,
): Promise<ChargeRunResult> {
  const result = await runCharges(ctx, period, clerkId)
  const changeLog = ctx.changeLog
  if (changeLog) {
    const refresh = { ...CHARGES_REFRESH, entityId: period, payload: { period } }
    await ctx.db.knex.transaction((trx) => changeLog.record(trx, changesOf(ctx, [refresh])))
  }
  return result
}
