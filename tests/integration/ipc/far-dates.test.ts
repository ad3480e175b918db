// Dates at the edges: the contract takes 1900–2100 and refuses the rest with a Russian message;
// no service fails (INTERNAL) on a date the contract let through.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { CallContext } from '../../../src/main/ipc/handlers'
import type { ReadingsForm } from '../../../src/shared/domain/billing'
import { CONSULTATION, testOffice } from '../../helpers/appointments'
import { signedInCall } from '../../helpers/calls'
import { describeEachDatabase } from '../../helpers/database'

type Inputs = (date: string, period: string) => Array<[string, unknown]>

describeEachDatabase('dispatch: dates far from today', (getCtx) => {
  let admin: CallContext
  let inputs: Inputs
  beforeAll(async () => {
    const env = getCtx()
    admin = await signedInCall(env, 'administrator')
    const account = (await env.db
      .knex('meters')
      .where({ status: 'active' })
      .orderBy('account_id')
      .first('account_id')) as { account_id: string }
    const accountId = account.account_id
    const form = (await dispatch('readings:form', { accountId }, admin)) as { ok: true; data: ReadingsForm }
    const meter = form.data.meters[0]!
    const values = Array.from({ length: meter.zones }, () => '1')
    const officeId = await testOffice(env.db)
    inputs = (date, period) => {
      const readings = {
        accountId,
        takenOn: date,
        source: 'office',
        entries: [{ meterId: meter.meterId, values }],
      }
      const replacement = {
        serial: 'Н-1',
        digitCapacity: 6,
        fractionDigits: 0,
        installedOn: date,
        nextVerificationOn: date,
        startValues: values,
      }
      const replaced = {
        ...readings,
        takenOn: '2026-11-20',
        entries: [{ ...readings.entries[0], replacement }],
      }
      return [
        ['readings:check', readings],
        ['readings:post', readings],
        ['readings:check', replaced],
        ['charges:statement', { accountId, from: period, to: period }],
        ['charges:statement', { accountId, from: '2026-01', to: period }],
        ['charges:month', { accountId, period }],
        ['charges:balance', { accountId, asOf: date }],
        ['charges:bill', { accountId, period }],
        ['charges:run', { period }],
        ['payments:report', { scope: 'day', date }],
        ['appointments:slots', { officeId, topicId: CONSULTATION, from: date, to: date }],
        [
          'appointments:book',
          {
            officeId,
            topicId: CONSULTATION,
            date,
            time: '10:00',
            accountId: null,
            personName: 'Иванов Иван',
            phone: '+7 978 000-00-01',
          },
        ],
        ['appointments:reschedule', { appointmentId: randomUUID(), date, time: '10:00' }],
        ['appointments:day', { officeId, date }],
        ['appointments:week', { officeId, from: date }],
        ['appointments:report', { from: date, to: date }],
        ['appointments:report', { from: '2026-11-01', to: date }],
        ['schedules:saveClosure', { action: 'add', officeId, date, reason: 'Ремонт помещения' }],
        [
          'payments:post',
          {
            idempotencyKey: randomUUID(),
            accountId,
            amount: '1',
            tendered: '1',
            allocations: [{ serviceId: randomUUID(), amountKopecks: 100 }],
            payerName: '',
            period,
          },
        ],
      ]
    }
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it.each([
    ['1900-01-01', '1900-01'],
    ['2100-12-31', '2100-12'],
  ])('answers %s without an internal error', async (date, period) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const [channel, input] of inputs(date, period)) {
      const result = await dispatch(channel, input, admin)
      const error = result.ok ? null : result.error
      expect(error?.code, `${channel} ${JSON.stringify(error)}`).not.toBe('INTERNAL')
      if (error) expect(error.message, channel).toMatch(/[а-яё]{4}/i)
    }
    expect(logged).not.toHaveBeenCalled()
  })

  it.each([
    ['9999-12-31', '9999-12'],
    ['1899-12-31', '1899-12'],
    ['2101-01-01', '2101-01'],
    ['0001-01-01', '0001-01'],
  ])('refuses %s at the contract with a Russian message', async (date, period) => {
    for (const [channel, input] of inputs(date, period)) {
      const result = await dispatch(channel, input, admin)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const { message } = (result as { error: { message: string } }).error
      expect(message, channel).toMatch(/1900.*2100/)
    }
  })
})
