// The write policy's cost: checking a push looks rows up one statement per table, not one
// round trip per change (a 1,000-change push made ~900 round trips, seconds on the office link).
import { expect, it } from 'vitest'
import { postPayment } from '../../../src/main/services/cash/payments'
import { openShift } from '../../../src/main/services/cash/shifts'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { clerkOf } from '../../helpers/cabinet'
import { indebtedAccount, payInput } from '../../helpers/cash'
import type { Desk, Office } from '../../helpers/sync'
import {
  actAs,
  check,
  describeOffice,
  envOf,
  identityOf,
  outboxOf,
  refusals,
  sessionOf,
  useOffice,
} from './support'

const PAYMENTS = 12

describeOffice('write policy: round trips of a check', () => {
  let office: Office
  let desk: Desk
  let operator: ClerkInfo

  useOffice([7], {
    setUp: async (server) => {
      operator = (await clerkOf(server.server, 'operator')).info
    },
    ready: (suite) => {
      office = suite.office
      desk = suite.desks[0] as Desk
    },
  })

  it('a batch of payments is checked in a few statements, however many changes it holds', async () => {
    actAs(desk, operator)
    await openShift(desk.ctx, operator, { float: '1000' })
    for (let i = 0; i < PAYMENTS; i++) {
      await postPayment(desk.ctx, operator, payInput(await indebtedAccount(envOf(desk)), 1_000))
    }
    const changes = await outboxOf(desk)
    expect(changes.length).toBeGreaterThan(3 * PAYMENTS)
    const identity = await identityOf(office, desk)
    let statements = 0
    const count = (): void => {
      statements++
    }
    office.server.knex.on('query', count)
    try {
      const verdicts = await check(office, identity, sessionOf(operator), changes)
      expect(refusals(changes, verdicts)).toEqual([])
    } finally {
      office.server.knex.off('query', count)
    }
    // The lookups: one per table (and the columns of each), the desk's place and open shift.
    expect(statements).toBeLessThanOrEqual(16)
  })
})
