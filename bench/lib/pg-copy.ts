// Copies a demo SQLite database into a migrated PostgreSQL one: every shared table in the order of
// SYNC_TABLES (parents first), read in pages in key order (keyset on the key columns) and written
// with insertRows' json_populate_recordset, the next page read while this one is written. The
// columns are the ones both sides have (a bench database built before a migration lacks its
// columns, which then take their defaults; a table it lacks keeps the migration's rows).
import type { Knex } from 'knex'
import type { Db } from '../../src/main/db/connection'
import { SYNC_TABLES, type SyncTable } from '../../src/main/sync/tables'
import { fmt } from './report'

const PAGE = 20_000
/** A long table reports its progress this often. */
const PROGRESS_EVERY_MS = 15_000

type Row = Record<string, unknown>

async function sqliteColumns(source: Db, table: string): Promise<string[]> {
  const rows = (await source.knex.raw(`PRAGMA table_info("${table}")`)) as Array<{ name: string }>
  return rows.map((r) => r.name)
}

async function pgColumns(target: Db, table: string): Promise<string[]> {
  const result = (await target.knex.raw(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  )) as { rows: Array<{ name: string }> }
  return result.rows.map((r) => r.name)
}

interface Page {
  /** The rows as one JSON array of objects, made by SQLite (no per-value work here). */
  json: string
  count: number
  /** The key of the page's last row; null when no rows follow. */
  last: unknown[] | null
}

/**
 * The next page after `after` in key order: its last key first (a read of the key's index
 * alone), then the rows up to it as one JSON text.
 */
async function readPage(
  source: Db,
  table: SyncTable,
  columns: readonly string[],
  after: unknown[] | null,
): Promise<Page | null> {
  const key = table.key.map((k) => `"${k}"`).join(', ')
  const marks = table.key.map(() => '?').join(', ')
  const from = after ? `(${key}) > (${marks})` : '1'
  const params = (after ?? []) as Knex.Value[]
  const [bound] = (await source.knex.raw(
    `SELECT ${key} FROM "${table.name}" WHERE ${from} ORDER BY ${key} LIMIT 1 OFFSET ${PAGE - 1}`,
    params,
  )) as Row[]
  const last = bound ? table.key.map((k) => bound[k]) : null
  const object = columns.map((c) => `'${c}', "${c}"`).join(', ')
  const [page] = (await source.knex.raw(
    `SELECT json_group_array(json_object(${object})) AS json, count(*) AS n FROM "${table.name}"
     WHERE ${from}${last ? ` AND (${key}) <= (${marks})` : ''}`,
    [...params, ...((last ?? []) as Knex.Value[])],
  )) as Array<{ json: string; n: number }>
  if (!page || page.n === 0) return null
  return { json: page.json, count: page.n, last }
}

/** Row count estimate of a SQLite table (its largest rowid: a count(*) of millions takes seconds). */
async function estimate(source: Db, table: string): Promise<number> {
  const [row] = (await source.knex.raw(`SELECT max(rowid) AS n FROM "${table}"`)) as Array<{
    n: number | null
  }>
  return Number(row?.n ?? 0)
}

async function copyTable(
  source: Db,
  target: Db,
  table: SyncTable,
  columns: readonly string[],
  superuser: boolean,
): Promise<number> {
  const expected = await estimate(source, table.name)
  const started = performance.now()
  let reported = started
  let done = 0
  let indexSeconds = 0
  let indexCount = 0
  await target.knex.transaction(async (trx) => {
    // A bulk load: no wait for the WAL's flush at each statement; and, where allowed, no foreign
    // key triggers (the rows come from a consistent database, parents first).
    await trx.raw('SET LOCAL synchronous_commit = off')
    if (superuser) await trx.raw('SET LOCAL session_replication_role = replica')
    // The secondary indexes are built once at the end from the whole table, not row by row.
    const indexes = (
      (await trx.raw(
        `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
         WHERE t.relname = ? AND t.relnamespace = current_schema()::regnamespace
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
        [table.name],
      )) as { rows: Array<{ name: string; definition: string }> }
    ).rows
    for (const ix of indexes) await trx.raw(`DROP INDEX "${ix.name}"`)
    const list = columns.map((c) => `"${c}"`).join(', ')
    let page = await readPage(source, table, columns, null)
    while (page) {
      const next = page.last ? readPage(source, table, columns, page.last) : Promise.resolve(null)
      // The statement insertRows makes (db/bulk.ts), given SQLite's JSON as it is.
      await trx.raw(
        `INSERT INTO "${table.name}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table.name}", ?::json)`,
        [page.json],
      )
      done += page.count
      const now = performance.now()
      if (now - reported >= PROGRESS_EVERY_MS) {
        reported = now
        const share = expected > 0 ? ` из ~${fmt(expected)} (${fmt((100 * done) / expected)} %)` : ''
        console.log(
          `    ${table.name}: ${fmt(done)}${share}, ${fmt(done / ((now - started) / 1000))} строк/с`,
        )
      }
      page = await next
    }
    const indexing = performance.now()
    for (const ix of indexes) await trx.raw(ix.definition)
    indexSeconds = (performance.now() - indexing) / 1000
    indexCount = indexes.length
  })
  const seconds = (performance.now() - started) / 1000
  if (done > 0) {
    console.log(
      `  ${table.name.padEnd(20)} ${fmt(done).padStart(12)} строк за ${fmt(seconds, 1).padStart(7)} с` +
        ` (${fmt(done / Math.max(seconds, 0.001))} строк/с` +
        `${indexCount > 0 ? `; из них ${indexCount} индекс(а) ${fmt(indexSeconds, 1)} с` : ''})`,
    )
  }
  return done
}

/** Copies every shared table of `source` into `target` (migrated, holding only what migrations add). */
export async function copySqliteToPg(source: Db, target: Db): Promise<number> {
  const [role] = (
    (await target.knex.raw('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')) as {
      rows: Array<{ rolsuper: boolean }>
    }
  ).rows
  const superuser = role?.rolsuper === true
  if (!superuser)
    console.log('  (не суперпользователь: внешние ключи проверяются при копировании — медленнее)')

  const plan: Array<{ table: SyncTable; columns: string[] }> = []
  const missing: string[] = []
  for (const table of SYNC_TABLES) {
    const have = new Set(await sqliteColumns(source, table.name))
    if (have.size === 0) {
      missing.push(table.name)
      continue
    }
    const columns = (await pgColumns(target, table.name)).filter((c) => have.has(c))
    plan.push({ table, columns })
  }
  if (missing.length > 0) {
    console.log(`  нет в исходной базе (остаются строки миграций): ${missing.join(', ')}`)
  }
  // The rows the migrations put into the copied tables (the source has its own).
  await target.knex.raw(`TRUNCATE ${plan.map((p) => `"${p.table.name}"`).join(', ')} CASCADE`)

  let total = 0
  for (const { table, columns } of plan) total += await copyTable(source, target, table, columns, superuser)
  return total
}
