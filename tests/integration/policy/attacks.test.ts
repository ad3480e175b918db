// The write policy refuses what an attacker at one counter would push, each with its Russian
// reason: a raised role, a deleted audit entry, money for another office's counter or signed by a
// clerk not signed in, a refund without a supervisor, a forged or foreign audit chain, a tariff.
// The attacks are the desk's real changes altered; after each, the unaltered ones are pushed.
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { postPayment } from '../../../src/main/services/cash/payments'
import { reversePayment } from '../../../src/main/services/cash/reversal'
import { openShift } from '../../../src/main/services/cash/shifts'
import { saveClosure } from '../../../src/main/services/appointments/schedule'
import type { SessionClerk } from '../../../src/main/server/policy'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import type { Change } from '../../../src/shared/domain/sync'
import { clerkOf } from '../../helpers/cabinet'
import { addClerk } from '../../helpers/clerks'
import { indebtedAccount, payInput } from '../../helpers/cash'
import type { Desk, Office } from '../../helpers/sync'
import {
  actAs,
  check,
  describeOffice,
  envOf,
  identityOf,
  outboxOf,
  pushChecked,
  sessionOf,
  useOffice,
} from './support'

type Row = Record<string, unknown>

/** `changes` with the first change of `entity`/`op` altered by `alter` (its payload, its clerk). */
function altered(
  changes: readonly Change[],
  entity: string,
  op: Change['op'],
  alter: (row: Row, change: Change) => Row | Partial<Change>,
): { changes: Change[]; index: number } {
  const index = changes.findIndex((c) => c.entity === entity && c.op === op)
  if (index < 0) throw new Error(`No ${entity}.${op} among the desk's changes`)
  const change = changes[index] as Change
  const out = alter(JSON.parse(change.payload) as Row, change)
  const next: Change =
    'payload' in out && typeof out.payload === 'string'
      ? { ...change, ...(out as Partial<Change>) }
      : { ...change, payload: JSON.stringify(out) }
  return { changes: changes.map((c, i) => (i === index ? next : c)), index }
}

