// The sync bench's crowd: N desks at once, each pushing its own payments (made beforehand with
// the real services in a scratch desk store, at the desk's own counter and shift) in batches
// while it long-polls the others' changes, as a desk's worker does; the server's memory is read
// meanwhile. A desk of the crowd keeps no store: it counts what it pulls and moves its cursor.
import type { Db } from '../../src/main/db/connection'
import { markOutboxSent, unsentChanges } from '../../src/main/db/repositories/outbox'
import type { OfficeLink } from '../../src/main/sync/link/types'
import { PULL_LIMIT, PULL_WAIT_MS } from '../../src/main/sync/pull'
import type { Change } from '../../src/shared/domain/sync'
import type { PushRequest } from '../../src/shared/office/protocol'

/** Changes per push: about what a desk's outbox holds after a few quick payments. */
const PUSH_BATCH = 100
const RSS_EVERY_MS = 50

export interface CrowdDesk {
  link: OfficeLink
  token: string
  changes: Change[]
}

export interface CrowdResult {
  seconds: number
  pushed: number
  refused: string[]
  pulled: number
  peakRss: number
  rssSamples: number
}

/** The unsent outbox of `store`, taken out (marked sent there): what one desk of the crowd pushes. */
export async function takeOutbox(store: Db): Promise<Change[]> {
  const changes = await unsentChanges(store.knex, 1_000_000)
  const at = new Date().toISOString()
  await store.knex.transaction((trx) =>
    markOutboxSent(
      trx,
      changes.map((c) => c.id),
      at,
    ),
  )
  return changes
}

/**
 * Runs the crowd from change `cursor` until every desk has pushed all of its changes and pulled
 * everything the others pushed; `rss` is sampled every RSS_EVERY_MS.
 */
export async function runCrowd(desks: CrowdDesk[], cursor: number, rss: () => number): Promise<CrowdResult> {
  let peakRss = rss()
  let rssSamples = 1
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rss())
    rssSamples++
  }, RSS_EVERY_MS)
  const started = performance.now()
  const refused: string[] = []
  let pushed = 0
  let pulled = 0
  let running = true
  const cursors = desks.map(() => cursor)
  // Each desk waits for all the others pushed; a refused change never comes (counted once known).
  const lost = desks.map(() => 0)
  const othersOf = (i: number): number =>
    desks.reduce((n, d, j) => n + (j === i ? 0 : d.changes.length - (lost[j] as number)), 0)
  const received = desks.map(() => 0)
  try {
    const pulls = desks.map(async (desk, i) => {
      while (running && (received[i] as number) < othersOf(i)) {
        const answer = await desk.link.pull(cursors[i] as number, PULL_LIMIT, PULL_WAIT_MS)
        received[i] = (received[i] as number) + answer.changes.length
        pulled += answer.changes.length
        cursors[i] = answer.changes.at(-1)?.seq ?? answer.last
      }
    })
    const pushes = desks.map(async (desk, d) => {
      for (let i = 0; i < desk.changes.length; i += PUSH_BATCH) {
        const batch = desk.changes.slice(i, i + PUSH_BATCH)
        // An outbox change is never a refresh (only the server makes those).
        const answer = await desk.link.push({
          changes: batch as PushRequest['changes'],
          sessions: [desk.token],
        })
        pushed += answer.accepted.length
        for (const r of answer.refused) refused.push(r.reason)
        if (answer.waiting.length > 0) refused.push(`ждут входа сотрудника: ${answer.waiting.length}`)
        lost[d] = (lost[d] as number) + batch.length - answer.accepted.length
      }
    })
    await Promise.all(pushes)
    await Promise.all(pulls)
  } finally {
    running = false
    clearInterval(sampler)
  }
  return { seconds: (performance.now() - started) / 1000, pushed, refused, pulled, peakRss, rssSamples }
}
