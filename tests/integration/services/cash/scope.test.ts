// Who sees which shift, over every channel that reads one (issue 12 item 13): an operator their
// counter's shifts, a supervisor their office's, an administrator every office's — the shift's
// receipts, its Z-report, a payment's receipt, its printing and the payments report alike.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { memorySettings } from '../../../../src/main/config/settings'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import type { CallContext } from '../../../../src/main/ipc/handlers'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { closeShift, openShift } from '../../../../src/main/services/cash/shifts'
import type { ServiceContext } from '../../../../src/main/services/core/context'
import type { ClerkRole } from '../../../../src/shared/domain/clerk'
import { clerkOf } from '../../../helpers/cabinet'
import { signedInCall } from '../../../helpers/calls'
import { indebtedAccount, payInput } from '../../../helpers/cash'
import { describeEachDatabase, type TestEnv } from '../../../helpers/database'
import { countAll } from '../../../helpers/rows'

interface ClosedShift {
  shiftId: string
  paymentId: string
}

/** A shift at `officeId`, window `counterNumber`, with one payment, closed with its Z-report. */
async function closedShiftAt(env: TestEnv, officeId: string, counterNumber: number): Promise<ClosedShift> {
  const ctx: ServiceContext = { ...env.ctx, settings: memorySettings({ officeId, counterNumber }) }
  const { info: clerk } = await clerkOf(env.db, 'operator')
  const shift = await openShift(ctx, clerk, { float: '0' })
  const draft = await indebtedAccount(env)
  const paid = await postPayment(ctx, clerk, payInput(draft, 1_000))
  await closeShift(ctx, clerk, { counted: '10' })
  return { shiftId: shift.id, paymentId: paid.receipt.paymentId }
}

type Where = 'ownCounter' | 'otherCounter' | 'otherOffice'

/** What each role may read, by where the shift was. */
const ALLOWED: Record<ClerkRole, Where[]> = {
  operator: ['ownCounter'],
  supervisor: ['ownCounter', 'otherCounter'],
  administrator: ['ownCounter', 'otherCounter', 'otherOffice'],
}

/** Every channel that reads a shift or a payment of one. */
const READS = [
  ['shifts:receipts', (s: ClosedShift) => ({ shiftId: s.shiftId })],
  ['shifts:zReport', (s: ClosedShift) => ({ shiftId: s.shiftId })],
  ['payments:report', (s: ClosedShift) => ({ scope: 'shift', shiftId: s.shiftId })],
  ['payments:reportDocument', (s: ClosedShift) => ({ scope: 'shift', shiftId: s.shiftId })],
  ['payments:receipt', (s: ClosedShift) => ({ paymentId: s.paymentId })],
  ['payments:print', (s: ClosedShift) => ({ paymentId: s.paymentId })],
  ['payments:markPrinted', (s: ClosedShift) => ({ paymentId: s.paymentId })],
] as const

const WRITTEN = ['payments', 'audit_log', 'outbox']

describeEachDatabase('cash: who sees which shift', (getCtx) => {
  const shifts = {} as Record<Where, ClosedShift>
  let desk: { officeId: string; counterNumber: number }

  beforeAll(async () => {
    const env = getCtx()
    const [a, b] = (await env.db.knex('offices').orderBy('code').limit(2).select('id')) as Array<{
      id: string
    }>
    desk = { officeId: a!.id, counterNumber: 61 }
    shifts.ownCounter = await closedShiftAt(env, a!.id, 61)
    shifts.otherCounter = await closedShiftAt(env, a!.id, 62)
    shifts.otherOffice = await closedShiftAt(env, b!.id, 61)
  })

  /** A clerk of `role` signed in at the desk: office A, window 61. */
  async function atDesk(role: ClerkRole): Promise<CallContext> {
    const env = getCtx()
    env.settings.update(desk)
    return signedInCall(env, role)
  }

  for (const role of ['operator', 'supervisor', 'administrator'] as const) {
    it(`answers ${role} only about ${ALLOWED[role].join(', ')}, the same on every channel`, async () => {
      const env = getCtx()
      const call = await atDesk(role)
      for (const where of ['ownCounter', 'otherCounter', 'otherOffice'] as const) {
        for (const [channel, input] of READS) {
          const before = await countAll(env.db, WRITTEN)
          const result = await dispatch(channel, input(shifts[where]), call)
          if (ALLOWED[role].includes(where)) {
            expect(result.ok, `${channel}, ${where}: ${JSON.stringify(result)}`).toBe(true)
          } else {
            expect(result, `${channel}, ${where}`).toEqual({
              ok: false,
              error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Смена другого (окна|отделения)/) },
            })
            expect(await countAll(env.db, WRITTEN), `${channel}, ${where}`).toEqual(before)
          }
        }
      }
    })
  }

  it('lets an operator see a shift they opened at another counter', async () => {
    const env = getCtx()
    const { officeId } = desk
    const call = await atDesk('operator')
    const ctx: ServiceContext = { ...env.ctx, settings: memorySettings({ officeId, counterNumber: 63 }) }
    const shift = await openShift(ctx, call.session.clerk!, { float: '0' })
    const result = await dispatch('shifts:receipts', { shiftId: shift.id }, call)
    expect(result).toEqual({ ok: true, data: [] })
  })

  it('answers NOT_FOUND for a shift or a payment that does not exist', async () => {
    const call = await atDesk('administrator')
    for (const [channel, input] of READS) {
      const result = await dispatch(channel, input({ shiftId: randomUUID(), paymentId: randomUUID() }), call)
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringMatching(/^(Смена|Платёж) не найден/) },
      })
    }
  })
})
