// The audit log anchored by Z-reports: each Z-report stores and prints its chain's head, and the
// check holds the log against every stored head, so entries cut off after a Z-report and entries
// rewritten (and rehashed) before one are found, with the entry numbers; it reads a page at a time.
import { expect, it } from 'vitest'
import type { AuditRow } from '../../../../src/main/db/repositories/audit-log'
import { entryHash, recordAudit, verifyAuditChain } from '../../../../src/main/services/core/audit'
import { closeShift, moveCash, openShift, zReport } from '../../../../src/main/services/cash/shifts'
import type { ClerkInfo } from '../../../../src/shared/domain/clerk'
import type { PrintDocument } from '../../../../src/shared/print/document'
import { openCounter } from '../../../helpers/cash'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { makeContext } from '../../../helpers/context'
import { countRows } from '../../../helpers/rows'

async function chain(env: TestEnv, workstationId = env.settings.get().workstationId): Promise<AuditRow[]> {
  const rows = (await env.db
    .knex('audit_log')
    .where({ workstation_id: workstationId })
    .orderBy('seq')) as AuditRow[]
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }))
}

/**
 * Runs `check` on a log tampered with by `tamper`, then puts the chain back as it was: the check
 * covers the whole log, and the other tests of the file need it intact.
 */
async function tampered<T>(
  env: TestEnv,
  tamper: (rows: AuditRow[]) => Promise<void>,
  check: () => Promise<T>,
): Promise<T> {
  const ws = env.settings.get().workstationId
  const rows = await chain(env, ws)
  try {
    await tamper(rows)
    return await check()
  } finally {
    await env.db.knex('audit_log').where({ workstation_id: ws }).del()
    await env.db.knex('audit_log').insert(rows)
  }
}

/** What someone with the database would do: change entry `seq`, then rehash it and every later one. */
async function rewriteFrom(env: TestEnv, rows: AuditRow[], seq: number): Promise<void> {
  let prev = rows.find((r) => r.seq === seq - 1)?.hash
  for (const r of rows.filter((x) => x.seq >= seq)) {
    const { hash: _old, ...rest } = r
    const changed = {
      ...rest,
      details: r.seq === seq ? JSON.stringify({ forged: true }) : r.details,
      prev_hash: prev ?? r.prev_hash,
    }
    prev = entryHash(changed)
    await env.db
      .knex('audit_log')
      .where({ id: r.id })
      .update({ ...changed, hash: prev })
  }
}

const fieldValue = (doc: PrintDocument, label: string): string | undefined => {
  const block = doc.blocks.find((b) => b.kind === 'field' && b.label === label)
  return block?.kind === 'field' ? block.value : undefined
}

/** A shift opened and closed at a new counter; the closing is the chain's newest entry. */
async function closedShift(
  env: TestEnv,
): Promise<{ shiftId: string; number: number; document: PrintDocument; clerk: ClerkInfo }> {
  const { clerk } = await openCounter(env, '1000')
  const closed = await closeShift(env.ctx, clerk, { counted: '1000' })
  return { shiftId: closed.shift.id, number: closed.zReportNumber, document: closed.document, clerk }
}

