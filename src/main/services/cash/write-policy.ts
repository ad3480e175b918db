// The office server's write policy for the cash desk's tables: a desk opens shifts only at its own
// counter, takes money only in its own shift that is open on the server, and never rewrites what
// the drawer recorded (payments, allocations, cash movements, Z-reports only add up).
import {
  type PolicyBatch,
  type PolicyChange,
  type Refusal,
  type Row,
  type TablePolicies,
  actorOf,
  isInteger,
  knownColumns,
  noDelete,
  signedBy,
  supervisorConfirmed,
  updatedBy,
} from '../core/policy-kit'

/**
 * The shift `shiftId` must be one of this desk's counter and open on the server. `what` names
 * the record in the reason («Оплата»).
 */
async function deskOpenShift(batch: PolicyBatch, shiftId: unknown, what: string): Promise<Row | string> {
  const shift = typeof shiftId === 'string' ? await batch.row('shifts', shiftId) : undefined
  if (!shift)
    return `${what} не принимается: такой смены этого окна нет на сервере. Откройте смену на экране «Касса».`
  const refusal = await otherCounter(batch, shift, what)
  if (refusal) return refusal
  if (shift.closed_at) {
    return `${what} не принимается: смена № ${String(shift.number)} этого окна уже закрыта на сервере. Откройте новую смену.`
  }
  return shift
}

/** Refuses a shift that is not of the desk's own office and counter. */
async function otherCounter(batch: PolicyBatch, shift: Row, what: string): Promise<Refusal> {
  const { desk } = batch
  if (shift.office_id !== desk.officeId) {
    return `${what} для окна другого отделения не принимается: окно подключено к ${await batch.deskPlace()}.`
  }
  if (Number(shift.counter_number) !== desk.counterNumber) {
    return `${what} для другого окна не принимается: окно подключено к ${await batch.deskPlace()}.`
  }
  return null
}

async function shiftInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const row = change.row
  const { desk } = batch
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'opened_by', batch)
  if (refusal) return refusal
  if (row.office_id !== desk.officeId || Number(row.counter_number) !== desk.counterNumber) {
    return `Смена другого окна не принимается: окно подключено к ${await batch.deskPlace()}.`
  }
  if (row.workstation_id !== desk.workstationId) {
    return 'Смена, открытая на другом рабочем месте, не принимается от этого окна.'
  }
  if (
    row.closed_at != null ||
    row.closed_by != null ||
    row.confirmed_by != null ||
    row.last_receipt_no !== 0
  ) {
    return 'Смена принимается только открытой, без чеков: закрывается она на сервере.'
  }
  const open = await batch.serverOpenShiftId()
  const openHere = batch
    .acceptedRows('shifts')
    .some(
      (s) =>
        s.id !== row.id &&
        s.office_id === desk.officeId &&
        Number(s.counter_number) === desk.counterNumber &&
        s.closed_at == null,
    )
  if ((open && open !== row.id) || openHere) {
    return 'Смена в этом окне уже открыта на сервере: закройте её, прежде чем открывать новую.'
  }
  return null
}

async function shiftUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // Only the receipt counter: a payment takes the shift's next number and the counter goes to
  // the server, so a desk that downloads again (or the server closing the shift) goes on from it.
  // Closing a shift is the server's own operation («закрытие смены»), never a pushed update.
  const actor = updatedBy(
    change,
    batch,
    ['last_receipt_no'],
    'Смена закрывается только операцией на сервере: обмен с окна меняет в смене лишь номер последнего чека.',
  )
  if (typeof actor === 'string') return actor
  const shift = await deskOpenShift(batch, change.key, 'Изменение смены')
  if (typeof shift === 'string') return shift
  const next = change.row.last_receipt_no
  if (!isInteger(next) || next < Number(shift.last_receipt_no)) {
    return 'Номер последнего чека смены не может уменьшиться: чеки нумеруются по порядку.'
  }
  return null
}

