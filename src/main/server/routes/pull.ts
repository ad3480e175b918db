// Pull: the change log after the desk's cursor, without the desk's own changes, as a long poll:
// with nothing new it waits (up to MAX_PULL_WAIT_MS) for a NOTIFY from any server on the database.
// Cabinets' password hashes never leave the server.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { changesAfter, lastChange } from '../../db/repositories/change-log'
import {
  MAX_PULL_LIMIT,
  MAX_PULL_WAIT_MS,
  type PulledChange,
  type PullResult,
} from '../../../shared/office/protocol'
import { authenticateDesk } from '../auth'
import { HttpError, sendData } from '../http'
import { blankSecrets } from '../redact'
import type { ServerState } from '../state'
import type { DeskIdentity } from '../policy'

function integer(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const text = params.get(name)
  if (text === null || text === '') return fallback
  const n = Number(text)
  if (!Number.isSafeInteger(n) || n < min) {
    throw new HttpError('VALIDATION', `Параметр ${name}: нужно целое число не меньше ${min}.`, {
      [name]: 'целое число',
    })
  }
  return Math.min(n, max)
}

async function readPull(
  state: ServerState,
  desk: DeskIdentity,
  after: number,
  limit: number,
): Promise<PullResult> {
  // The newest number first: every change up to it is visible (the log's lock orders commits), so
  // a desk that moves its cursor to `last` skips nothing.
  const last = await lastChange(state.db.knex)
  const changes = (await changesAfter(state.db.knex, after, desk.workstationId, limit)).filter(
    (c) => c.seq <= last,
  )
  const pulled: PulledChange[] = changes.map((c) => ({
    seq: c.seq,
    id: c.id,
    entity: c.entity,
    entityId: c.entityId,
    op: c.op,
    payload: blankSecrets(c.entity, c.payload),
    createdAt: c.createdAt,
  }))
  return { changes: pulled, last }
}

export async function pull(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const after = integer(url.searchParams, 'after', 0, Number.MAX_SAFE_INTEGER, 0)
  const limit = Math.max(1, integer(url.searchParams, 'limit', 1, MAX_PULL_LIMIT, MAX_PULL_LIMIT))
  const wait = integer(url.searchParams, 'wait', 0, MAX_PULL_WAIT_MS, 0)
  const deadline = Date.now() + wait
  const gone = new AbortController()
  res.on('close', () => gone.abort())
  for (;;) {
    const seen = state.notifier.generation
    const result = await readPull(state, desk, after, limit)
    const left = deadline - Date.now()
    if (result.changes.length > 0 || result.last > after || left <= 0 || gone.signal.aborted) {
      if (!gone.signal.aborted) sendData(res, result)
      return
    }
    await state.notifier.wait(seen, left, gone.signal)
  }
}
