// The office server's write policy for the audit log and the organisation's own records: a desk
// only appends to its own audit chain, continuing it from the server's head with the right hash;
// the organisation, its offices and counters change only by the server's operations.
import type { AuditRow } from '../../db/repositories/audit-log'
import { entryHash, GENESIS_HASH } from './audit'
import {
  knownColumns,
  serverOnly,
  type PolicyBatch,
  type PolicyChange,
  type Refusal,
  type TablePolicies,
} from './policy-kit'

/**
 * Entries that name a clerk other than the one making the call, as a correct desk writes them:
 * a sign-in is recorded before anyone is signed in (or while the previous clerk still is), a
 * failed sign-in and a lockout name the clerk whose login was tried, a failed fiscal receipt
 * names the payment's clerk. The clerk named must still be one of the server's.
 */
const NAMES_ANOTHER_CLERK = new Set([
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_in_refused',
  'session.unlock_failed',
  'session.unlock_refused',
  'clerk.login_locked',
  'fiscal.failed',
])

async function clerkOfEntry(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const named = change.row.clerk_id
  if (named == null || named === change.clerkId) return null
  if (typeof named === 'string' && NAMES_ANOTHER_CLERK.has(String(change.row.action))) {
    return (await batch.clerk(named)) ? null : 'Запись журнала называет сотрудника, которого нет на сервере.'
  }
  return 'Запись журнала подписана другим сотрудником, а не тем, кто вошёл в систему на этом окне: такая запись не принимается.'
}

async function auditInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const refusal = await knownColumns(change, batch)
  if (refusal) return refusal
  const row = change.row as unknown as AuditRow
  if (row.workstation_id !== batch.desk.workstationId) {
    return 'Запись журнала действий другого рабочего места не принимается: окно пишет только в свою цепочку журнала.'
  }
  const signed = await clerkOfEntry(change, batch)
  if (signed) return signed
  const head = await batch.auditHead()
  if (row.seq !== head.seq + 1 || row.prev_hash !== (head.hash ?? GENESIS_HASH)) {
    return `Запись журнала действий не продолжает цепочку этого окна на сервере (на сервере последняя запись № ${head.seq}, пришла № ${String(row.seq)}): журнал окна не сходится с сервером, обратитесь к администратору.`
  }
  const { hash, ...rest } = row
  if (typeof row.details !== 'string' || entryHash(rest) !== hash) {
    return 'Запись журнала действий не сходится со своей контрольной суммой: запись изменена, она не принимается.'
  }
  return null
}

export const coreWritePolicies: TablePolicies = {
  audit_log: {
    insert: auditInsert,
    update: () => 'Журнал действий не изменяется: записи только добавляются.',
    delete: () => 'Запись журнала действий не удаляется: записи только добавляются.',
  },
  organisation: serverOnly('Сведения об организации меняются'),
  offices: serverOnly('Отделения меняются'),
  counters: serverOnly('Окна отделений меняются'),
}
