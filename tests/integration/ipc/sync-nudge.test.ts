// The dispatcher sends the sync worker out after a call only when the call recorded changes for
// the office server: a search typed letter by letter must not start an exchange each time (nor
// cut short the worker's backoff while the server is out of reach).
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { signedInCall } from '../../helpers/calls'
import { createTestDatabase } from '../../helpers/database'
import { makeContext } from '../../helpers/context'

describe('the sync nudge after a call', () => {
  it('comes after a call that recorded changes, never after a read', async () => {
    const database = await createTestDatabase('sqlite')
    try {
      const env = { kind: 'sqlite' as const, db: database.db, ...makeContext(database.db) }
      const call = await signedInCall(env, 'operator')
      let nudges = 0
      call.sync.nudge = () => void nudges++
      for (const query of ['н', 'на', 'нах', 'нахи']) {
        const answer = await dispatch('accounts:search', { query }, call)
        expect(answer.ok).toBe(true)
      }
      expect(nudges).toBe(0)
      // Locking the screen writes an audit entry, which goes to the office server.
      expect((await dispatch('sessions:lock', {}, call)).ok).toBe(true)
      expect(nudges).toBe(1)
    } finally {
      await database.dispose()
    }
  })
})
