// What an account's debt is made of, per service: the opening balances, the charges up to a month
// and everything paid so far; and the months it was charged for.
import type { Knex } from 'knex'

export interface DebtRows {
  /** Every service, in the usual order. */
  services: Array<{ id: string; code: string; name: string }>
  opening: Array<{ service_id: string; amount_kopecks: number }>
  /** Oldest first. */
  charges: Array<{ service_id: string; period: string; amount_kopecks: number }>
  paid: Array<{ service_id: string; s: number | string }>
}

export async function debtRows(db: Knex, accountId: string, upToPeriod: string): Promise<DebtRows> {
  const [services, opening, charges, paid] = await Promise.all([
    db('services').select('id', 'code', 'name').orderBy('sort') as Promise<DebtRows['services']>,
    db('opening_balances').where({ account_id: accountId }).select('service_id', 'amount_kopecks') as Promise<
      DebtRows['opening']
    >,
    db('charges')
      .where({ account_id: accountId })
      .where('period', '<=', upToPeriod)
      .select('service_id', 'period', 'amount_kopecks')
      .orderBy('period') as Promise<DebtRows['charges']>,
    db('payment_allocations')
      .where({ account_id: accountId })
      .groupBy('service_id')
      .select('service_id')
      .sum({ s: 'amount_kopecks' }) as Promise<DebtRows['paid']>,
  ])
  return { services, opening, charges, paid }
}

/** The months charged to an account, oldest first. */
export async function chargedPeriods(db: Knex, accountId: string): Promise<string[]> {
  const rows = (await db('charges')
    .where({ account_id: accountId })
    .distinct('period')
    .orderBy('period')) as Array<{ period: string }>
  return rows.map((r) => r.period)
}
