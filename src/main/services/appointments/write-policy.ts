// The office server's write policy for appointments: booking and moving a visit are the server's
// operations (the last seat is decided there); a desk only marks a visit (arrived, served, no
// show, cancelled) and frees its seats; the settings of the schedule only an administrator edits.
import {
  type OpCheck,
  type PolicyBatch,
  type PolicyChange,
  type Refusal,
  type TablePolicies,
  type TablePolicy,
  actorOf,
  actorWithRole,
  knownColumns,
  updatedBy,
} from '../core/policy-kit'

const BOOKING = 'Запись на приём и перенос записи выполняются только на сервере, чтобы учесть все окна.'

/** The visit's marks a desk sets today: booking.ts `cancelAppointment` and `markAppointment`. */
const MARKS = ['cancelled', 'arrived', 'served', 'no_show']

async function appointmentUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const actor = updatedBy(
    change,
    batch,
    ['status', 'cancel_reason', 'updated_at'],
    'Запись на приём с окна меняется только отметкой: пришёл, принят, не пришёл или отменена.',
  )
  if (typeof actor === 'string') return actor
  if ('status' in change.row && !MARKS.includes(String(change.row.status))) {
    return 'Такой отметки записи на приём нет: пришёл, принят, не пришёл или отменена.'
  }
  return (await batch.row('appointments', change.key)) ? null : 'Записи на приём нет на сервере.'
}

async function seatDelete(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // Cancelling (or a no-show) frees the visit's seats; the seat must be that visit's.
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  const seat = await batch.row('appointment_seats', change.key)
  if (!seat) return null // freed already: deleting nothing changes nothing
  if (seat.appointment_id !== change.row.appointment_id) {
    return 'Место в расписании занято другой записью: освободить его этой отменой нельзя.'
  }
  return null
}

/** A schedule setting: written (as replaced rows) only by an administrator, as `schedules:*` require. */
function administratorOnly(what: string): TablePolicy {
  const check: OpCheck = async (change, batch) =>
    (change.op === 'insert' ? await knownColumns(change, batch) : null) ??
    (await actorWithRole(change, batch, 'administrator', what))
  return { insert: check, update: check, delete: check }
}

export const appointmentWritePolicies: TablePolicies = {
  appointment_topics: {
    ...administratorOnly('Менять темы приёма'),
    delete: () => 'Тема приёма не удаляется: её делают недействующей.',
  },
  appointment_rules: {
    insert: () => 'Правила записи на приём меняются только на сервере.',
    update: () => 'Правила записи на приём меняются только на сервере.',
    delete: () => 'Правила записи на приём меняются только на сервере.',
  },
  office_schedules: administratorOnly('Менять график отделения'),
  calendar_days: administratorOnly('Менять производственный календарь'),
  office_closures: administratorOnly('Закрывать дни отделения'),
  appointments: {
    insert: () => BOOKING,
    update: appointmentUpdate,
    delete: () => 'Запись на приём не удаляется: её отменяют.',
  },
  appointment_seats: {
    insert: () => BOOKING,
    update: () => BOOKING,
    delete: seatDelete,
  },
}
