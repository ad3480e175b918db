// Appointment topics (what a customer comes about) and the booking rules, as the desk reads them.
import type { Knex } from 'knex'
import type { AppointmentRules, AppointmentTopic } from '../../../shared/domain/appointment'

type Reader = Knex | Knex.Transaction

interface TopicRow {
  id: string
  code: string
  name: string
  duration_minutes: number
  what_to_bring: string
  active: boolean | number
}

export interface TopicFields {
  name: string
  duration_minutes: number
  what_to_bring: string
  active: boolean
}

const topicView = (r: TopicRow): AppointmentTopic => ({
  id: r.id,
  code: r.code,
  name: r.name,
  durationMinutes: Number(r.duration_minutes),
  whatToBring: r.what_to_bring,
  active: Boolean(r.active),
})

/** The rules row (id 1); the defaults stand in for a database that has none yet. */
export async function appointmentRules(db: Reader): Promise<AppointmentRules> {
  const row = (await db('appointment_rules').where({ id: 1 }).first()) as
    | {
        slot_minutes: number
        horizon_days: number
        min_notice_minutes: number
        max_future_per_customer: number
      }
    | undefined
  return {
    slotMinutes: Number(row?.slot_minutes ?? 15),
    horizonDays: Number(row?.horizon_days ?? 30),
    minNoticeMinutes: Number(row?.min_notice_minutes ?? 60),
    maxFuturePerCustomer: Number(row?.max_future_per_customer ?? 2),
  }
}

/** Every topic, active or not, in display order. */
export async function allTopics(db: Reader): Promise<AppointmentTopic[]> {
  return ((await db('appointment_topics').orderBy('sort').select('*')) as TopicRow[]).map(topicView)
}

export async function findTopic(db: Reader, id: string): Promise<AppointmentTopic | undefined> {
  const row = (await db('appointment_topics').where({ id }).first()) as TopicRow | undefined
  return row ? topicView(row) : undefined
}

/** What the ticket tells the customer to bring for the topic. */
export async function topicWhatToBring(db: Reader, id: string): Promise<string> {
  const row = (await db('appointment_topics').where({ id }).first('what_to_bring')) as {
    what_to_bring: string
  }
  return row.what_to_bring
}

export async function updateTopic(trx: Knex.Transaction, id: string, fields: TopicFields): Promise<void> {
  await trx('appointment_topics').where({ id }).update(fields)
}

/** The sort a new topic takes: after the last one. */
export async function nextTopicSort(trx: Knex.Transaction): Promise<number> {
  const last = (await trx('appointment_topics').max({ m: 'sort' }).first()) as
    { m: number | null } | undefined
  return Number(last?.m ?? 0) + 1
}
