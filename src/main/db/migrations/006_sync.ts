// The office sync. On every store: outbox rows the server refused are marked failed (they wait
// for a supervisor instead of blocking the queue), and a small key/value table keeps the
// workstation's pull cursor and download state. On the office server (PostgreSQL) only: the
// change log every workstation pulls from, numbered by a sequence; `change_id` is the outbox
// row's UUID, so a batch pushed twice is applied once.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const syncSchema: Migration = {
  name: '006_sync',
  async up(knex: Knex) {
    await knex.schema.alterTable('outbox', (t) => {
      t.string('failed_at', 32).nullable()
    })
    await knex.schema.createTable('sync_state', (t) => {
      t.string('key', 32).notNullable().primary()
      t.text('value').notNullable()
    })
    if (knex.client.config.client !== 'pg') return
    await knex.schema.createTable('sync_changes', (t) => {
      t.bigIncrements('seq').primary()
      t.string('change_id', 36).notNullable().unique()
      // The workstation that pushed it (its own pull skips it); null for a change made on the
      // server directly (booking, cabinet registration, shift close), which every desk pulls.
      t.string('origin', 36).nullable()
      t.string('entity', 32).notNullable()
      t.string('entity_id', 64).notNullable()
      t.string('op', 8).notNullable()
      t.text('payload').notNullable()
      t.string('created_at', 32).notNullable()
      t.timestamp('received_at', { useTz: true }).notNullable().defaultTo(knex.fn.now())
    })
  },
}
