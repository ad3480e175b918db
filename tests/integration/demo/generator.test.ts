// The demo generator: the same options give the same rows on every machine and on both engines,
// and the rows hang together (keys, owners, meters, the organisation's requisites).
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '../../../src/main/db/connection'
import { buildDemoSqlite } from '../../../src/main/demo/build'
import { DEMO_CLERKS } from '../../../src/main/demo/credentials'
import type { DemoOptions } from '../../../src/main/demo/generator'
import {
  isValidBic,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidSettlementAccount,
} from '../../../src/shared/requisites'
import { foldForSearch } from '../../../src/shared/text/normalize'
import { DEMO, describeEachDatabase } from '../../helpers/database'

const HASHED_TABLES = ['accounts', 'persons', 'meters', 'account_persons', 'addresses', 'streets']

/** A hash of the rows of the generated tables, ordered by id, booleans as 0/1 (as SQLite has them). */
async function contentHash(db: Db): Promise<string> {
  const hash = createHash('sha256')
  for (const table of HASHED_TABLES) {
    const rows = ((await db.knex(table).select('*')) as Array<Record<string, unknown>>).sort((a, b) =>
      String(a.id) < String(b.id) ? -1 : 1,
    )
    for (const row of rows) {
      const values = Object.keys(row)
        .sort()
        .map((k) => (typeof row[k] === 'boolean' ? Number(row[k]) : row[k]))
      hash.update(JSON.stringify([table, values]))
    }
  }
  return hash.digest('hex')
}

let dir: string
let built = 0
async function buildAndHash(options: DemoOptions): Promise<string> {
  const filename = join(dir, `demo-${++built}.sqlite`)
  await buildDemoSqlite(filename, options)
  const db = openDb({ client: 'sqlite', filename })
  try {
    return await contentHash(db)
  } finally {
    await db.close()
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okno-demo-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('demo generator determinism', () => {
  it('builds identical rows from the same seed, size and date, and different rows from another seed', async () => {
    const options = { accounts: 500, asOf: DEMO.asOf, seed: 7 }
    const first = await buildAndHash(options)
    expect(await buildAndHash(options)).toBe(first)
    expect(await buildAndHash({ ...options, seed: 8 })).not.toBe(first)
  })
})

describeEachDatabase('demo data', (getCtx) => {
  it('holds the same rows as a fresh SQLite build with the same options', async () => {
    expect(await contentHash(getCtx().db)).toBe(await buildAndHash(DEMO))
  })

  it('has no dangling references', async () => {
    const { knex, dialect } = getCtx().db
    if (dialect === 'sqlite') expect(await knex.raw('PRAGMA foreign_key_check')).toEqual([])
    const orphans: Array<[string, string, string]> = [
      ['addresses', 'street_id', 'streets'],
      ['accounts', 'address_id', 'addresses'],
      ['accounts', 'office_id', 'offices'],
      ['account_persons', 'account_id', 'accounts'],
      ['account_persons', 'person_id', 'persons'],
      ['meters', 'account_id', 'accounts'],
      ['meters', 'service_id', 'services'],
      ['clerks', 'office_id', 'offices'],
    ]
    for (const [table, column, parent] of orphans) {
      const rows = await knex(`${table} as c`)
        .leftJoin(`${parent} as p`, 'p.id', `c.${column}`)
        .whereNotNull(`c.${column}`)
        .whereNull('p.id')
        .count({ n: '*' })
      expect(Number(rows[0]!.n), `${table}.${column}`).toBe(0)
    }
  })

  it('gives every account at least one owner, with equal shares adding up to the whole', async () => {
    const { knex } = getCtx().db
    const owners = (await knex('account_persons')
      .where('owner', true)
      .select('account_id', 'share')) as Array<{
      account_id: string
      share: string
    }>
    const byAccount = new Map<string, string[]>()
    for (const o of owners) byAccount.set(o.account_id, [...(byAccount.get(o.account_id) ?? []), o.share])
    expect(byAccount.size).toBe(DEMO.accounts)
    for (const shares of byAccount.values())
      expect(shares.every((s) => s === `1/${shares.length}`)).toBe(true)
  })

  it('gives meters one or two zones (two on electricity only)', async () => {
    const { knex } = getCtx().db
    const zones = (await knex('meters as m')
      .join('services as s', 's.id', 'm.service_id')
      .distinct('m.zones', 's.code')) as Array<{ zones: number; code: string }>
    expect(new Set(zones.map((z) => Number(z.zones)))).toEqual(new Set([1, 2]))
    for (const z of zones.filter((z) => Number(z.zones) === 2)) expect(z.code).toBe('electricity')
  })

  it('spreads verification dates so some lapsed and some are due soon', async () => {
    const { knex } = getCtx().db
    const lapsed = await knex('meters').where('next_verification_on', '<', DEMO.asOf).count({ n: '*' })
    const later = await knex('meters').where('next_verification_on', '>', '2027-01-21').count({ n: '*' })
    expect(Number(lapsed[0]!.n)).toBeGreaterThan(0)
    expect(Number(later[0]!.n)).toBeGreaterThan(0)
  })

  it('keeps the search keys folded from the names', async () => {
    const { knex } = getCtx().db
    const persons = (await knex('persons')
      .select('surname', 'first_name', 'patronymic', 'surname_key', 'first_name_key', 'patronymic_key')
      .limit(500)) as Array<Record<string, string>>
    const words = new Set(
      ((await knex('name_words').select('word')) as Array<{ word: string }>).map((w) => w.word),
    )
    for (const p of persons) {
      expect(p.surname_key).toBe(foldForSearch(p.surname!))
      expect(p.first_name_key).toBe(foldForSearch(p.first_name!))
      expect(words.has(p.surname_key!) && words.has(p.first_name_key!) && words.has(p.patronymic_key!)).toBe(
        true,
      )
    }
    const streets = (await knex('streets').select('kind', 'name', 'search_key')) as Array<
      Record<string, string>
    >
    for (const s of streets) expect(s.search_key).toBe(foldForSearch(`${s.kind} ${s.name}`))
  })

  it('has an organisation whose requisites pass the checks', async () => {
    const { knex } = getCtx().db
    const org = (await knex('organisation').first()) as Record<string, string>
    expect(isValidInn(org.inn!)).toBe(true)
    expect(isValidKpp(org.kpp!)).toBe(true)
    expect(isValidBic(org.bic!)).toBe(true)
    expect(isValidSettlementAccount(org.settlement_account!, org.bic!)).toBe(true)
    expect(isValidCorrespondentAccount(org.correspondent_account!, org.bic!)).toBe(true)
    expect(org.time_zone).toBe('Europe/Simferopol')
    expect(Boolean(org.is_demo)).toBe(true)
  })

  it('has the demo clerks, with hashed passwords', async () => {
    const { knex } = getCtx().db
    const clerks = (await knex('clerks')
      .whereIn(
        'login',
        DEMO_CLERKS.map((c) => c.login),
      )
      .select('login', 'role', 'password_hash')) as Array<Record<string, string>>
    expect(clerks.map((c) => [c.login, c.role]).sort()).toEqual(
      DEMO_CLERKS.map((c) => [c.login, c.role]).sort(),
    )
    for (const c of clerks) expect(c.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/)
  })
})
