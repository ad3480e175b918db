// Writers for generated demo rows. The SQLite writer keeps a few prepared INSERTs in flight on
// the raw driver, so generating the next batch overlaps with SQLite writing this one; the knex
// writer is the path used for PostgreSQL (and for SQLite inside a knex transaction).
import type { Knex } from 'knex'
import type { Dialect } from '../db/connection'
import { insertRows } from '../db/bulk'
import { DEMO_COLUMNS, type DemoSink, type DemoTable, type Row } from './tables'

interface RawStatement {
  run(params: unknown[], cb: (err: Error | null) => void): void
  finalize(cb?: () => void): void
}
export interface RawSqlite {
  prepare(sql: string, cb: (err: Error | null) => void): RawStatement
}

const IN_FLIGHT = 4

export class SqliteBulkSink implements DemoSink {
  private readonly statements = new Map<DemoTable, RawStatement>()
  private readonly pending: Array<Promise<void>> = []

  constructor(private readonly conn: RawSqlite) {}

  // One bound parameter per batch: the rows as a JSON array, unpacked by SQLite's jsonb_each
  // Binding thousands of separate values through the driver costs more than writing them.
  private async statement(table: DemoTable): Promise<RawStatement> {
    const cached = this.statements.get(table)
    if (cached) return cached
    const cols = DEMO_COLUMNS[table]
    const values = cols.map((_, i) => `value ->> ${i}`).join(', ')
    const sql = `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${values} FROM jsonb_each(?)`
    const stmt = await new Promise<RawStatement>((resolve, reject) => {
      const s = this.conn.prepare(sql, (err) => (err ? reject(err) : resolve(s)))
    })
    this.statements.set(table, stmt)
    return stmt
  }

  async insert(table: DemoTable, rows: Row[]): Promise<void> {
    const stmt = await this.statement(table)
    const json = JSON.stringify(rows)
    this.pending.push(
      new Promise((resolve, reject) => stmt.run([json], (err) => (err ? reject(err) : resolve()))),
    )
    if (this.pending.length >= IN_FLIGHT) await this.pending.shift()
  }

  async finish(): Promise<void> {
    await Promise.all(this.pending.splice(0))
    for (const s of this.statements.values()) await new Promise<void>((r) => s.finalize(() => r()))
    this.statements.clear()
  }
}

export class KnexSink implements DemoSink {
  constructor(
    private readonly trx: Knex | Knex.Transaction,
    private readonly dialect: Dialect,
  ) {}

  // One JSON parameter per batch (db/bulk.ts): a year of history is a few hundred rows per
  // account, and knex's multi-row inserts made seeding the tests' PostgreSQL databases several
  // times slower.
  async insert(table: DemoTable, rows: Row[]): Promise<void> {
    await insertRows(this.trx, this.dialect, table, DEMO_COLUMNS[table], rows)
  }
}
