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
  NOT_SIGNED_IN,
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

async function verdictOf(batch: PolicyBatch, parsed: PolicyChange | string): Promise<Refusal> {
  if (typeof parsed === 'string') return parsed
  if (parsed.clerkId !== null && !batch.signedIn.has(parsed.clerkId)) {
    return NOT_SIGNED_IN
  }
  if (parsed.clerkId !== null && !(await batch.clerk(parsed.clerkId))?.active) {
    return 'Сотрудник, сделавший изменение, отключён на сервере: его изменения не принимаются.'
  }
  const check = WRITE_POLICIES[parsed.entity]?.[parsed.op]
  if (!check) return `Такое изменение таблицы «${parsed.entity}» от окон не принимается.`
  return check(parsed, batch)
}

/** The rows a change of `table` refers to by these fields (the parent it must belong to). */
const REFERENCES: Readonly<Record<string, ReadonlyArray<[field: string, table: string]>>> = {
  payments: [['shift_id', 'shifts']],
  cash_movements: [['shift_id', 'shifts']],
  payment_allocations: [['payment_id', 'payments']],
  readings: [['meter_id', 'meters']],
}

/**
 * Reads up front, one statement per table, the server's rows the batch's changes name or refer
 * to, so checking a push of a thousand payments costs a handful of queries, not one per change.
 */
async function prefetch(batch: PolicyBatch, changes: ReadonlyArray<PolicyChange | string>): Promise<void> {
  const wanted = new Map<string, Set<string>>()
  const want = (table: string, key: unknown): void => {
    if (typeof key !== 'string' || keyColumns(table).length !== 1) return
    let keys = wanted.get(table)
    if (!keys) wanted.set(table, (keys = new Set()))
    keys.add(key)
  }
  for (const change of changes) {
    if (typeof change === 'string') continue
    want(change.entity, change.key)
    for (const [field, table] of REFERENCES[change.entity] ?? []) want(table, change.row[field])
  }
  for (const [table, keys] of wanted) await batch.prefetch(table, [...keys])
}

/** Checks each change in order against the write policy of its table (a change sees the rows
 *  accepted before it in the same batch, and the server's rows); never writes. */
export async function checkChanges(
  trx: Knex.Transaction,
  desk: DeskIdentity,
  clerks: ReadonlyMap<string, SessionClerk>,
  changes: readonly Change[],
): Promise<Verdict[]> {
  const batch = new PolicyBatch(trx, desk, clerks, keyColumns)
  const parsed = changes.map(parse)
  await prefetch(batch, parsed)
  const verdicts: Verdict[] = []
  for (const [i, change] of changes.entries()) {
    const one = parsed[i] as PolicyChange | string
    const reason = await verdictOf(batch, one)
    if (reason === null && typeof one !== 'string') {
      await batch.accept(one)
      verdicts.push({ id: change.id, ok: true })
    } else {
      verdicts.push({ id: change.id, ok: false, reason: reason ?? 'Изменение не принято.' })
    }
  }
  return verdicts
}
