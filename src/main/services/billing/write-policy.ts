// The office server's write policy for billing: a desk takes meter readings (a newer one
// supersedes the older) and replaces meters; tariffs, norms, services, the charge run and its
// charges, and opening balances change only by the server's operations.
import {
  type PolicyBatch,
  type PolicyChange,
  type Refusal,
  type TablePolicies,
  actorOf,
  knownColumns,
  serverOnly,
  signedBy,
  updatedBy,
} from '../core/policy-kit'

async function readingInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const row = change.row
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'clerk_id', batch)
  if (refusal) return refusal
  if (row.status !== 'active' || (row.kind !== 'regular' && row.kind !== 'start')) {
    return 'Показание принимается только новым, действующим: заменённые показания отмечает сервер.'
  }
  const meter = typeof row.meter_id === 'string' ? await batch.row('meters', row.meter_id) : undefined
  if (!meter) return 'Показание не принимается: прибора учёта нет на сервере.'
  if (meter.account_id !== row.account_id) return 'Показание должно относиться к счёту своего прибора учёта.'
  return null
}

async function readingUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // Readings only add up; the one change a desk makes is the older reading of a period marked
  // superseded by the newer one taken the same period (it arrives right after this change).
  const actor = updatedBy(
    change,
    batch,
    ['status', 'superseded_by'],
    'Показание изменить нельзя: обмен с окна лишь отмечает прежнее показание заменённым новым.',
  )
  if (typeof actor === 'string') return actor
  if (change.row.status !== 'superseded' || typeof change.row.superseded_by !== 'string') {
    return 'Прежнее показание отмечается только заменённым новым показанием.'
  }
  const current = await batch.row('readings', change.key)
  if (!current) return 'Заменяемого показания нет на сервере.'
  return null
}

async function meterInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // A new meter arrives only when a clerk replaces one while taking readings.
  const refusal = await knownColumns(change, batch)
  if (refusal) return refusal
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  if (change.row.status !== 'active') return 'Новый прибор учёта принимается только действующим.'
  const account =
    typeof change.row.account_id === 'string' ? await batch.row('accounts', change.row.account_id) : undefined
  return account ? null : 'Прибор учёта не принимается: лицевого счёта нет на сервере.'
}

async function meterUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // The one update a desk makes: the old meter marked replaced by the new one it installed.
  const actor = updatedBy(
    change,
    batch,
    ['status', 'removed_on', 'replaced_by'],
    'Прибор учёта изменить с окна можно только заменой на новый.',
  )
  if (typeof actor === 'string') return actor
  const { row } = change
  if (row.status !== 'replaced' || typeof row.replaced_by !== 'string') {
    return 'Прибор учёта с окна отмечается только заменённым новым прибором.'
  }
  const old = await batch.row('meters', change.key)
  const fresh = await batch.row('meters', row.replaced_by)
  if (!old || !fresh) return 'Заменяемого или нового прибора учёта нет на сервере.'
  if (old.account_id !== fresh.account_id)
    return 'Новый прибор учёта должен стоять на том же счёте, что и прежний.'
  return null
}

export const billingWritePolicies: TablePolicies = {
  readings: {
    insert: readingInsert,
    update: readingUpdate,
    delete: () => 'Показание не удаляется: показания только добавляются, новое заменяет прежнее.',
  },
  meters: {
    insert: meterInsert,
    update: meterUpdate,
    delete: () => 'Прибор учёта не удаляется: его заменяют новым.',
  },
  tariffs: serverOnly('Тарифы меняются'),
  norms: serverOnly('Нормативы меняются'),
  services: serverOnly('Услуги меняются'),
  charge_runs: serverOnly('Расчёт начислений выполняется'),
  charges: serverOnly('Начисления меняются'),
  charge_lines: serverOnly('Начисления меняются'),
  opening_balances: serverOnly('Входящие остатки меняются'),
}
