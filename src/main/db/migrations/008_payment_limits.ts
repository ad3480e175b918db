// What an operator may take alone at the cash desk (issue 12 item 15): above the factor × the
// account's debt (or × its month's bill, when larger), or above the advance limit, a supervisor
// confirms the payment. The organisation sets both; these defaults are the centre's practice.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const paymentLimitsSchema: Migration = {
  name: '008_payment_limits',
  async up(knex: Knex) {
    await knex.schema.alterTable('organisation', (t) => {
      t.integer('payment_supervisor_factor').notNullable().defaultTo(3)
      t.bigInteger('advance_limit_kopecks').notNullable().defaultTo(10_000_000)
    })
  },
}