describeOffice('write policy: the attacks of one counter are refused', () => {
  let office: Office
  let desk: Desk
  let operator: ClerkInfo
  let otherOperator: ClerkInfo
  let supervisor: Awaited<ReturnType<typeof clerkOf>>
  let administrator: ClerkInfo
  let session: Map<string, SessionClerk>

  useOffice([9], {
    setUp: async (server) => {
      operator = (await clerkOf(server.server, 'operator')).info
      otherOperator = (await clerkOf(server.server, 'operator')).info
      supervisor = await clerkOf(server.server, 'supervisor')
      administrator = (await clerkOf(server.server, 'administrator')).info
    },
    ready: async (suite) => {
      office = suite.office
      desk = suite.desks[0] as Desk
      session = sessionOf(operator)
      actAs(desk, operator)
      await openShift(desk.ctx, operator, { float: '1000' })
      await pushChecked(office, desk, session)
    },
  })

  /** The verdict of the change at `index` when `changes` are checked as this desk's push. */
  async function reasonAt(
    changes: readonly Change[],
    index: number,
    clerks: ReadonlyMap<string, SessionClerk> = session,
    identity?: Awaited<ReturnType<typeof identityOf>>,
  ): Promise<string> {
    const verdicts = await check(office, identity ?? (await identityOf(office, desk)), clerks, changes)
    const verdict = verdicts[index]
    return verdict && !verdict.ok ? verdict.reason : 'accepted'
  }

  async function paymentChanges(): Promise<Change[]> {
    await postPayment(desk.ctx, operator, payInput(await indebtedAccount(envOf(desk)), 15_000))
    return outboxOf(desk)
  }

  it("refuses a clerk's role raised through sync, even pushed by an administrator", async () => {
    const raise: Change = {
      id: randomUUID(),
      entity: 'clerks',
      entityId: operator.id,
      op: 'update',
      payload: JSON.stringify({ role: 'administrator' }),
      createdAt: new Date().toISOString(),
      clerkId: administrator.id,
    }
    expect(await reasonAt([raise], 0, sessionOf(administrator))).toBe(
      'Сотрудники, их роли и пароли меняются только операцией на сервере «Окно» с нужной ролью, не обменом с окна.',
    )
  })

  it('refuses an audit entry deleted, or rewritten', async () => {
    const entry = (await office.server
      .knex('audit_log')
      .where({ workstation_id: desk.settings.get().workstationId })
      .first()) as Row
    const base = {
      id: randomUUID(),
      entity: 'audit_log',
      entityId: String(entry.id),
      createdAt: entry.at as string,
    }
    const removed: Change = { ...base, op: 'delete', payload: JSON.stringify(entry), clerkId: operator.id }
    const rewritten: Change = {
      ...base,
      op: 'update',
      payload: JSON.stringify({ action: 'x' }),
      clerkId: operator.id,
    }
    expect(await reasonAt([removed], 0)).toBe(
      'Запись журнала действий не удаляется: записи только добавляются.',
    )
    expect(await reasonAt([rewritten], 0)).toBe('Журнал действий не изменяется: записи только добавляются.')
  })

  it("refuses a payment into another office's counter's shift, and a shift opened for another office", async () => {
    const changes = await paymentChanges()
    const offices = (await office.server.knex('offices').orderBy('code').select('id', 'name')) as Row[]
    const here = await identityOf(office, desk)
    const other = offices.find((o) => o.id !== here.officeId) as Row
    const elsewhere = { ...here, officeId: String(other.id), workstationId: randomUUID() }
    const payment = changes.findIndex((c) => c.entity === 'payments' && c.op === 'insert')
    expect(await reasonAt(changes, payment, session, elsewhere)).toBe(
      `Оплата для окна другого отделения не принимается: окно подключено к отделению «${String(other.name)}», окно 9.`,
    )
    const opened = (await office.server
      .knex('shifts')
      .where({ workstation_id: here.workstationId })
      .first()) as Row
    const shiftOf = (officeId: unknown): Change => {
      const shiftId = randomUUID()
      return {
        id: randomUUID(),
        entity: 'shifts',
        entityId: shiftId,
        op: 'insert',
        payload: JSON.stringify({
          ...opened,
          id: shiftId,
          office_id: officeId,
          closed_at: null,
          last_receipt_no: 0,
        }),
        createdAt: new Date().toISOString(),
        clerkId: operator.id,
      }
    }
    // This office's shift pushed by a desk of the other office, and the other office's by this desk.
    expect(await reasonAt([shiftOf(here.officeId)], 0, session, elsewhere)).toBe(
      `Смена другого окна не принимается: окно подключено к отделению «${String(other.name)}», окно 9.`,
    )
    expect(await reasonAt([shiftOf(other.id)], 0)).toMatch(
      /^Смена другого окна не принимается: окно подключено к отделению «.+», окно 9\.$/,
    )
    const otherCounter = { ...here, counterNumber: 10 }
    expect(await reasonAt(changes, payment, session, otherCounter)).toMatch(
      /^Оплата для другого окна не принимается: окно подключено к отделению «.+», окно 10\.$/,
    )
    await pushChecked(office, desk, session)
  })

  it('refuses a payment signed by a clerk not signed in at this desk, or signed for another', async () => {
    const changes = await paymentChanges()
    const payment = changes.findIndex((c) => c.entity === 'payments' && c.op === 'insert')
    expect(await reasonAt(changes, payment, sessionOf(otherOperator))).toBe(
      'Сотрудник, сделавший изменение, не вошёл в систему на этом окне через сервер: войдите и повторите обмен.',
    )
    const forged = altered(changes, 'payments', 'insert', (row) => ({ ...row, clerk_id: otherOperator.id }))
    expect(await reasonAt(forged.changes, forged.index, sessionOf(operator, otherOperator))).toBe(
      'Запись подписана другим сотрудником, а не тем, кто вошёл в систему на этом окне: такая запись не принимается.',
    )
    const entry = altered(changes, 'audit_log', 'insert', (row) => ({ ...row, clerk_id: otherOperator.id }))
    expect(await reasonAt(entry.changes, entry.index)).toBe(
      'Запись журнала подписана другим сотрудником, а не тем, кто вошёл в систему на этом окне: такая запись не принимается.',
    )
    // The allocations of a refused payment have no payment to belong to.
    const allocation = changes.findIndex((c) => c.entity === 'payment_allocations')
    expect(await reasonAt(forged.changes, allocation, sessionOf(operator, otherOperator))).toBe(
      'Разноска оплаты не принимается: самой оплаты нет на сервере.',
    )
    await pushChecked(office, desk, session)
  })

  it('refuses the changes of a clerk the server has switched off, signed in or not', async () => {
    const gone = await addClerk(office.server, 'operator', { active: false })
    const changes = await paymentChanges()
    const audit = changes.find((c) => c.entity === 'audit_log') as Change
    const verdicts = await check(
      office,
      await identityOf(office, desk),
      new Map([...session, [gone.id, { id: gone.id, role: 'operator' as const, officeId: null }]]),
      [{ ...audit, clerkId: gone.id }],
    )
    expect(verdicts[0]).toMatchObject({
      ok: false,
      reason: 'Сотрудник, сделавший изменение, отключён на сервере: его изменения не принимаются.',
    })
    await pushChecked(office, desk, session)
  })

  it("refuses a refund without a supervisor's confirmation", async () => {
    const posted = await postPayment(desk.ctx, operator, payInput(await indebtedAccount(envOf(desk)), 12_000))
    await pushChecked(office, desk, session)
    await reversePayment(desk.ctx, operator, {
      idempotencyKey: randomUUID(),
      paymentId: posted.receipt.paymentId,
      reason: 'Ошибка в счёте',
      supervisor: supervisor.credentials,
    })
    const changes = await outboxOf(desk)
    const reason =
      'Возврат оплаты без подтверждения старшего операциониста или администратора не принимается.'
    const byOperator = altered(changes, 'payments', 'insert', (row) => ({
      ...row,
      confirmed_by: operator.id,
    }))
    expect(await reasonAt(byOperator.changes, byOperator.index)).toBe(reason)
    const unconfirmed = altered(changes, 'payments', 'insert', (row) => ({ ...row, confirmed_by: null }))
    expect(await reasonAt(unconfirmed.changes, unconfirmed.index)).toBe(reason)
    const disguised = altered(changes, 'payments', 'insert', (row) => ({ ...row, kind: 'payment' }))
    expect(await reasonAt(disguised.changes, disguised.index)).toBe(
      'Возврат записывается отрицательной суммой со ссылкой на возвращаемую оплату.',
    )
    await pushChecked(office, desk, session)
  })

  it("refuses a forged audit chain and an entry written into another desk's chain", async () => {
    const changes = await paymentChanges()
    const edited = altered(changes, 'audit_log', 'insert', (row) => ({
      ...row,
      details: '{"amountKopecks":1}',
    }))
    expect(await reasonAt(edited.changes, edited.index)).toBe(
      'Запись журнала действий не сходится со своей контрольной суммой: запись изменена, она не принимается.',
    )
    const skipped = altered(changes, 'audit_log', 'insert', (row) => ({ ...row, seq: Number(row.seq) + 1 }))
    expect(await reasonAt(skipped.changes, skipped.index)).toMatch(
      /^Запись журнала действий не продолжает цепочку этого окна на сервере \(на сервере последняя запись № \d+, пришла № \d+\)/,
    )
    const foreign = altered(changes, 'audit_log', 'insert', (row) => ({
      ...row,
      workstation_id: randomUUID(),
    }))
    expect(await reasonAt(foreign.changes, foreign.index)).toBe(
      'Запись журнала действий другого рабочего места не принимается: окно пишет только в свою цепочку журнала.',
    )
    await pushChecked(office, desk, session)
  })

  it('refuses a tariff, by an operator or anyone, and a schedule edit by an operator', async () => {
    const tariff = (await office.server.knex('tariffs').first()) as Row
    const change: Change = {
      id: randomUUID(),
      entity: 'tariffs',
      entityId: String(tariff.id),
      op: 'update',
      payload: JSON.stringify({ rate_kopecks: 1 }),
      createdAt: new Date().toISOString(),
      clerkId: operator.id,
    }
    const reason = 'Тарифы меняются только операцией на сервере «Окно» с нужной ролью, не обменом с окна.'
    expect(await reasonAt([change], 0)).toBe(reason)
    expect(await reasonAt([{ ...change, clerkId: administrator.id }], 0, sessionOf(administrator))).toBe(
      reason,
    )

    actAs(desk, administrator)
    const officeId = desk.settings.get().officeId as string
    await saveClosure(desk.ctx, administrator.id, {
      action: 'add',
      officeId,
      date: '2026-12-29',
      reason: 'Учёба',
    })
    actAs(desk, operator)
    const closures = await outboxOf(desk)
    // An operator's session claiming the administrator's role: the role is the server's, not the desk's.
    const asOperator = closures.map((c) => ({ ...c, clerkId: operator.id }))
    const closure = asOperator.findIndex((c) => c.entity === 'office_closures')
    const claimed = new Map([
      [operator.id, { id: operator.id, role: 'administrator' as const, officeId: null }],
    ])
    expect(await reasonAt(asOperator, closure, claimed)).toBe(
      'Закрывать дни отделения может только администратор: у сотрудника этого окна нет такой роли.',
    )
    await pushChecked(office, desk, sessionOf(administrator))
  })

  it("refuses an appointment moved by an update, un-cancelled, or another visit's seat freed", async () => {
    const seat = (await office.server.knex('appointment_seats').first()) as Row
    const visit = String(seat.appointment_id)
    const change = (entity: string, entityId: string, op: Change['op'], row: Row): Change => ({
      id: randomUUID(),
      entity,
      entityId,
      op,
      payload: JSON.stringify(row),
      createdAt: new Date().toISOString(),
      clerkId: operator.id,
    })
    expect(await reasonAt([change('appointments', visit, 'update', { date: '2026-12-01' })], 0)).toBe(
      'Запись на приём с окна меняется только отметкой: пришёл, принят, не пришёл или отменена.',
    )
    expect(await reasonAt([change('appointments', visit, 'update', { status: 'booked' })], 0)).toBe(
      'Такой отметки записи на приём нет: пришёл, принят, не пришёл или отменена.',
    )
    const key = [seat.office_id, seat.date, seat.time, seat.seat].join('|')
    expect(
      await reasonAt(
        [change('appointment_seats', key, 'delete', { ...seat, appointment_id: randomUUID() })],
        0,
      ),
    ).toBe('Место в расписании занято другой записью: освободить его этой отменой нельзя.')
    expect(await reasonAt([change('appointment_seats', key, 'delete', seat)], 0)).toBe('accepted')
  })

  it('refuses what only the server writes: a payment rewritten or deleted, a booking, a charges refresh, an unknown table', async () => {
    const payment = (await office.server.knex('payments').first()) as Row
    const base = { entityId: String(payment.id), createdAt: new Date().toISOString(), clerkId: operator.id }
    const cases: Array<[Omit<Change, 'id'>, string]> = [
      [
        { ...base, entity: 'payments', op: 'update', payload: JSON.stringify({ amount_kopecks: 1 }) },
        'Оплату изменить нельзя: обмен с окна отмечает в ней лишь печать чека и фискальный чек.',
      ],
      [
        { ...base, entity: 'payments', op: 'delete', payload: JSON.stringify(payment) },
        'Оплата не удаляется: записи кассы только добавляются, удалить их обменом с окна нельзя.',
      ],
      [
        { ...base, entity: 'appointments', op: 'insert', payload: JSON.stringify({ id: base.entityId }) },
        'Запись на приём и перенос записи выполняются только на сервере, чтобы учесть все окна.',
      ],
      [
        { ...base, entity: 'charges', op: 'refresh', payload: JSON.stringify({ period: '2026-11' }) },
        'Начисления пересчитываются только операцией на сервере.',
      ],
      [
        { ...base, entity: 'server_desks', op: 'insert', payload: JSON.stringify({ id: base.entityId }) },
        'Таблица «server_desks» не принимается от окон.',
      ],
      [
        {
          ...base,
          entity: 'payments',
          op: 'update',
          payload: JSON.stringify({ id: randomUUID(), printed_at: 'x' }),
        },
        'Ключ записи не совпадает с тем, что указано в изменении.',
      ],
    ]
    for (const [change, reason] of cases) {
      expect(await reasonAt([{ ...change, id: randomUUID() }], 0)).toBe(reason)
    }
  })
})
