// Push: a desk's outbox batch. Changes whose clerk has no session at this desk wait (order kept);
// the rest pass the write policy; accepted ones go to the change log (origin: the desk's bound
// workstation, never the body's) and are applied exactly once, under the log's lock; refusals are
// logged for the administrator. Pulls everywhere are woken after the commit.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Knex } from 'knex'
import { lockChangeLog, recordChanges } from '../../db/repositories/change-log'
import { withoutValues } from '../../db/errors'
import { applyChanges } from '../../sync/apply'
import { isTransient } from '../../sync/errors'
import type { Change } from '../../../shared/domain/sync'
import { pushRequestSchema, type PushResult } from '../../../shared/office/protocol'
import { authenticateDesk, markSessionsSeen, sessionClerks, type SessionRow } from '../auth'
import { readJson, sendData } from '../http'
import { notifyChanges } from '../notifier'
import { checkChanges, type DeskIdentity } from '../policy'
import type { ServerState } from '../state'

type Refusal = { change: Change; reason: string }

/** The changes this walk may check: those before the first one signed by an absent clerk. */
function splitWaiting(changes: readonly Change[], present: ReadonlySet<string>): [Change[], Change[]] {
  const stop = changes.findIndex((c) => c.clerkId != null && !present.has(c.clerkId))
  return stop < 0 ? [[...changes], []] : [changes.slice(0, stop), changes.slice(stop)]
}

async function alreadyLogged(trx: Knex.Transaction, changes: readonly Change[]): Promise<Set<string>> {
  const ids = changes.map((c) => c.id)
  const seen = new Set<string>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await trx('sync_changes')
      .select('change_id')
      .whereIn('change_id', ids.slice(i, i + 500))) as Array<{ change_id: string }>
    for (const r of rows) seen.add(r.change_id)
  }
  return seen
}

/**
 * One attempt at the batch. `oneByOne`: each accepted change in its own savepoint, so one the
 * database refuses (a constraint) is refused alone instead of failing the batch.
 */
async function pushOnce(
  state: ServerState,
  desk: DeskIdentity,
  changes: readonly Change[],
  tokens: readonly string[],
  oneByOne: boolean,
): Promise<{ result: PushResult; applied: number; refusals: Refusal[]; seen: SessionRow[] }> {
  return state.db.knex.transaction(async (trx) => {
    await lockChangeLog(trx)
    const clerks = await sessionClerks(trx, desk, tokens)
    const [walked, waiting] = splitWaiting(changes, new Set(clerks.keys()))
    const seen = await alreadyLogged(trx, walked)
    const fresh = walked.filter((c) => !seen.has(c.id))
    const verdicts = new Map((await checkChanges(trx, desk, clerks, fresh)).map((v) => [v.id, v]))
    const refusals: Refusal[] = []
    const passed: Change[] = []
    for (const change of fresh) {
      const verdict = verdicts.get(change.id)
      if (verdict?.ok) passed.push(change)
      else
        refusals.push({
          change,
          reason: verdict && !verdict.ok ? verdict.reason : 'Изменение не проверено сервером.',
        })
    }
    let applied: Change[] = passed
    if (!oneByOne) {
      await applyChanges(trx, await recordChanges(trx, desk.workstationId, passed))
    } else {
      applied = []
      for (const change of passed) {
        try {
          await trx.transaction(async (sp) =>
            applyChanges(sp, await recordChanges(sp, desk.workstationId, [change])),
          )
          applied.push(change)
        } catch (err) {
          if (isTransient(err)) throw err
          refusals.push({ change, reason: `Сервер отклонил изменение: ${withoutValues(err)}` })
        }
      }
    }
    if (refusals.length > 0) {
      const at = state.clock.now().toISOString()
      await trx('server_refusals').insert(
        refusals.map((r) => ({
          at,
          desk_id: desk.deskId,
          clerk_id: r.change.clerkId ?? null,
          change_id: r.change.id,
          entity: r.change.entity.slice(0, 32),
          op: r.change.op,
          reason: r.reason.slice(0, 500),
        })),
      )
    }
    const refusedIds = new Set(refusals.map((r) => r.change.id))
    return {
      seen: [...clerks.values()],
      applied: applied.length,
      refusals,
      result: {
        accepted: walked.filter((c) => !refusedIds.has(c.id)).map((c) => c.id),
        refused: refusals.map((r) => ({ id: r.change.id, reason: r.reason })),
        waiting: waiting.map((c) => c.id),
      },
    }
  })
}

export async function push(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const body = await readJson(req, pushRequestSchema)
  const changes: Change[] = body.changes.map((c) => ({ ...c, clerkId: c.clerkId ?? null }))
  let outcome
  try {
    outcome = await pushOnce(state, desk, changes, body.sessions, false)
  } catch (err) {
    if (isTransient(err)) throw err
    outcome = await pushOnce(state, desk, changes, body.sessions, true)
  }
  markSessionsSeen(state, outcome.seen)
  if (outcome.applied > 0) await notifyChanges(state.db.knex)
  if (outcome.refusals.length > 0) {
    state.log(
      `Рабочее место ${desk.deskId}: отклонено изменений ${outcome.refusals.length} (npm run server -- refusals).`,
    )
  }
  sendData(res, outcome.result)
}
