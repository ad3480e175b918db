// The office server (okno-server). On every store: the outbox remembers which clerk made each
// change, so the server can check it was one signed in at that desk. On the office server
// (PostgreSQL) only: the change log keeps the same clerk; enrolled desks with the hash of their
// credential, one-time enrollment codes (hashed), clerks' sessions opened through a desk (the
// token hashed), and the log of changes the write policy refused, for the administrator.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const officeServerSchema: Migration = {
  name: '009_office_server',
  async up(knex: Knex) {
    await knex.schema.alterTable('outbox', (t) => {
      t.string('clerk_id', 36).nullable()
    })
    if (knex.client.config.client !== 'pg') return
    await knex.schema.alterTable('sync_changes', (t) => {
      t.string('clerk_id', 36).nullable()
    })
    await knex.schema.createTable('server_desks', (t) => {
      t.string('id', 36).primary()
      // The desk's own audit chain and outbox origin: bound at enrollment, never taken from a request.
      t.string('workstation_id', 36).notNullable().unique()
      t.string('office_id', 36).notNullable().references('id').inTable('offices')
      t.string('counter_id', 36).notNullable().references('id').inTable('counters')
      t.string('name', 200).notNullable()
      t.string('secret_hash', 64).notNullable()
      t.string('created_at', 32).notNullable()
      t.string('last_seen_at', 32).nullable()
      t.string('revoked_at', 32).nullable()
    })
    await knex.schema.createTable('server_enrollments', (t) => {
      t.string('id', 36).primary()
      t.string('code_hash', 64).notNullable().unique()
      t.string('office_id', 36).notNullable().references('id').inTable('offices')
      t.string('counter_id', 36).notNullable().references('id').inTable('counters')
      t.string('created_at', 32).notNullable()
      t.string('expires_at', 32).notNullable()
      t.string('used_at', 32).nullable()
      t.string('desk_id', 36).nullable()
      t.string('created_by', 64).notNullable()
    })
    await knex.schema.createTable('server_sessions', (t) => {
      t.string('token_hash', 64).primary()
      t.string('desk_id', 36).notNullable().references('id').inTable('server_desks')
      t.string('clerk_id', 36).notNullable().references('id').inTable('clerks')
      t.string('created_at', 32).notNullable()
      t.string('last_seen_at', 32).notNullable()
      t.string('ended_at', 32).nullable()
      t.index(['desk_id', 'clerk_id'])
    })
    await knex.schema.createTable('server_refusals', (t) => {
      t.bigIncrements('id').primary()
      t.string('at', 32).notNullable()
      t.string('desk_id', 36).notNullable()
      t.string('clerk_id', 36).nullable()
      t.string('change_id', 36).notNullable()
      t.string('entity', 32).notNullable()
      t.string('op', 8).notNullable()
      t.string('reason', 500).notNullable()
      t.index(['at'])
    })
  },
}
