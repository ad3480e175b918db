// Brings a database to the current schema: every pending migration in order, each in its own
// transaction, stopping at the first failure.
import type { Knex } from 'knex'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/types'

const source: Knex.MigrationSource<Migration> = {
  getMigrations: () => Promise.resolve([...MIGRATIONS]),
  getMigrationName: (m) => m.name,
  getMigration: (m) =>
    Promise.resolve({
      up: (knex: Knex) => m.up(knex),
      down: () => Promise.reject(new Error('Откат схемы не поддерживается')),
    }),
}

const TABLE = 'okno_migrations'

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource: source, tableName: TABLE })) as [
    number,
    string[],
  ]
  return applied
}

/** The schema version: how many migrations this database has applied. */
export async function schemaVersion(knex: Knex): Promise<number> {
  if (!(await knex.schema.hasTable(TABLE))) return 0
  const row = (await knex(TABLE).count({ n: '*' }).first()) as { n: number | string } | undefined
  return Number(row?.n ?? 0)
}

export const CURRENT_SCHEMA_VERSION = MIGRATIONS.length
