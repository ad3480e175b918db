// Reception appointments at district offices: topics, each office's weekly plan, the production
// calendar's exceptions and an office's own closed days, the appointments with their history,
// and the seats they hold on the slot grid — one row per step and seat, so the database itself
// never gives a slot to more people than it has specialists.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const DEFAULT_TOPICS = [
  {
    code: 'consultation',
    name: 'Консультация',
    duration: 15,
    bring: 'Паспорт; квитанция, если вопрос по начислениям',
  },
  {
    code: 'open_account',
    name: 'Открытие лицевого счёта',
    duration: 30,
    bring: 'Паспорт; документ о праве собственности (выписка из ЕГРН); СНИЛС',
  },
  {
    code: 'recalculation',
    name: 'Перерасчёт',
    duration: 15,
    bring: 'Паспорт; документы, подтверждающие отсутствие (билеты, справка); квитанции',
  },
  {
    code: 'documents',
    name: 'Справки и документы',
    duration: 15,
    bring: 'Паспорт; доверенность, если вы не собственник',
  },
] as const

export const appointmentsSchema: Migration = {
  name: '005_appointments',
  async up(knex: Knex) {
    await knex.schema.createTable('appointment_topics', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('code', 32).notNullable().unique()
      t.string('name', 120).notNullable()
      t.integer('duration_minutes').notNullable()
      t.string('what_to_bring', 500).notNullable().defaultTo('')
      t.boolean('active').notNullable().defaultTo(true)
      t.integer('sort').notNullable().defaultTo(0)
    })
    // The organisation's booking rules (one row).
    await knex.schema.createTable('appointment_rules', (t) => {
      t.integer('id').notNullable().primary()
      t.integer('slot_minutes').notNullable().defaultTo(15)
      t.integer('horizon_days').notNullable().defaultTo(30)
      t.integer('min_notice_minutes').notNullable().defaultTo(60)
      t.integer('max_future_per_customer').notNullable().defaultTo(2)
    })
    // Weekday 1 = Monday … 7 = Sunday; times 'HH:MM' in the organisation's zone.
    await knex.schema.createTable('office_schedules', (t) => {
      t.string('office_id', 36).notNullable().references('offices.id')
      t.integer('weekday').notNullable()
      t.string('opens', 5).notNullable()
      t.string('closes', 5).notNullable()
      t.string('break_from', 5).nullable()
      t.string('break_to', 5).nullable()
      t.integer('capacity').notNullable()
      t.primary(['office_id', 'weekday'])
    })
    // The production calendar: holidays, shortened pre-holiday days, working days moved to a weekend.
    await knex.schema.createTable('calendar_days', (t) => {
      t.string('date', 10).notNullable().primary()
      t.string('kind', 10).notNullable().checkIn(['holiday', 'short', 'workday'])
      t.string('name', 120).notNullable().defaultTo('')
    })
    await knex.schema.createTable('office_closures', (t) => {
      t.string('office_id', 36).notNullable().references('offices.id')
      t.string('date', 10).notNullable()
      t.string('reason', 200).notNullable()
      t.primary(['office_id', 'date'])
    })
    await knex.schema.createTable('appointments', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('office_id', 36).notNullable().references('offices.id')
      t.string('topic_id', 36).notNullable().references('appointment_topics.id')
      t.string('date', 10).notNullable()
      t.string('starts', 5).notNullable()
      t.string('ends', 5).notNullable()
      t.string('starts_at', 32).notNullable()
      t.string('account_id', 36).nullable().references('accounts.id')
      t.string('person_name', 200).notNullable()
      // The name lower-cased with ё as е: what the search matches (SQLite's lower() knows only ASCII).
      t.string('name_key', 200).notNullable()
      t.string('phone', 20).notNullable().defaultTo('')
      // Who the per-customer limit counts: 'account:<id>' or 'phone:<digits>'.
      t.string('customer_key', 60).notNullable()
      t.string('ticket_code', 8).notNullable()
      t.string('status', 12).notNullable().checkIn(['booked', 'arrived', 'served', 'cancelled', 'no_show'])
      t.string('cancel_reason', 300).nullable()
      t.string('rescheduled_from', 36).nullable()
      t.string('rescheduled_to', 36).nullable()
      t.string('created_by', 36).nullable()
      t.string('created_at', 32).notNullable()
      t.string('updated_at', 32).notNullable()
      t.unique(['office_id', 'date', 'ticket_code'])
      t.index(['office_id', 'date'], 'appointments_office_date')
      t.index(['customer_key', 'date'], 'appointments_customer')
      t.index(['account_id'], 'appointments_account')
      t.index(['phone'], 'appointments_phone')
    })
    // A booked seat on one step of the grid; freed (deleted) when the appointment is cancelled,
    // moved or missed. The primary key is what keeps a slot within its capacity.
    await knex.schema.createTable('appointment_seats', (t) => {
      t.string('office_id', 36).notNullable()
      t.string('date', 10).notNullable()
      t.string('time', 5).notNullable()
      t.integer('seat').notNullable()
      t.string('appointment_id', 36).notNullable().references('appointments.id')
      t.primary(['office_id', 'date', 'time', 'seat'])
      t.index(['appointment_id'], 'appointment_seats_appointment')
    })
    await knex('appointment_rules').insert({ id: 1 })
    await knex('appointment_topics').insert(
      DEFAULT_TOPICS.map((topic, i) => ({
        id: `00000000-0000-4000-8000-0000000000${String(i + 1).padStart(2, '0')}`,
        code: topic.code,
        name: topic.name,
        duration_minutes: topic.duration,
        what_to_bring: topic.bring,
        active: true,
        sort: i + 1,
      })),
    )
  },
}
