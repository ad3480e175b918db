// What an account owes per service and which months are still unpaid: opening debt and charges,
// oldest first, covered by everything paid on that service so far (first in, first out).
import type { Knex } from 'knex'
import type { ServiceDebt } from '../../../shared/cash/allocation'
import { debtRows } from '../../db/repositories/account-debts'
import type { ServiceContext } from '../core/context'

/** The opening balance stands as the month before its period, so it is paid first. */
const OPENING = '0000-00'

export async function serviceDebts(
  ctx: ServiceContext,
  accountId: string,
  upToPeriod: string,
  db: Knex = ctx.db.knex,
): Promise<ServiceDebt[]> {
  const { services, opening, charges, paid } = await debtRows(db, accountId, upToPeriod)
  const months = new Map<string, Array<{ period: string; amount: number }>>()
  const add = (serviceId: string, period: string, amount: number): void => {
    const list = months.get(serviceId) ?? []
    list.push({ period, amount })
    months.set(serviceId, list)
  }
  for (const o of opening) add(o.service_id, OPENING, Number(o.amount_kopecks))
  for (const c of charges) add(c.service_id, c.period, Number(c.amount_kopecks))
  const paidBy = new Map(paid.map((p) => [p.service_id, Number(p.s)]))

  return services
    .filter((s) => months.has(s.id) || paidBy.has(s.id))
    .map((s) => {
      const list = months.get(s.id) ?? []
      const charged = list.reduce((a, m) => a + m.amount, 0)
      let cover = paidBy.get(s.id) ?? 0
      const unpaid: ServiceDebt['unpaid'] = []
      for (const m of list) {
        const take = Math.max(0, Math.min(cover, m.amount))
        cover -= take
        if (m.amount - take > 0) unpaid.push({ period: m.period, unpaidKopecks: m.amount - take })
      }
      const last = list.filter((m) => m.period !== OPENING).at(-1)
      return {
        serviceId: s.id,
        serviceCode: s.code,
        serviceName: s.name,
        debtKopecks: charged - (paidBy.get(s.id) ?? 0),
        unpaid,
        lastChargeKopecks: last?.amount ?? 0,
      }
    })
}
