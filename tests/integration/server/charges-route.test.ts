// GET /v1/charges?period=YYYY-MM through a real okno-server: a desk's «charges refresh» reads one
// month's charge runs, charges and lines, not the whole office; a bad month is refused in Russian.
import { expect, it, beforeAll, afterAll } from 'vitest'
import type { Db } from '../../../src/main/db/connection'
import type { DownloadLine } from '../../../src/shared/office/protocol'
import { describeWithServer, startOknoServer, type OknoServer } from '../../helpers/okno-server'
import { enrolledDesk, expectLinkError, firstCounter, type EnrolledDesk } from './support'

type Rows = Extract<DownloadLine, { kind: 'rows' }>

async function idsOf(db: Db, table: string, period: string): Promise<string[]> {
  const q = db.knex(table).select(`${table}.id`).orderBy(`${table}.id`)
  if (table === 'charge_lines')
    q.join('charges', 'charges.id', 'charge_lines.charge_id').where('charges.period', period)
  else q.where({ period })
  return ((await q) as Array<{ id: string }>).map((r) => r.id)
}

describeWithServer('okno-server: one month’s charges', () => {
  let okno: OknoServer
  let desk: EnrolledDesk
  let db: Db

  beforeAll(async () => {
    okno = await startOknoServer()
    db = (okno.office as { server: Db }).server
    desk = await enrolledDesk(okno, await firstCounter(okno))
  })
  afterAll(async () => {
    await desk?.link.close()
    await okno?.stop()
  })

  it('sends that month’s charge runs, charges and lines and nothing of other months', async () => {
    const periods = (
      (await db.knex('charges').distinct('period').orderBy('period')) as Array<{
        period: string
      }>
    ).map((r) => r.period)
    // The demo office has several charged months: the route must pick one of them.
    expect(periods.length).toBeGreaterThan(1)
    const period = periods[periods.length - 2] as string
    if (!(await db.knex('charge_runs').where({ period }).first('id'))) {
      throw new Error(`The demo office has no charge run of ${period}`)
    }
    const lines: DownloadLine[] = []
    await desk.link.chargesOfMonth(period, async (line) => {
      lines.push(line)
    })
    expect(lines[0]).toMatchObject({ kind: 'head' })
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'end' })
    const got = new Map<string, string[]>()
    for (const line of lines.filter((l): l is Rows => l.kind === 'rows')) {
      got.set(line.table, [...(got.get(line.table) ?? []), ...line.rows.map((r) => String(r.id))])
      if (line.table !== 'charge_lines') for (const r of line.rows) expect(r.period).toBe(period)
    }
    expect([...got.keys()].sort()).toEqual(['charge_lines', 'charge_runs', 'charges'])
    for (const table of ['charge_runs', 'charges', 'charge_lines']) {
      const want = await idsOf(db, table, period)
      expect(want.length).toBeGreaterThan(0)
      expect((got.get(table) ?? []).sort()).toEqual(want)
    }
    const head = lines[0] as Extract<DownloadLine, { kind: 'head' }>
    expect(head.counts.charges).toBe((await idsOf(db, 'charges', period)).length)
    expect(lines[lines.length - 1]).toEqual({
      kind: 'end',
      rows: [...got.values()].reduce((n, ids) => n + ids.length, 0),
    })
  }, 120_000)

  it('refuses a bad month with a Russian message', async () => {
    for (const bad of ['2026-13', '2026-1', "2026-10' or 1=1", '']) {
      await expectLinkError(
        desk.link.chargesOfMonth(bad, async () => {}),
        'VALIDATION',
        /Месяц: [а-яё]/i,
      )
    }
  })
})
