// 152-ФЗ: who opened which customer's data, and when. Opening an account card is audited, but at
// most once per clerk and account within the settings' `cardViewAuditMinutes`, so going back and
// forth between a card and its tabs does not bury the log. Kept in memory per workstation: after a
// restart the next view is written again, which errs on the side of the record.
import type { SettingsStore } from '../../config/settings'
import { recordAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'

/** Beyond this many remembered views the expired ones are dropped. */
const PRUNE_AT = 2_000

const lastViews = new WeakMap<SettingsStore, Map<string, number>>()

function viewsOf(settings: SettingsStore): Map<string, number> {
  let views = lastViews.get(settings)
  if (!views) lastViews.set(settings, (views = new Map()))
  return views
}

/** Records that `clerkId` opened the account card, unless they did within the window. */
export async function auditCardView(
  ctx: ServiceContext,
  clerkId: string,
  accountId: string,
  details: Record<string, unknown>,
): Promise<void> {
  const windowMs = ctx.settings.get().cardViewAuditMinutes * 60_000
  const now = ctx.clock.now().getTime()
  const views = viewsOf(ctx.settings)
  const key = `${clerkId}:${accountId}`
  const last = views.get(key)
  if (last !== undefined && now - last < windowMs) return
  if (views.size >= PRUNE_AT) {
    for (const [k, at] of views) if (now - at >= windowMs) views.delete(k)
  }
  await recordAudit(ctx, {
    action: 'account.view',
    clerkId,
    objectType: 'account',
    objectId: accountId,
    details,
  })
  views.set(key, now)
}