describeEachDatabase('audit log anchored by Z-reports', (getCtx) => {
  it('stores the closing desk’s chain head on the Z-report and prints its number and short hash', async () => {
    const env = getCtx()
    const { shiftId, document, clerk } = await closedShift(env)
    const head = (await chain(env)).at(-1)!
    expect(head.action).toBe('shift.close')
    const row = (await env.db.knex('z_reports').where({ shift_id: shiftId }).first()) as { content: string }
    expect(JSON.parse(row.content).auditHeads).toEqual([
      { workstationId: env.settings.get().workstationId, seq: head.seq, hash: head.hash, chain: 'desk' },
    ])
    const short = head.hash.slice(0, 16).match(/.{4}/g)!.join(' ')
    expect(fieldValue(document, `Журнал окна, запись № ${head.seq}`)).toBe(short)
    expect(fieldValue(await zReport(env.ctx, clerk, shiftId), `Журнал окна, запись № ${head.seq}`)).toBe(
      short,
    )
  })

  it('verifies a clean log against every stored Z-report head', async () => {
    const env = getCtx()
    await closedShift(env)
    await recordAudit(env.ctx, { action: 'test.after', clerkId: null })
    // Another desk's chain and Z-report in the same log.
    await closedShift({ kind: env.kind, db: env.db, ...makeContext(env.db) })
    const result = await verifyAuditChain(env.ctx)
    expect(result).toEqual({
      entries: await countRows(env.db, 'audit_log'),
      anchors: await countRows(env.db, 'z_reports'),
      intact: true,
      brokenAt: null,
    })
    expect(result.anchors).toBeGreaterThanOrEqual(2)
  })

  it('reports entries cut off after a Z-report, the anchored one included, with the entry number', async () => {
    const env = getCtx()
    const { number } = await closedShift(env)
    const anchored = (await chain(env)).at(-1)!.seq
    await recordAudit(env.ctx, { action: 'test.later', clerkId: null })
    await recordAudit(env.ctx, { action: 'test.latest', clerkId: null })
    const ws = env.settings.get().workstationId
    const office = (await env.db.knex('offices').orderBy('code').first('name')) as { name: string }
    const zReport = {
      number,
      officeName: office.name,
      counterNumber: env.settings.get().counterNumber,
      seq: anchored,
    }

    const cut = await tampered(
      env,
      (rows) =>
        env.db
          .knex('audit_log')
          .whereIn(
            'id',
            rows.filter((r) => r.seq >= anchored).map((r) => r.id),
          )
          .del()
          .then(() => undefined),
      () => verifyAuditChain(env.ctx),
    )
    expect(cut).toMatchObject({ intact: false })
    expect(cut.brokenAt).toEqual({
      workstationId: ws,
      kind: 'missing',
      from: anchored,
      seq: anchored,
      zReport,
    })

    // The whole chain gone: the Z-report still vouches for it.
    const gone = await tampered(
      env,
      () =>
        env.db
          .knex('audit_log')
          .where({ workstation_id: ws })
          .del()
          .then(() => undefined),
      () => verifyAuditChain(env.ctx),
    )
    expect(gone.brokenAt).toEqual({ workstationId: ws, kind: 'missing', from: 1, seq: 1, zReport })

    // Cutting off only what came after the Z-report's entry is for the office server's copy to find.
    expect(await verifyAuditChain(env.ctx)).toMatchObject({ intact: true, brokenAt: null })
  })

  it('reports a rewrite before a Z-report, rehashed to the end, with the entries it may cover', async () => {
    const env = getCtx()
    const { clerk } = await openCounter(env, '1000')
    const first = await closeShift(env.ctx, clerk, { counted: '1000' })
    const firstHead = (await chain(env)).at(-1)!.seq
    await openShift(env.ctx, clerk, { float: '1000' })
    await moveCash(env.ctx, clerk, { kind: 'cash_in', amount: '100', reason: 'change_fund', comment: '' })
    const changed = (await chain(env)).at(-1)!.seq
    const second = await closeShift(env.ctx, clerk, { counted: '1100' })
    const secondHead = (await chain(env)).at(-1)!.seq
    await recordAudit(env.ctx, { action: 'test.after', clerkId: null })
    const ws = env.settings.get().workstationId

    const late = await tampered(
      env,
      (rows) => rewriteFrom(env, rows, changed),
      () => verifyAuditChain(env.ctx),
    )
    expect(late.brokenAt).toMatchObject({
      workstationId: ws,
      kind: 'rewritten',
      from: firstHead + 1,
      seq: secondHead,
      zReport: { number: second.zReportNumber, seq: secondHead },
    })

    const early = await tampered(
      env,
      (rows) => rewriteFrom(env, rows, 1),
      () => verifyAuditChain(env.ctx),
    )
    expect(early.brokenAt).toMatchObject({
      workstationId: ws,
      kind: 'rewritten',
      from: 1,
      seq: firstHead,
      zReport: { number: first.zReportNumber, seq: firstHead },
    })
    expect(await verifyAuditChain(env.ctx)).toMatchObject({ intact: true, brokenAt: null })
  })

  it('reads the log a page at a time, and finds a break on a later page', async () => {
    const env = getCtx()
    await closedShift(env)
    for (let i = 0; i < 9; i++) await recordAudit(env.ctx, { action: 'test.filler', clerkId: null })
    const total = await countRows(env.db, 'audit_log')
    const pageSize = 4
    expect(total).toBeGreaterThan(3 * pageSize)
    const pages: number[] = []
    const listener = (response: unknown, query: { sql: string }): void => {
      if (/from [`"]audit_log[`"]/i.test(query.sql) && Array.isArray(response)) pages.push(response.length)
    }
    env.db.knex.on('query-response', listener)
    try {
      expect(await verifyAuditChain(env.ctx, { pageSize })).toMatchObject({ entries: total, intact: true })
      expect(Math.max(...pages)).toBeLessThanOrEqual(pageSize)
      expect(pages.reduce((a, b) => a + b, 0)).toBe(total)

      const rows = await chain(env)
      const target = rows.at(-2)!
      const broken = await tampered(
        env,
        () =>
          env.db
            .knex('audit_log')
            .where({ id: target.id })
            .update({ details: JSON.stringify({ forged: true }) })
            .then(() => undefined),
        () => verifyAuditChain(env.ctx, { pageSize }),
      )
      expect(broken.brokenAt).toEqual({
        workstationId: env.settings.get().workstationId,
        kind: 'link',
        from: target.seq,
        seq: target.seq,
        zReport: null,
      })
    } finally {
      env.db.knex.removeListener('query-response', listener)
    }
  })
})
