// The one SQL layer is a lint rule (eslint.config.mjs): a service that builds a query fails
// `npm run lint`; the same code in a repository passes, and a service opening a transaction and
// calling a repository passes.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: join(__dirname, '../../..') })

async function sqlErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

const QUERY_IN_SERVICE = `import type { Knex } from 'knex'
export async function paid(trx: Knex.Transaction, id: string): Promise<unknown> {
  return trx('payments').where({ id }).first()
}
`

describe('the SQL layer rule', () => {
  it('refuses a query built in a service, in Russian, pointing at the repositories', async () => {
    expect(await sqlErrors(QUERY_IN_SERVICE, 'src/main/services/cash/example.ts')).toEqual([
      'Запрос к базе строится в src/main/db/repositories/, не в сервисе.',
    ])
  })

  it('refuses ctx.db.knex(…) and raw SQL in a service', async () => {
    const code = `import type { ServiceContext } from '../core/context'
export async function count(ctx: ServiceContext): Promise<unknown> {
  await ctx.db.knex.raw('SELECT 1')
  return ctx.db.knex('payments').count()
}
`
    expect(await sqlErrors(code, 'src/main/services/cash/example.ts')).toHaveLength(2)
  })

  it('lets a repository build the same query', async () => {
    expect(await sqlErrors(QUERY_IN_SERVICE, 'src/main/db/repositories/example.ts')).toEqual([])
  })

  it('lets a service open a transaction and call a repository', async () => {
    const code = `import type { ServiceContext } from '../core/context'
import { paymentById } from '../../db/repositories/payments'
export async function paid(ctx: ServiceContext, id: string): Promise<unknown> {
  return ctx.db.knex.transaction((trx) => paymentById(trx, id))
}
`
    expect(await sqlErrors(code, 'src/main/services/cash/example.ts')).toEqual([])
  })
})