async function paymentInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const row = change.row
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'clerk_id', batch)
  if (refusal) return refusal
  const amount = row.amount_kopecks
  if (!isInteger(amount)) return 'Сумма оплаты должна быть целым числом копеек.'
  const shift = await deskOpenShift(batch, row.shift_id, 'Оплата')
  if (typeof shift === 'string') return shift
  const refund = row.kind !== 'payment' || row.reverses_id != null || amount <= 0
  if (!refund) {
    if (row.confirmed_by == null) return null
    return supervisorConfirmed(
      batch,
      row.confirmed_by,
      'Оплату сверх обычной суммы подтверждает старший операционист или администратор: подтвердивший сотрудник такой роли не имеет.',
    )
  }
  if (row.kind !== 'reversal' || typeof row.reverses_id !== 'string' || amount >= 0) {
    return 'Возврат записывается отрицательной суммой со ссылкой на возвращаемую оплату.'
  }
  return supervisorConfirmed(
    batch,
    row.confirmed_by,
    'Возврат оплаты без подтверждения старшего операциониста или администратора не принимается.',
  )
}

function paymentUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> | Refusal {
  // A payment never changes; only what happens to it afterwards is noted: the receipt printed
  // (later prints say «КОПИЯ» at every desk) and the fiscal register's mark once it is registered.
  const actor = updatedBy(
    change,
    batch,
    ['printed_at', 'fiscal'],
    'Оплату изменить нельзя: обмен с окна отмечает в ней лишь печать чека и фискальный чек.',
  )
  if (typeof actor === 'string') return actor
  return batch.row('payments', change.key).then((p) => (p ? null : 'Оплата не найдена на сервере.'))
}

async function allocationInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const row = change.row
  const refusal = await knownColumns(change, batch)
  if (refusal) return refusal
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  const payment = typeof row.payment_id === 'string' ? await batch.row('payments', row.payment_id) : undefined
  if (!payment) return 'Разноска оплаты не принимается: самой оплаты нет на сервере.'
  const shift = typeof payment.shift_id === 'string' ? await batch.row('shifts', payment.shift_id) : undefined
  const other = shift
    ? await otherCounter(batch, shift, 'Разноска оплаты')
    : 'Разноска оплаты не принимается: смены оплаты нет на сервере.'
  if (other) return other
  if (payment.account_id !== row.account_id) return 'Разноска оплаты должна относиться к счёту самой оплаты.'
  if (!isInteger(row.amount_kopecks)) return 'Сумма разноски должна быть целым числом копеек.'
  return null
}

async function cashMovementInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const row = change.row
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'clerk_id', batch)
  if (refusal) return refusal
  if (
    (row.kind !== 'cash_in' && row.kind !== 'cash_out') ||
    !isInteger(row.amount_kopecks) ||
    row.amount_kopecks <= 0
  ) {
    return 'Внесение или выплата записывается положительной суммой в копейках.'
  }
  const shift = await deskOpenShift(batch, row.shift_id, 'Внесение или выплата')
  return typeof shift === 'string' ? shift : null
}

const APPEND_ONLY = 'записи кассы только добавляются, удалить их обменом с окна нельзя.'

export const cashWritePolicies: TablePolicies = {
  shifts: {
    insert: shiftInsert,
    update: shiftUpdate,
    delete: noDelete(`Смена не удаляется: ${APPEND_ONLY}`),
  },
  payments: {
    insert: paymentInsert,
    update: paymentUpdate,
    delete: noDelete(`Оплата не удаляется: ${APPEND_ONLY}`),
  },
  payment_allocations: {
    insert: allocationInsert,
    update: () => 'Разноску оплаты изменить нельзя: записи кассы только добавляются.',
    delete: noDelete(`Разноска оплаты не удаляется: ${APPEND_ONLY}`),
  },
  cash_movements: {
    insert: cashMovementInsert,
    update: () => 'Внесение или выплату изменить нельзя: записи кассы только добавляются.',
    delete: noDelete(`Внесение или выплата не удаляется: ${APPEND_ONLY}`),
  },
  // The Z-report is written by the server's «закрытие смены», never pushed by a desk.
  z_reports: {
    insert: () => 'Z-отчёт составляется только при закрытии смены на сервере, не обменом с окна.',
    update: () => 'Z-отчёт изменить нельзя: записи кассы только добавляются.',
    delete: noDelete(`Z-отчёт не удаляется: ${APPEND_ONLY}`),
  },
}
