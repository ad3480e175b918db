// The core schema: organisation and its offices, clerks, the address register, accounts and the
// people on them, services and meters, the audit log and the outbox.
import type { Knex } from 'knex'
import type { Migration } from './types'

const createdAt = (t: Knex.CreateTableBuilder): void => {
  t.string('created_at', 32).notNullable()
}

export const coreSchema: Migration = {
  name: '001_core',
  async up(knex) {
    await knex.schema.createTable('organisation', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('name', 300).notNullable()
      t.string('short_name', 160).notNullable()
      t.string('inn', 12).notNullable()
      t.string('kpp', 9).notNullable()
      t.string('bank_name', 160).notNullable()
      t.string('bic', 9).notNullable()
      t.string('settlement_account', 20).notNullable()
      t.string('correspondent_account', 20).notNullable()
      t.string('address', 300).notNullable()
      t.string('phone', 40).notNullable()
      t.string('time_zone', 64).notNullable()
      t.integer('account_number_length').notNullable()
      t.integer('verification_warning_days').notNullable()
      t.boolean('is_demo').notNullable()
      createdAt(t)
    })
    await knex.schema.createTable('offices', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('code', 16).notNullable().unique()
      t.string('name', 160).notNullable()
      t.string('address', 300).notNullable()
      t.string('phone', 40).notNullable()
      createdAt(t)
    })
    await knex.schema.createTable('counters', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('office_id', 36).notNullable().references('offices.id')
      t.integer('number').notNullable()
      t.string('name', 80).notNullable()
      createdAt(t)
      t.unique(['office_id', 'number'])
    })
    await knex.schema.createTable('clerks', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('login', 64).notNullable().unique()
      t.string('full_name', 200).notNullable()
      t.string('role', 16).notNullable().checkIn(['operator', 'supervisor', 'administrator'])
      t.string('password_hash', 300).notNullable()
      t.string('office_id', 36).nullable().references('offices.id')
      t.boolean('active').notNullable()
      t.integer('failed_attempts').notNullable().defaultTo(0)
      t.string('locked_until', 32).nullable()
      createdAt(t)
      t.string('updated_at', 32).notNullable()
    })
    await knex.schema.createTable('streets', (t) => {
      t.string('id', 36).notNullable().primary()
      // The city or settlement as printed before the street: «г. Севастополь», «г. Балаклава».
      t.string('locality', 80).notNullable()
      t.string('kind', 32).notNullable()
      t.string('name', 160).notNullable()
      // Folded «kind name» («улица острякова»): what the address search matches against.
      t.string('search_key', 200).notNullable()
      t.string('office_id', 36).nullable().references('offices.id')
      createdAt(t)
    })
    await knex.schema.createTable('addresses', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('street_id', 36).notNullable().references('streets.id')
      t.string('house', 16).notNullable()
      t.string('house_key', 16).notNullable()
      t.integer('house_sort').notNullable()
      t.string('apartment', 16).nullable()
      t.integer('apartment_sort').notNullable()
      t.string('postcode', 6).nullable()
      createdAt(t)
      // One index serves both «this street» (in house order) and «this house» (house_sort is
      // computed from the typed house number, see houseSortKey).
      t.index(['street_id', 'house_sort', 'house_key', 'apartment_sort'], 'addresses_street_house')
    })
    await knex.schema.createTable('accounts', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('number', 20).notNullable().unique()
      t.string('address_id', 36).notNullable().references('addresses.id')
      t.string('office_id', 36).nullable().references('offices.id')
      t.string('status', 8).notNullable().checkIn(['open', 'closed'])
      t.integer('area_centi_sqm').notNullable()
      t.string('opened_on', 10).notNullable()
      t.string('closed_on', 10).nullable()
      createdAt(t)
      t.string('updated_at', 32).notNullable()
      t.index(['address_id'], 'accounts_address')
    })
    await knex.schema.createTable('persons', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('surname', 80).notNullable()
      t.string('first_name', 80).notNullable()
      t.string('patronymic', 80).nullable()
      t.string('birth_date', 10).nullable()
      // Folded name parts (lower case, ё = е): the keys the name search joins on.
      t.string('surname_key', 80).notNullable()
      t.string('first_name_key', 80).notNullable()
      t.string('patronymic_key', 80).notNullable()
      t.string('phone', 20).nullable()
      t.string('email', 254).nullable()
      createdAt(t)
      t.string('updated_at', 32).notNullable()
      t.index(['surname_key', 'first_name_key', 'patronymic_key'], 'persons_name')
      t.index(['first_name_key', 'surname_key'], 'persons_first_name')
      t.index(['patronymic_key', 'surname_key'], 'persons_patronymic')
    })
    // Every distinct folded name part: the small dictionary a fragment is first looked up in.
    await knex.schema.createTable('name_words', (t) => {
      t.string('word', 80).notNullable().primary()
    })
    // One row per person on an account: an owner (with a share), registered there, or both.
    await knex.schema.createTable('account_persons', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('person_id', 36).notNullable().references('persons.id')
      t.boolean('owner').notNullable()
      t.string('share', 16).nullable()
      t.boolean('registered').notNullable()
      t.string('registered_since', 10).nullable()
      createdAt(t)
      t.unique(['account_id', 'person_id'])
      t.index(['person_id'], 'account_persons_person')
      t.check('?? OR ??', ['owner', 'registered'], 'account_persons_has_role')
    })
    await knex.schema.createTable('services', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('code', 32).notNullable().unique()
      t.string('name', 120).notNullable()
      t.string('unit', 16).notNullable()
      t.boolean('metered').notNullable()
      t.integer('sort').notNullable()
    })
    await knex.schema.createTable('meters', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('service_id', 36).notNullable().references('services.id')
      t.string('serial', 40).notNullable()
      t.integer('zones').notNullable().checkBetween([1, 3])
      t.integer('digit_capacity').notNullable().checkBetween([4, 9])
      t.string('installed_on', 10).notNullable()
      t.string('next_verification_on', 10).notNullable()
      t.string('status', 10).notNullable().checkIn(['active', 'replaced', 'removed'])
      createdAt(t)
      t.string('updated_at', 32).notNullable()
      t.index(['account_id'], 'meters_account')
    })
    await knex.schema.createTable('audit_log', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('workstation_id', 36).notNullable()
      t.integer('seq').notNullable()
      t.string('at', 32).notNullable()
      t.string('clerk_id', 36).nullable()
      t.string('action', 64).notNullable()
      t.string('object_type', 32).nullable()
      t.string('object_id', 64).nullable()
      t.text('details').notNullable()
      t.string('prev_hash', 64).notNullable()
      t.string('hash', 64).notNullable()
      t.unique(['workstation_id', 'seq'])
    })
    await knex.schema.createTable('outbox', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('entity', 32).notNullable()
      t.string('entity_id', 64).notNullable()
      t.string('op', 8).notNullable().checkIn(['insert', 'update', 'delete'])
      t.text('payload').notNullable()
      createdAt(t)
      t.string('sent_at', 32).nullable()
      t.integer('attempts').notNullable().defaultTo(0)
      t.text('last_error').nullable()
      t.index(['sent_at', 'id'], 'outbox_pending')
    })
    if (knex.client.config.client === 'pg') {
      // PostgreSQL's default collation makes prefix ranges unreliable: prefix searches there use
      // LIKE 'x%', which needs pattern-ops indexes.
      await knex.raw('CREATE INDEX accounts_number_prefix ON accounts (number text_pattern_ops)')
      await knex.raw('CREATE INDEX name_words_prefix ON name_words (word text_pattern_ops)')
    }
  },
}
