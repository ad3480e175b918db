// The office server's write policy: every change a desk pushes is checked against the policy of
// its table and operation (src/main/services/<capability>/write-policy.ts) before it is applied.
import type { Knex } from 'knex'
import type { Change } from '../../shared/domain/sync'
import { accountWritePolicies } from '../services/accounts/write-policy'
import { appointmentWritePolicies } from '../services/appointments/write-policy'
import { billingWritePolicies } from '../services/billing/write-policy'
import { cabinetWritePolicies } from '../services/cabinet/write-policy'
import { cashWritePolicies } from '../services/cash/write-policy'
import { clerkWritePolicies } from '../services/clerks/write-policy'
import {
  PolicyBatch,
  type DeskIdentity,
  type PolicyChange,
  type Refusal,
  type Row,
  type SessionClerk,
  type TablePolicies,
} from '../services/core/policy-kit'
import { coreWritePolicies } from '../services/core/write-policy'
import { SYNC_TABLES } from '../sync/tables'

export type { DeskIdentity, SessionClerk } from '../services/core/policy-kit'

export type Verdict = { id: string; ok: true } | { id: string; ok: false; reason: string }

/** Every shared table's policy; a table or an operation missing here is refused. */
export const WRITE_POLICIES: TablePolicies = {
  ...coreWritePolicies,
  ...clerkWritePolicies,
  ...accountWritePolicies,
  ...cabinetWritePolicies,
  ...billingWritePolicies,
  ...cashWritePolicies,
  ...appointmentWritePolicies,
}

const TABLES = new Map(SYNC_TABLES.map((t) => [t.name, t]))

function keyColumns(table: string): readonly string[] {
  const found = TABLES.get(table)
  if (!found) throw new Error(`Таблица «${table}» не участвует в обмене с сервером`)
  return found.key
}

/**
 * The change as a policy sees it, or the reason it cannot be one: its payload must be a JSON
 * object, and the key it names (the way applyChanges finds the row) must be the entity id.
 */
function parse(change: Change): PolicyChange | string {
  const table = TABLES.get(change.entity)
  if (!table || !WRITE_POLICIES[change.entity]) {
    return `Таблица «${change.entity}» не принимается от окон.`
  }
  if (change.op === 'refresh') return 'Начисления пересчитываются только операцией на сервере.'
  if (change.op !== 'insert' && change.op !== 'update' && change.op !== 'delete') {
    return 'Неизвестное действие с записью: обновите «Окно» на этом рабочем месте.'
  }
  let row: unknown
  try {
    row = JSON.parse(change.payload)
  } catch {
    row = null
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return 'Запись пришла повреждённой: обновите «Окно» на этом рабочем месте.'
  }
  const fields = row as Row
  let key = change.entityId
  if (table.key.every((k) => k in fields)) {
    key = table.key.map((k) => String(fields[k])).join('|')
  } else if (table.key.length > 1 || (change.op === 'insert' && !((table.key[0] as string) in fields))) {
    return 'В записи нет её ключа: обновите «Окно» на этом рабочем месте.'
  }
  if (key !== change.entityId) return 'Ключ записи не совпадает с тем, что указано в изменении.'
  return {
    id: change.id,
    entity: change.entity,
    op: change.op,
    row: fields,
    key,
    clerkId: change.clerkId ?? null,
  }
}

async function verdictOf(
  batch: PolicyBatch,
  change: Change,
): Promise<{ reason: Refusal; parsed?: PolicyChange }> {
  const parsed = parse(change)
  if (typeof parsed === 'string') return { reason: parsed }
  if (parsed.clerkId !== null && !batch.signedIn.has(parsed.clerkId)) {
    return {
      reason:
        'Сотрудник, сделавший изменение, не вошёл в систему на этом окне через сервер: войдите и повторите обмен.',
    }
  }
  const check = WRITE_POLICIES[parsed.entity]?.[parsed.op]
  if (!check) return { reason: `Такое изменение таблицы «${parsed.entity}» от окон не принимается.` }
  return { reason: await check(parsed, batch), parsed }
}

/** Reads up front, in one statement per table, the rows the batch's changes will look at most. */
async function prefetch(batch: PolicyBatch, changes: readonly Change[]): Promise<void> {
  const shifts = new Set<string>()
  const payments = new Set<string>()
  for (const change of changes) {
    if (change.op !== 'insert') continue
    if (change.entity === 'payments' || change.entity === 'cash_movements') {
      const shiftId = shiftIdOf(change.payload)
      if (shiftId) shifts.add(shiftId)
    } else if (change.entity === 'payment_allocations') {
      const paymentId = fieldOf(change.payload, 'payment_id')
      if (paymentId) payments.add(paymentId)
    }
  }
  for (const change of changes) if (change.entity === 'payments') payments.delete(change.entityId)
  await batch.prefetch('shifts', [...shifts])
  await batch.prefetch('payments', [...payments])
  // Every row the batch inserts or updates is looked up (is it there? what is it now?): one
  // statement per table, not one round trip per change (a 1,000-change push made ~900).
  const own = new Map<string, string[]>()
  for (const change of changes) {
    if (change.op !== 'insert' && change.op !== 'update') continue
    if (TABLES.get(change.entity)?.key.length !== 1) continue
    let keys = own.get(change.entity)
    if (!keys) own.set(change.entity, (keys = []))
    keys.push(change.entityId)
  }
  for (const [table, keys] of own) await batch.prefetch(table, keys)
}

function fieldOf(payload: string, field: string): string | null {
  try {
    const value = (JSON.parse(payload) as Row)[field]
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

const shiftIdOf = (payload: string): string | null => fieldOf(payload, 'shift_id')

/** Checks each change in order against the write policy of its table (a change sees the rows
 *  accepted before it in the same batch, and the server's rows); never writes. */
export async function checkChanges(
  trx: Knex.Transaction,
  desk: DeskIdentity,
  clerks: ReadonlyMap<string, SessionClerk>,
  changes: readonly Change[],
): Promise<Verdict[]> {
  const batch = new PolicyBatch(trx, desk, clerks, keyColumns)
  await prefetch(batch, changes)
  const verdicts: Verdict[] = []
  for (const change of changes) {
    const { reason, parsed } = await verdictOf(batch, change)
    if (reason === null && parsed) {
      await batch.accept(parsed)
      verdicts.push({ id: change.id, ok: true })
    } else {
      verdicts.push({ id: change.id, ok: false, reason: reason ?? 'Изменение не принято.' })
    }
  }
  return verdicts
}
