// Appointments as the desk shows them: one by id, a customer's, a search, and the ticket.
import type { AppointmentView } from '../../../shared/domain/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import type { PrintDocument } from '../../../shared/print/document'
import {
  appointmentsByName,
  appointmentsByPhoneOrAccount,
  appointmentsByTicketCode,
  appointmentsOfAccount,
  appointmentView,
} from '../../db/repositories/appointments'
import { officeForTicket } from '../../db/repositories/schedules'
import { topicWhatToBring } from '../../db/repositories/topics'
import { requireAccount } from '../accounts/accounts'
import type { ServiceContext } from '../core/context'
import { buildTicket } from '../documents/ticket'
import { requireOrganisation } from '../core/organisation'

/** A name as the search matches it: lower case, ё as е, single spaces. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()
}

export async function appointmentById(ctx: ServiceContext, id: string): Promise<AppointmentView> {
  const view = await appointmentView(ctx.db.knex, id)
  if (!view) throw new OknoError('NOT_FOUND', 'Запись не найдена. Обновите список.')
  return view
}

export async function accountAppointments(
  ctx: ServiceContext,
  accountId: string,
): Promise<AppointmentView[]> {
  await requireAccount(ctx, accountId)
  return appointmentsOfAccount(ctx.db.knex, accountId)
}

/** The appointments a search text names, whatever it is: a ticket code, a phone or a name. */
function findByText(ctx: ServiceContext, text: string): Promise<AppointmentView[]> {
  const knex = ctx.db.knex
  const digits = text.replace(/\D/g, '')
  if (/^[А-ЯЁа-яё]-?\d{3}$/.test(text)) {
    return appointmentsByTicketCode(knex, `${text.charAt(0).toUpperCase()}-${text.slice(-3)}`)
  }
  if (digits.length >= 6 && digits.length === text.replace(/[\s()+-]/g, '').length) {
    return appointmentsByPhoneOrAccount(knex, digits.slice(-10), digits)
  }
  return appointmentsByName(knex, nameKey(text))
}

/** By ticket code («П-472»), phone (digits), account number or a fragment of the name. */
export async function searchAppointments(ctx: ServiceContext, query: string): Promise<AppointmentView[]> {
  const list = await findByText(ctx, query.trim())
  return list.sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 100)
}

export async function ticketFor(ctx: ServiceContext, a: AppointmentView): Promise<PrintDocument> {
  const [org, office, whatToBring] = await Promise.all([
    requireOrganisation(ctx),
    officeForTicket(ctx.db.knex, a.officeId),
    topicWhatToBring(ctx.db.knex, a.topicId),
  ])
  return buildTicket({
    organisationName: org.short_name,
    office,
    date: a.date,
    starts: a.starts,
    ends: a.ends,
    topicName: a.topicName,
    ticketCode: a.ticketCode,
    personName: a.personName,
    accountNumber: a.accountNumber,
    whatToBring,
  })
}

export async function appointmentTicket(ctx: ServiceContext, id: string): Promise<PrintDocument> {
  return ticketFor(ctx, await appointmentById(ctx, id))
}
