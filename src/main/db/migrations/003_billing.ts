// Meter readings and the monthly charges that follow from them: readings with their checks'
// outcome, tariffs and norms by period, charges with their lines and runs, and the minimal
// payments ledger the balance reads (the cash desk fills it).
import type { Knex } from 'knex'
import type { Migration } from './types'

export const billingSchema: Migration = {
  name: '003_billing',
  async up(knex: Knex) {
    await knex.schema.alterTable('organisation', (t) => {
      // The monthly acceptance window for readings (days of the month) and the anomaly factor.
      t.integer('reading_window_from').notNullable().defaultTo(15)
      t.integer('reading_window_to').notNullable().defaultTo(25)
      t.integer('anomaly_factor').notNullable().defaultTo(3)
    })
    await knex.schema.alterTable('services', (t) => {
      // A service's own window, where it differs from the organisation's.
      t.integer('reading_window_from').nullable()
      t.integer('reading_window_to').nullable()
    })
    await knex.schema.alterTable('meters', (t) => {
      t.integer('fraction_digits').notNullable().defaultTo(0)
      t.string('removed_on', 10).nullable()
      t.string('replaced_by', 36).nullable()
    })
    // Water and gas meters show three decimals; electricity meters whole kilowatt-hours.
    await knex('meters')
      .whereIn(
        'service_id',
        knex('services').select('id').whereIn('code', ['cold_water', 'hot_water', 'gas']),
      )
      .update({ fraction_digits: 3 })

    await knex.schema.createTable('readings', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('meter_id', 36).notNullable().references('meters.id')
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('period', 7).notNullable()
      t.string('taken_on', 10).notNullable()
      t.string('source', 8).notNullable().checkIn(['office', 'phone', 'web', 'import'])
      t.string('kind', 8).notNullable().checkIn(['regular', 'start', 'final'])
      // Values per zone in thousandths of the unit (zones 2 and 3 only on multi-zone meters).
      t.bigInteger('zone1_milli').notNullable()
      t.bigInteger('zone2_milli').nullable()
      t.bigInteger('zone3_milli').nullable()
      t.boolean('rollover').notNullable()
      // A later reading of the same meter and period replaced this one; both stay in history.
      t.string('status', 12).notNullable().checkIn(['active', 'superseded'])
      t.string('superseded_by', 36).nullable()
      t.boolean('anomaly').notNullable()
      t.boolean('review').notNullable()
      // False when the meter's verification had lapsed: stored, not used for billing.
      t.boolean('billable').notNullable()
      t.string('clerk_id', 36).nullable()
      t.string('created_at', 32).notNullable()
      t.index(['meter_id', 'period'], 'readings_meter_period')
      t.index(['account_id', 'period'], 'readings_account_period')
    })
    await knex.schema.createTable('tariffs', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('service_id', 36).notNullable().references('services.id')
      t.integer('zone').notNullable()
      t.string('valid_from', 7).notNullable()
      t.integer('price_kopecks').notNullable()
      t.unique(['service_id', 'zone', 'valid_from'])
    })
    await knex.schema.createTable('norms', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('service_id', 36).notNullable().references('services.id')
      t.string('valid_from', 7).notNullable()
      t.string('basis', 8).notNullable().checkIn(['resident', 'area'])
      t.bigInteger('quantity_micro').notNullable()
      t.unique(['service_id', 'valid_from'])
    })
    await knex.schema.createTable('charge_runs', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('period', 7).notNullable()
      t.string('started_at', 32).notNullable()
      t.string('finished_at', 32).nullable()
      t.integer('accounts').notNullable().defaultTo(0)
      t.integer('changed').notNullable().defaultTo(0)
      t.string('clerk_id', 36).nullable()
      t.index(['period'], 'charge_runs_period')
    })
    await knex.schema.createTable('charges', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('service_id', 36).notNullable().references('services.id')
      t.string('period', 7).notNullable()
      t.string('basis', 16)
        .notNullable()
        .checkIn(['reading', 'average', 'norm', 'norm_x1_5', 'recalculation'])
      t.bigInteger('amount_kopecks').notNullable()
      t.string('run_id', 36).notNullable()
      t.string('computed_at', 32).notNullable()
      t.unique(['account_id', 'period', 'service_id'])
      t.index(['period'], 'charges_period')
    })
    await knex.schema.createTable('charge_lines', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('charge_id', 36).notNullable().references('charges.id').onDelete('CASCADE')
      t.string('account_id', 36).notNullable()
      t.string('service_id', 36).notNullable()
      t.string('period', 7).notNullable()
      t.string('meter_id', 36).nullable()
      t.integer('zone').notNullable()
      t.string('kind', 16).notNullable().checkIn(['reading', 'average', 'norm', 'norm_x1_5', 'recalculation'])
      t.bigInteger('volume_milli').notNullable()
      t.integer('price_kopecks').notNullable()
      t.bigInteger('amount_kopecks').notNullable()
      // For a recalculation: the periods whose estimates it takes back (comma-separated).
      t.string('ref_periods', 200).notNullable().defaultTo('')
      t.index(['charge_id'], 'charge_lines_charge')
      // Lines are found through their charge; only the estimates are looked up by account.
      // What a charge run reads back: the estimates a late reading may take back (a tenth of the lines).
      t.index(['account_id', 'period'], 'charge_lines_estimated', {
        predicate: knex.whereRaw("kind IN ('average', 'norm') AND meter_id IS NOT NULL"),
      })
    })
    // Debt carried over from before the first charged period (positive = owed).
    await knex.schema.createTable('opening_balances', (t) => {
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('service_id', 36).notNullable().references('services.id')
      t.string('as_of_period', 7).notNullable()
      t.bigInteger('amount_kopecks').notNullable()
      t.primary(['account_id', 'service_id'])
    })
    // The payments ledger the balance reads; the cash desk (shifts, receipts) extends it.
    await knex.schema.createTable('payments', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('account_id', 36).notNullable().references('accounts.id')
      t.string('business_date', 10).notNullable()
      t.string('paid_at', 32).notNullable()
      // Positive for money received; a reversal is a negative row linked to the original.
      t.bigInteger('amount_kopecks').notNullable()
      t.string('kind', 10).notNullable().checkIn(['payment', 'reversal'])
      t.string('source', 10).notNullable().checkIn(['cash', 'bank', 'post', 'import'])
      t.string('reverses_id', 36).nullable()
      t.string('created_at', 32).notNullable()
      t.index(['account_id', 'business_date'], 'payments_account_date')
    })
    await knex.schema.createTable('payment_allocations', (t) => {
      t.string('id', 36).notNullable().primary()
      t.string('payment_id', 36).notNullable().references('payments.id')
      t.string('account_id', 36).notNullable()
      t.string('service_id', 36).notNullable().references('services.id')
      t.bigInteger('amount_kopecks').notNullable()
      t.index(['payment_id'], 'payment_allocations_payment')
      t.index(['account_id'], 'payment_allocations_account')
    })
  },
}
