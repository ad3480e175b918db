// Clerks' sessions through a desk: the desk's own sign-in service run on PostgreSQL (so the
// lockout counts office-wide), a random token handed out and only its hash kept.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticate } from '../../services/clerks/sign-in'
import { signInRequestSchema, type SignedIn } from '../../../shared/office/protocol'
import { authenticateClerk, authenticateDesk } from '../auth'
import { readJson, sendData } from '../http'
import { notifyChanges } from '../notifier'
import { newToken, sha256Hex } from '../secrets'
import { deskContext, type ServerState } from '../state'

export async function signIn(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const body = await readJson(req, signInRequestSchema)
  // Failed attempts and lockouts are audited in the change log: other desks learn of them at once.
  const clerk = await authenticate(deskContext(state, desk, null), body.login, body.password).finally(() =>
    notifyChanges(state.db.knex),
  )
  const token = newToken()
  const now = state.clock.now().toISOString()
  await state.db.knex('server_sessions').insert({
    token_hash: sha256Hex(token),
    desk_id: desk.deskId,
    clerk_id: clerk.id,
    created_at: now,
    last_seen_at: now,
    ended_at: null,
  })
  const answer: SignedIn = { token, clerk }
  sendData(res, answer)
}

export async function signOut(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const clerk = await authenticateClerk(state, desk, req)
  await state.db
    .knex('server_sessions')
    .where({ token_hash: clerk.tokenHash })
    .update({ ended_at: state.clock.now().toISOString() })
  sendData(res, null)
}
