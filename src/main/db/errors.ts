// Database errors as the desk handles them: a unique-constraint violation from either engine, and
// an error made fit for a log or a clerk's screen — the driver's words, never a bound value.
import type { Knex } from 'knex'

/** Two counters racing for the same record: the loser's insert refused by the database. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; message?: string }
  if (e.code === '23505') return true
  return e.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? '')
}

/** The statement of a failed query, with placeholders only; kept apart from the message. */
const SQL = Symbol('okno.sql')

type QueryError = Error & { [SQL]?: string }

/**
 * With `compileSqlOnError: false` knex prefixes the statement (placeholders, no values) to the
 * driver's message. The statement is moved aside here, so a message passed on to a clerk, the
 * outbox or the status line is the driver's alone; `loggableError` still names the statement.
 */
export function keepSqlApart(knex: Knex): void {
  knex.client.on('query-error', (err: QueryError, query: { sql?: string }) => {
    const prefix = `${query.sql ?? ''} - `
    if (query.sql && typeof err.message === 'string' && err.message.startsWith(prefix)) {
      err.message = err.message.slice(prefix.length)
      err[SQL] = query.sql
    }
  })
}

/**
 * PostgreSQL quotes the offending value in the messages of its «data exception» class (22…:
 * `invalid input syntax for type uuid: "…"`, `value "…" is out of range`); those quotes go.
 */
export function withoutValues(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(err)
  return typeof e?.code === 'string' && e.code.startsWith('22') ? message.replace(/"[^"]*"/g, '«…»') : message
}

/**
 * One line (and the stack's frames) for a log: name, code, the driver's message without values,
 * where it failed. PostgreSQL's `detail` and `where` are left out: they quote the failing row.
 */
export function loggableError(err: unknown): string {
  if (!(err instanceof Error)) return withoutValues(err)
  const e = err as QueryError & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown }
  const facts = [
    typeof e.code === 'string' ? `код ${e.code}` : null,
    typeof e.table === 'string' ? `таблица ${e.table}` : null,
    typeof e.column === 'string' ? `поле ${e.column}` : null,
    typeof e.constraint === 'string' ? `ограничение ${e.constraint}` : null,
    e[SQL] ? `запрос: ${e[SQL]}` : null,
  ].filter((f) => f !== null)
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return [
    `${err.name}: ${withoutValues(err)}${facts.length ? ` (${facts.join('; ')})` : ''}`,
    ...frames,
  ].join('\n')
}
