import type { Knex } from 'knex'

/** One schema step. Runs inside its own transaction; a failure stops the whole run. */
export interface Migration {
  name: string
  up(knex: Knex): Promise<void>
}
