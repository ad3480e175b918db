// The server's schema version against the desk's, the tables the office shares, and which
// failures the worker retries.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../../src/main/db/connection'
import { CURRENT_SCHEMA_VERSION, migrateToLatest } from '../../../../src/main/db/migrate'
import { describeServerError, isTransient } from '../../../../src/main/sync/errors'
import { directChainId, schemaMismatch, serverUrl } from '../../../../src/main/sync/server'
import { LOCAL_TABLES, SYNC_TABLES } from '../../../../src/main/sync/tables'

describe('schemaMismatch', () => {
  it('accepts the same version', () => {
    expect(schemaMismatch(CURRENT_SCHEMA_VERSION)).toBeNull()
  })
  it('says the server is newer and that this desk must be updated', () => {
    expect(schemaMismatch(7, 6)).toBe(
      'Схема базы на сервере новее (версия 7), чем у этого рабочего места (версия 6): обновите «Окно» на этом рабочем месте.',
    )
  })
  it('says the server is older and how to update it', () => {
    expect(schemaMismatch(5, 6)).toContain('на сервере старее (версия 5)')
    expect(schemaMismatch(5, 6)).toContain('npm run server:migrate')
  })
  it('says when the server has no schema at all', () => {
    expect(schemaMismatch(0, 6)).toContain('нет базы «Окна»')
  })
})

describe('isTransient and describeServerError', () => {
  const pgError = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code })
  it.each([
    ['ECONNREFUSED', true],
    ['ECONNRESET', true],
    ['57P01', true], // admin shutdown
    ['57014', true], // statement timeout
    ['08006', true], // connection failure
    ['40001', true], // serialization failure
    ['23505', false], // unique violation: the row's own fault
    ['23503', false], // foreign key
    ['22P02', false], // bad text representation
    ['42P01', false], // no such table
  ])('%s → transient %s', (code, transient) => {
    expect(isTransient(pgError(code))).toBe(transient)
  })
  it('treats a terminated connection without a code as transient', () => {
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isTransient(new Error('something else'))).toBe(false)
  })
  it('words the usual failures in Russian and keeps the server text of a refusal', () => {
    expect(describeServerError(pgError('ECONNREFUSED'))).toBe(
      'Сервер отделения не отвечает (соединение отклонено).',
    )
    expect(describeServerError(pgError('57014'))).toContain('тайм-ауту')
    expect(describeServerError(pgError('23505', 'duplicate key value violates unique constraint "x"'))).toBe(
      'Сервер отклонил изменение: duplicate key value violates unique constraint "x"',
    )
  })
})

describe('serverUrl and directChainId', () => {
  it('escapes the password and names the database', () => {
    const url = serverUrl({
      host: 'office-1',
      port: 5433,
      database: 'okno',
      user: 'desk',
      password: 'p@ss/w:rd',
    })
    const parsed = new URL(url)
    expect(parsed.hostname).toBe('office-1')
    expect(parsed.port).toBe('5433')
    expect(parsed.pathname).toBe('/okno')
    expect(decodeURIComponent(parsed.password)).toBe('p@ss/w:rd')
  })
  it('derives a stable UUID-shaped chain id per desk, different from the desk id', () => {
    const desk = '0190f2a4-1111-7000-8000-000000000001'
    const chain = directChainId(desk)
    expect(chain).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(chain).toBe(directChainId(desk))
    expect(chain).not.toBe(directChainId('0190f2a4-1111-7000-8000-000000000002'))
  })
})

describe('the shared tables', () => {
  let dir: string
  let db: Db
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okno-sync-tables-'))
    db = openDb({ client: 'sqlite', filename: join(dir, 'okno.sqlite') })
    await migrateToLatest(db.knex)
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('every table of the schema is either shared or named local: a new table cannot be forgotten', async () => {
    const rows = (await db.knex.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )) as Array<{ name: string }>
    const known = new Set([...SYNC_TABLES.map((t) => t.name), ...LOCAL_TABLES])
    expect(rows.map((r) => r.name).filter((n) => !known.has(n))).toEqual([])
  })

  it('each shared table is listed after the tables its foreign keys point to', async () => {
    const order = new Map(SYNC_TABLES.map((t, i) => [t.name, i]))
    for (const table of SYNC_TABLES) {
      const fks = (await db.knex.raw(`PRAGMA foreign_key_list("${table.name}")`)) as Array<{ table: string }>
      for (const fk of fks) {
        if (fk.table === table.name) continue
        expect(order.get(fk.table), `${table.name} → ${fk.table}`).toBeLessThan(
          order.get(table.name) as number,
        )
      }
    }
  })

  it("each shared table's key is its primary key", async () => {
    for (const table of SYNC_TABLES) {
      const cols = (await db.knex.raw(`PRAGMA table_info("${table.name}")`)) as Array<{
        name: string
        pk: number
      }>
      const pk = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name)
      expect(pk, table.name).toEqual([...table.key])
    }
  })
})
