// The personal cabinet at the counter: passports (encrypted, found by a keyed hash), cabinets
// and the accounts attached to them, consents, and the identity checks that guard a reset.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const cabinetSchema: Migration = {
  name: '002_cabinet',
  async up(knex: Knex) {
    await knex.schema.alterTable('organisation', (t) => {
      t.string('cabinet_url', 200).notNullable().defaultTo('')
    })
    await knex.schema.createTable('person_documents', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('person_id', 36).notNullable().references('persons.id')
      t.string('kind', 16).notNullable().checkIn(['passport_rf'])
      // HMAC-SHA-256 of the series and number under the workstation key: equality lookup only.
      t.string('number_hmac', 64).notNullable()
      // What the desk shows without an audited reveal (src/shared/passport.ts maskPassport).
      t.string('masked', 20).notNullable()
      // AES-256-GCM of the whole document (iv, tag and ciphertext, base64), and the key it used.
      t.text('sealed').notNullable()
      t.string('key_id', 16).notNullable()
      t.string('created_at', 32).notNullable()
      t.string('created_by', 36).nullable()
      // A newer document of the same person replaces this one; the old stays for history.
      t.string('replaced_at', 32).nullable()
      t.index(['person_id'], 'person_documents_person')
      t.index(['number_hmac'], 'person_documents_hmac')
    })
    // A passport number belongs to one person: at most one current document per number.
    await knex.raw(
      'CREATE UNIQUE INDEX person_documents_current ON person_documents (kind, number_hmac) WHERE replaced_at IS NULL',
    )
    await knex.schema.createTable('cabinets', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('login', 254).notNullable().unique()
      t.string('password_hash', 300).notNullable()
      t.boolean('must_change').notNullable()
      t.string('status', 8).notNullable().checkIn(['active', 'blocked'])
      t.string('person_id', 36).notNullable().references('persons.id')
      t.string('email', 254).nullable()
      t.string('phone', 16).nullable()
      t.string('created_at', 32).notNullable()
      t.string('created_by', 36).nullable()
      t.string('updated_at', 32).notNullable()
      t.string('password_changed_at', 32).notNullable()
      // One cabinet per person: another account of theirs is attached to it, not given a second.
      t.unique(['person_id'], { indexName: 'cabinets_person' })
    })
    await knex.schema.createTable('cabinet_accounts', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('cabinet_id', 36).notNullable().references('cabinets.id')
      // An account is in at most one cabinet.
      t.string('account_id', 36).notNullable().unique().references('accounts.id')
      t.string('attached_at', 32).notNullable()
      t.string('attached_by', 36).nullable()
      t.index(['cabinet_id'], 'cabinet_accounts_cabinet')
    })
    // 152-ФЗ: a consent beyond the contract (notifications) is a separate, recorded act.
    await knex.schema.createTable('consents', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('person_id', 36).notNullable().references('persons.id')
      t.string('cabinet_id', 36).nullable().references('cabinets.id')
      t.string('kind', 32).notNullable().checkIn(['notifications'])
      t.string('channels', 32).notNullable()
      t.string('given_at', 32).notNullable()
      t.string('clerk_id', 36).nullable()
      t.string('withdrawn_at', 32).nullable()
      t.index(['person_id'], 'consents_person')
    })
    // Each identity check before a password reset; three failures on one account in a business
    // day block further attempts until a supervisor unblocks.
    await knex.schema.createTable('identity_checks', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('business_date', 10).notNullable()
      t.string('at', 32).notNullable()
      t.string('result', 8).notNullable().checkIn(['passed', 'failed'])
      t.string('clerk_id', 36).nullable()
      t.index(['account_id', 'business_date'], 'identity_checks_account_day')
    })
    await knex.schema.createTable('reset_unblocks', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('business_date', 10).notNullable()
      t.string('at', 32).notNullable()
      t.string('clerk_id', 36).notNullable()
      t.string('reason', 500).notNullable()
      t.index(['account_id', 'business_date'], 'reset_unblocks_account_day')
    })
  },
}
