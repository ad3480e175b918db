import { expect, it } from 'vitest'
import {
  appendAudit,
  GENESIS_HASH,
  recordAudit,
  verifyAuditChain,
} from '../../../../src/main/services/core/audit'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { makeContext } from '../../../helpers/context'
import { countRows } from '../../../helpers/rows'

interface Row {
  id: string
  workstation_id: string
  seq: number | string
  prev_hash: string
  hash: string
  details: string
}

async function chain(env: TestEnv, workstationId: string): Promise<Row[]> {
  return (await env.db.knex('audit_log').where({ workstation_id: workstationId }).orderBy('seq')) as Row[]
}

/** Three entries on this test's workstation, a minute apart. */
async function threeEntries(env: TestEnv): Promise<Row[]> {
  for (const action of ['test.first', 'test.second', 'test.third']) {
    await recordAudit(env.ctx, {
      action,
      clerkId: null,
      objectType: 'test',
      objectId: action,
      details: { n: action },
    })
    env.clock.advance({ minutes: 1 })
  }
  return chain(env, env.settings.get().workstationId)
}

describeEachDatabase('audit log', (getCtx) => {
  // Each test checks the chain of the whole table: start every test from an empty log.
  const clear = async (): Promise<void> => {
    await getCtx().db.knex('audit_log').del()
  }

  it('chains each workstation’s entries by hash, from the genesis hash', async () => {
    await clear()
    const env = getCtx()
    const rows = await threeEntries(env)
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3])
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH)
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash)
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash)
    expect(new Set(rows.map((r) => r.hash)).size).toBe(3)
    for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('keeps separate chains for separate workstations', async () => {
    await clear()
    const a = getCtx()
    const b = makeContext(a.db)
    await recordAudit(a.ctx, { action: 'test.a1', clerkId: null })
    await recordAudit(b.ctx, { action: 'test.b1', clerkId: null })
    await recordAudit(a.ctx, { action: 'test.a2', clerkId: null })
    const chainA = await chain(a, a.settings.get().workstationId)
    const chainB = await chain(a, b.settings.get().workstationId)
    expect(chainA.map((r) => Number(r.seq))).toEqual([1, 2])
    expect(chainB.map((r) => Number(r.seq))).toEqual([1])
    expect(chainB[0]!.prev_hash).toBe(GENESIS_HASH)
    expect(chainA[1]!.prev_hash).toBe(chainA[0]!.hash)
    expect(await verifyAuditChain(a.ctx)).toEqual({ entries: 3, anchors: 0, intact: true, brokenAt: null })
  })

  it('reports an intact chain', async () => {
    await clear()
    const env = getCtx()
    await threeEntries(env)
    expect(await verifyAuditChain(env.ctx)).toEqual({ entries: 3, anchors: 0, intact: true, brokenAt: null })
  })

  it('finds an entry whose details were changed', async () => {
    await clear()
    const env = getCtx()
    const rows = await threeEntries(env)
    await env.db
      .knex('audit_log')
      .where({ id: rows[1]!.id })
      .update({ details: JSON.stringify({ n: 'forged' }) })
    expect(await verifyAuditChain(env.ctx)).toEqual({
      entries: 2,
      anchors: 0,
      intact: false,
      brokenAt: {
        workstationId: env.settings.get().workstationId,
        kind: 'link',
        from: 2,
        seq: 2,
        zReport: null,
      },
    })
  })

  it('finds a deleted entry in the middle', async () => {
    await clear()
    const env = getCtx()
    const rows = await threeEntries(env)
    await env.db.knex('audit_log').where({ id: rows[1]!.id }).del()
    expect(await verifyAuditChain(env.ctx)).toEqual({
      entries: 2,
      anchors: 0,
      intact: false,
      brokenAt: {
        workstationId: env.settings.get().workstationId,
        kind: 'link',
        from: 3,
        seq: 3,
        zReport: null,
      },
    })
  })

  it('finds an edited hash, even when the next link is edited to match', async () => {
    await clear()
    const env = getCtx()
    const rows = await threeEntries(env)
    const forged = 'f'.repeat(64)
    await env.db.knex('audit_log').where({ id: rows[0]!.id }).update({ hash: forged })
    await env.db.knex('audit_log').where({ id: rows[1]!.id }).update({ prev_hash: forged })
    expect((await verifyAuditChain(env.ctx)).brokenAt).toEqual({
      workstationId: env.settings.get().workstationId,
      kind: 'link',
      from: 1,
      seq: 1,
      zReport: null,
    })
  })

  it('writes an outbox row with each entry', async () => {
    const env = getCtx()
    const before = await countRows(env.db, 'outbox')
    const [row] = await threeEntries(env)
    expect(await countRows(env.db, 'outbox')).toBe(before + 3)
    const outbox = (await env.db.knex('outbox').where({ entity: 'audit_log', entity_id: row!.id })) as Array<{
      op: string
      payload: string
      sent_at: string | null
    }>
    expect(outbox).toHaveLength(1)
    expect(outbox[0]!.op).toBe('insert')
    expect(outbox[0]!.sent_at).toBeNull()
    expect(JSON.parse(outbox[0]!.payload)).toMatchObject({
      id: row!.id,
      hash: row!.hash,
      seq: 1,
      action: 'test.first',
    })
  })

  it('writes the entry and its outbox row in the caller’s transaction: both or neither', async () => {
    const env = getCtx()
    const before = { audit: await countRows(env.db, 'audit_log'), outbox: await countRows(env.db, 'outbox') }
    await expect(
      env.db.knex.transaction(async (trx) => {
        await appendAudit(env.ctx, trx, { action: 'test.rolled_back', clerkId: null })
        throw new Error('the change failed after the audit entry')
      }),
    ).rejects.toThrow('the change failed')
    expect(await countRows(env.db, 'audit_log')).toBe(before.audit)
    expect(await countRows(env.db, 'outbox')).toBe(before.outbox)
    expect(await env.db.knex('audit_log').where({ action: 'test.rolled_back' })).toHaveLength(0)
  })
})
