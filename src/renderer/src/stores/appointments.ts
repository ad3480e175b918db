// Reception appointments at the desk: what it books with (offices, topics, rules), and the one
// flow of dialogs every screen shares — the booking (or moving) form, an appointment's actions,
// its cancellation, and the ticket just made. `version` grows after every change, so a board, a
// week or a card's list on screen knows to load again.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  AppointmentBooked,
  AppointmentMeta,
  AppointmentView,
  DayBoard,
  DayLoad,
  FreeSlot,
} from '../../../shared/domain/appointment'
import type { AppointmentReport } from '../../../shared/domain/appointment-admin'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { BookInput, SlotsQuery } from '../../../shared/ipc/schemas/appointment'
import type { PrintDocument } from '../../../shared/print/document'
import { call } from '../api/client'

/** What the booking form opens with: a place on the board, a customer's account, or a move. */
export interface BookingRequest {
  officeId?: string | null
  date?: string
  time?: string
  account?: { id: string; number: string; personName: string }
  /** Moving this appointment to another time instead of booking a new one. */
  move?: AppointmentView
}

/** A ticket on screen: just booked or moved, or printed again. */
export interface TicketShown {
  title: string
  appointment: AppointmentView
  document: PrintDocument
}

export const useAppointmentsStore = defineStore('appointments', () => {
  const meta = shallowRef<AppointmentMeta | null>(null)
  const request = shallowRef<BookingRequest | null>(null)
  const selected = shallowRef<AppointmentView | null>(null)
  const cancelling = shallowRef<AppointmentView | null>(null)
  const ticket = shallowRef<TicketShown | null>(null)
  const version = ref(0)

  /** Offices, topics, rules and today's date: asked again by each screen, so a new day shows. */
  async function loadMeta(): Promise<AppointmentMeta> {
    meta.value = await call('appointments:meta', {})
    return meta.value
  }

  function changed(): void {
    version.value++
  }

  function book(req: BookingRequest): void {
    selected.value = null
    request.value = req
  }

  function closeForm(): void {
    request.value = null
  }

  function slots(query: SlotsQuery): Promise<FreeSlot[]> {
    return call('appointments:slots', query)
  }

  async function submitBooking(input: BookInput): Promise<AppointmentBooked> {
    const result = await call('appointments:book', input)
    changed()
    return result
  }

  async function move(appointmentId: string, date: string, time: string): Promise<AppointmentBooked> {
    const result = await call('appointments:reschedule', { appointmentId, date, time })
    changed()
    return result
  }

  async function cancel(appointmentId: string, reason: string): Promise<AppointmentView> {
    const result = await call('appointments:cancel', { appointmentId, reason })
    changed()
    return result
  }

  async function mark(
    appointmentId: string,
    status: 'arrived' | 'served' | 'no_show',
  ): Promise<AppointmentView> {
    const result = await call('appointments:mark', { appointmentId, status })
    selected.value = result
    changed()
    return result
  }

  async function printAgain(appointment: AppointmentView, title: string): Promise<void> {
    const document = await call('appointments:ticket', { appointmentId: appointment.id })
    ticket.value = { title, appointment, document }
  }

  function report(input: ChannelInput<'appointments:report'>): Promise<AppointmentReport> {
    return call('appointments:report', input)
  }

  function reportXlsx(input: ChannelInput<'appointments:reportXlsx'>) {
    return call('appointments:reportXlsx', input)
  }

  return {
    meta,
    request,
    selected,
    cancelling,
    ticket,
    version,
    loadMeta,
    changed,
    book,
    closeForm,
    slots,
    submitBooking,
    move,
    cancel,
    mark,
    printAgain,
    report,
    reportXlsx,
    day: (officeId: string, date: string): Promise<DayBoard> => call('appointments:day', { officeId, date }),
    week: (officeId: string, from: string): Promise<DayLoad[]> =>
      call('appointments:week', { officeId, from }),
    search: (query: string): Promise<AppointmentView[]> => call('appointments:search', { query }),
    forAccount: (accountId: string): Promise<AppointmentView[]> =>
      call('appointments:forAccount', { accountId }),
  }
})
