// The cash desk: shifts per counter with their cash movements and Z-reports, and the payments
// ledger extended with the shift, the receipt number, the idempotency key and the cash tendered.
import type { Knex } from 'knex'
import type { Migration } from './types'

const IMMUTABLE = 'Z-отчёт после закрытия смены не изменяется'

async function forbidChanges(knex: Knex, table: string): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION ${table}_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${IMMUTABLE}'; END $$`)
    await knex.raw(
      `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${table}_immutable()`,
    )
    return
  }
  for (const op of ['UPDATE', 'DELETE']) {
    await knex.raw(
      `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
       BEGIN SELECT RAISE(ABORT, '${IMMUTABLE}'); END`,
    )
  }
}

export const cashSchema: Migration = {
  name: '004_cash',
  async up(knex: Knex) {
    await knex.schema.createTable('shifts', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('office_id', 36).notNullable().references('offices.id')
      t.integer('counter_number').notNullable()
      // Numbered per counter of an office: the Z-report carries the same number.
      t.integer('number').notNullable()
      t.string('workstation_id', 36).notNullable()
      t.string('business_date', 10).notNullable()
      t.string('opened_at', 32).notNullable()
      t.string('opened_by', 36).notNullable().references('clerks.id')
      t.bigInteger('float_kopecks').notNullable()
      // The last receipt number given in this shift (receipts are numbered 1, 2, … per shift).
      t.integer('last_receipt_no').notNullable().defaultTo(0)
      t.string('closed_at', 32).nullable()
      t.string('closed_by', 36).nullable().references('clerks.id')
      t.bigInteger('counted_kopecks').nullable()
      t.bigInteger('expected_kopecks').nullable()
      t.string('confirmed_by', 36).nullable().references('clerks.id')
      t.unique(['office_id', 'counter_number', 'number'])
      // One open shift per counter, enforced by the database.
      t.unique(['office_id', 'counter_number'], {
        indexName: 'shifts_one_open_per_counter',
        predicate: knex.whereNull('closed_at'),
      })
    })
    await knex.schema.createTable('cash_movements', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('shift_id', 36).notNullable().references('shifts.id')
      t.string('kind', 8).notNullable().checkIn(['cash_in', 'cash_out'])
      t.bigInteger('amount_kopecks').notNullable()
      t.string('reason', 32).notNullable()
      t.string('comment', 300).notNullable().defaultTo('')
      t.string('clerk_id', 36).notNullable().references('clerks.id')
      t.string('at', 32).notNullable()
      t.index(['shift_id'], 'cash_movements_shift')
    })
    await knex.schema.createTable('z_reports', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('shift_id', 36).notNullable().unique().references('shifts.id')
      t.integer('number').notNullable()
      t.string('closed_at', 32).notNullable()
      // The report's figures as they were at closing (JSON), and their SHA-256.
      t.text('content').notNullable()
      t.string('content_hash', 64).notNullable()
    })
    await forbidChanges(knex, 'z_reports')
    await knex.schema.alterTable('payments', (t) => {
      // No foreign key: SQLite would rebuild the whole ledger to add one; the service sets it.
      t.string('shift_id', 36).nullable()
      t.integer('receipt_no').nullable()
      // «офис-окно-смена-чек»: unique across the counters of every office.
      t.string('receipt_number', 40).nullable()
      t.string('idempotency_key', 36).nullable()
      t.string('request_hash', 64).nullable()
      t.string('clerk_id', 36).nullable()
      t.string('payer_name', 200).notNullable().defaultTo('')
      t.string('period', 7).nullable()
      t.bigInteger('tendered_kopecks').nullable()
      t.bigInteger('change_kopecks').nullable()
      t.string('reason', 300).notNullable().defaultTo('')
      t.string('confirmed_by', 36).nullable()
      t.string('printed_at', 32).nullable()
      // The fiscal register's answer (JSON: РН ККТ, ФН, ФД, ФП, QR), when one is configured.
      t.text('fiscal').nullable()
      t.unique(['idempotency_key'], { indexName: 'payments_idempotency_key' })
      t.unique(['shift_id', 'receipt_no'], { indexName: 'payments_shift_receipt' })
      t.unique(['receipt_number'], { indexName: 'payments_receipt_number' })
      t.unique(['reverses_id'], { indexName: 'payments_one_reversal' })
      t.index(['business_date'], 'payments_business_date')
    })
  },
}
