// The few SQL expressions that differ between SQLite and PostgreSQL; repositories use these and
// stay otherwise the same on both.
import type { Knex } from 'knex'
import type { Dialect } from './connection'

/** `column` contains `needle` (a plain string, no wildcards). */
export function containsSql(knex: Knex, dialect: Dialect, column: string, needle: string): Knex.Raw {
  return dialect === 'pg'
    ? knex.raw('strpos(??, ?) > 0', [column, needle])
    : knex.raw('instr(??, ?) > 0', [column, needle])
}

/** `column` contains `needle`, but not at its start. */
export function containsInsideSql(knex: Knex, dialect: Dialect, column: string, needle: string): Knex.Raw {
  return dialect === 'pg'
    ? knex.raw('strpos(??, ?) > 1', [column, needle])
    : knex.raw('instr(??, ?) > 1', [column, needle])
}

/**
 * `column` starts with `prefix`, in a form each engine answers from an index: a byte range on
 * SQLite (BINARY collation), LIKE on a text_pattern_ops index on PostgreSQL.
 */
export function startsWithSql(knex: Knex, dialect: Dialect, column: string, prefix: string): Knex.Raw {
  if (dialect === 'pg') {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`)
    return knex.raw('?? LIKE ?', [column, `${escaped}%`])
  }
  return knex.raw('(?? >= ? AND ?? < ?)', [column, prefix, column, `${prefix}\uffff`])
}
