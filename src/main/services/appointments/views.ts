// Appointments as the desk shows them: one by id, a customer's, a search, and the ticket.
import type { Knex } from 'knex'
import type { AppointmentStatus, AppointmentView } from '../../../shared/domain/appointment'
import { OknoError } from '../../../shared/ipc/envelope'
import type { PrintDocument } from '../../../shared/print/document'
import { requireAccount } from '../accounts/accounts'
import type { ServiceContext } from '../core/context'
import { buildTicket } from '../documents/ticket'
import { requireOrganisation } from '../core/organisation'

export interface AppointmentRow {
  id: string
  office_id: string
  topic_id: string
  date: string
  starts: string
  ends: string
  starts_at: string
  account_id: string | null
  person_name: string
  phone: string
  customer_key: string
  ticket_code: string
  status: AppointmentStatus
  cancel_reason: string | null
  rescheduled_from: string | null
  rescheduled_to: string | null
  created_at: string
}

/** A name as the search matches it: lower case, ё as е, single spaces. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()
}

type JoinedRow = AppointmentRow & { office_name: string; topic_name: string; account_number: string | null }

/** Appointments joined with their office, topic and account, for `filter` to narrow. */
export function appointmentQuery(db: Knex): Knex.QueryBuilder {
  return db('appointments as ap')
    .join('offices as o', 'o.id', 'ap.office_id')
    .join('appointment_topics as t', 't.id', 'ap.topic_id')
    .leftJoin('accounts as a', 'a.id', 'ap.account_id')
    .select('ap.*', 'o.name as office_name', 't.name as topic_name', 'a.number as account_number')
}

export function toView(r: JoinedRow): AppointmentView {
  return {
    id: r.id,
    officeId: r.office_id,
    officeName: r.office_name,
    topicId: r.topic_id,
    topicName: r.topic_name,
    date: r.date,
    starts: r.starts,
    ends: r.ends,
    startsAt: r.starts_at,
    accountId: r.account_id,
    accountNumber: r.account_number,
    personName: r.person_name,
    phone: r.phone,
    ticketCode: r.ticket_code,
    status: r.status,
    cancelReason: r.cancel_reason,
    rescheduledFrom: r.rescheduled_from,
    rescheduledTo: r.rescheduled_to,
    createdAt: r.created_at,
  }
}

export async function listAppointments(
  db: Knex,
  filter: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<AppointmentView[]> {
  return ((await filter(appointmentQuery(db))) as JoinedRow[]).map(toView)
}

export async function appointmentById(ctx: ServiceContext, id: string): Promise<AppointmentView> {
  const [view] = await listAppointments(ctx.db.knex, (q) => q.where('ap.id', id))
  if (!view) throw new OknoError('NOT_FOUND', 'Запись не найдена. Обновите список.')
  return view
}

export async function accountAppointments(
  ctx: ServiceContext,
  accountId: string,
): Promise<AppointmentView[]> {
  await requireAccount(ctx, accountId)
  return listAppointments(ctx.db.knex, (q) =>
    q
      .where('ap.account_id', accountId)
      .orderBy([
        { column: 'ap.date', order: 'desc' },
        { column: 'ap.starts', order: 'desc' },
      ])
      .limit(100),
  )
}

/** By ticket code («П-472»), phone (digits), account number or a fragment of the name. */
export async function searchAppointments(ctx: ServiceContext, query: string): Promise<AppointmentView[]> {
  const text = query.trim()
  const digits = text.replace(/\D/g, '')
  const code = /^[А-ЯЁа-яё]-?\d{3}$/.exec(text)
  return listAppointments(ctx.db.knex, (q) => {
    if (code) return q.where('ap.ticket_code', `${text.charAt(0).toUpperCase()}-${text.slice(-3)}`)
    if (digits.length >= 6 && digits.length === text.replace(/[\s()+-]/g, '').length) {
      return q.where((w) => w.where('ap.phone', 'like', `%${digits.slice(-10)}%`).orWhere('a.number', digits))
    }
    return q.where('ap.name_key', 'like', `%${nameKey(text)}%`)
  }).then((list) => list.sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, 100))
}

export async function ticketFor(ctx: ServiceContext, a: AppointmentView): Promise<PrintDocument> {
  const [org, office, topic] = await Promise.all([
    requireOrganisation(ctx),
    ctx.db.knex('offices').where({ id: a.officeId }).first('name', 'address', 'phone') as Promise<{
      name: string
      address: string
      phone: string
    }>,
    ctx.db.knex('appointment_topics').where({ id: a.topicId }).first('what_to_bring') as Promise<{
      what_to_bring: string
    }>,
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
    whatToBring: topic.what_to_bring,
  })
}

export async function appointmentTicket(ctx: ServiceContext, id: string): Promise<PrintDocument> {
  return ticketFor(ctx, await appointmentById(ctx, id))
}
