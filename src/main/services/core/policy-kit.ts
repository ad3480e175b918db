// What every table's write policy (services/<capability>/write-policy.ts) is made of: the change
// as a policy sees it, the batch it is checked in (rows accepted before it, the server's rows,
// read once per batch) and the checks several tables share. Joined in src/main/server/policy.ts.
import type { Knex } from 'knex'
import { roleAtLeast, type ClerkRole } from '../../../shared/domain/clerk'
import { chainHead } from '../../db/repositories/audit-log'
import { findClerkById } from '../../db/repositories/clerks'
import { openShiftIdAt, rowsByKeys, tableColumns } from '../../db/repositories/write-policy-lookups'

export type Row = Record<string, unknown>

/** The pushing desk as the server knows it (from `server_desks`, never from the request body). */
export interface DeskIdentity {
  deskId: string
  workstationId: string
  officeId: string
  counterId: string
  counterNumber: number
}

/** A clerk signed in at the pushing desk, with the server's own role for him. */
export interface SessionClerk {
  id: string
  role: ClerkRole
  officeId: string | null
}

export type RowOp = 'insert' | 'update' | 'delete'

/** A pushed change as a policy checks it: its payload parsed, its row's key known. */
export interface PolicyChange {
  id: string
  entity: string
  op: RowOp
  /** The row (insert, delete) or the changed fields (update). */
  row: Row
  /** The row's key values joined with «|» (the entity id for a one-column key). */
  key: string
  clerkId: string | null
}

/** Null accepts the change; a string refuses it with this Russian reason. */
export type Refusal = string | null
export type OpCheck = (change: PolicyChange, batch: PolicyBatch) => Promise<Refusal> | Refusal
export type TablePolicy = Partial<Record<RowOp, OpCheck>>
export type TablePolicies = Readonly<Record<string, TablePolicy>>

export interface ServerClerk {
  id: string
  role: ClerkRole
  active: boolean
}

/**
 * One push's view of the server: the server's rows (each read once), overlaid by the rows the
 * changes accepted so far in this batch inserted, updated or deleted. Never writes.
 */
export class PolicyBatch {
  private readonly accepted = new Map<string, Map<string, Row | null>>()
  private readonly server = new Map<string, Map<string, Row | undefined>>()
  private readonly serverClerks = new Map<string, ServerClerk | undefined>()
  private head: { seq: number; hash: string | null } | undefined
  private openShift: Promise<string | undefined> | undefined

  constructor(
    readonly trx: Knex.Transaction,
    readonly desk: DeskIdentity,
    readonly signedIn: ReadonlyMap<string, SessionClerk>,
    private readonly keyColumns: (table: string) => readonly string[],
  ) {}

  /** The row of `table` under `key` as it stands after the changes accepted so far. */
  async row(table: string, key: string): Promise<Row | undefined> {
    const mine = this.accepted.get(table)
    if (mine?.has(key)) return mine.get(key) ?? undefined
    let known = this.server.get(table)
    if (!known) this.server.set(table, (known = new Map()))
    if (!known.has(key)) {
      const columns = this.keyColumns(table)
      const found = await rowsByKeys(this.trx, table, columns, [key.split('|')])
      known.set(key, found.get(key))
    }
    return known.get(key)
  }

  /** Reads the server's rows of `keys` in one statement, so later `row` calls find them here. */
  async prefetch(table: string, keys: readonly string[]): Promise<void> {
    let known = this.server.get(table)
    if (!known) this.server.set(table, (known = new Map()))
    const missing = [...new Set(keys)].filter((k) => !known.has(k) && !this.accepted.get(table)?.has(k))
    if (missing.length === 0) return
    const found = await rowsByKeys(
      this.trx,
      table,
      this.keyColumns(table),
      missing.map((k) => k.split('|')),
    )
    for (const k of missing) known.set(k, found.get(k))
  }

  /** The clerk as the server's `clerks` table has him (the role is the server's, never the desk's). */
  async clerk(id: string): Promise<ServerClerk | undefined> {
    if (!this.serverClerks.has(id)) {
      const row = await findClerkById(this.trx, id)
      this.serverClerks.set(id, row && { id: row.id, role: row.role, active: Boolean(row.active) })
    }
    return this.serverClerks.get(id)
  }

  /** The id of the open shift of the desk's counter on the server, read once per batch. */
  serverOpenShiftId(): Promise<string | undefined> {
    this.openShift ??= openShiftIdAt(this.trx, this.desk.officeId, this.desk.counterNumber)
    return this.openShift
  }

  /** The rows of `table` this batch has accepted so far (inserted or updated, not deleted). */
  acceptedRows(table: string): Row[] {
    return [...(this.accepted.get(table)?.values() ?? [])].filter((r): r is Row => r !== null)
  }

  /** The head of the desk's own audit chain: the server's, then the entries accepted in this batch. */
  async auditHead(): Promise<{ seq: number; hash: string | null }> {
    if (!this.head) {
      const head = await chainHead(this.trx, this.desk.workstationId)
      this.head = head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: null }
    }
    return this.head
  }

  columns(table: string): Promise<ReadonlySet<string>> {
    return tableColumns(this.trx, table)
  }

  /** «отделению «Балаклава», окно 3»: the desk's place, for refusal reasons. */
  async deskPlace(): Promise<string> {
    const office = await this.row('offices', this.desk.officeId)
    return `отделению «${String(office?.name ?? this.desk.officeId)}», окно ${this.desk.counterNumber}`
  }

  /** Records an accepted change, so the changes after it in the batch see its row. */
  async accept(change: PolicyChange): Promise<void> {
    let mine = this.accepted.get(change.entity)
    if (!mine) this.accepted.set(change.entity, (mine = new Map()))
    if (change.op === 'insert') {
      // The store ignores an insert of a row it has: the row that stays is the existing one.
      const existing = await this.row(change.entity, change.key)
      mine.set(change.key, existing ?? change.row)
      if (change.entity === 'audit_log' && !existing) {
        this.head = { seq: Number(change.row.seq), hash: String(change.row.hash) }
      }
    } else if (change.op === 'update') {
      const current = await this.row(change.entity, change.key)
      if (current) mine.set(change.key, { ...current, ...change.row })
    } else {
      mine.set(change.key, null)
    }
  }
}

/** A policy for every operation that refuses each one with `reason`. */
export function refusedAlways(reason: string): TablePolicy {
  const check: OpCheck = () => reason
  return { insert: check, update: check, delete: check }
}

/** Tables desks never change: only a server operation run by a clerk with the right role. */
export function serverOnly(subject: string): TablePolicy {
  return refusedAlways(`${subject} только операцией на сервере «Окно» с нужной ролью, не обменом с окна.`)
}

/** The delete of an append-only table's row, refused. */
export function noDelete(reason: string): OpCheck {
  return () => reason
}

/** Refuses an update that changes a field outside `allowed` (the key's own fields aside). */
export function onlyFields(change: PolicyChange, allowed: readonly string[], reason: string): Refusal {
  for (const field of Object.keys(change.row)) {
    if (field === 'id' && change.row.id === change.key) continue
    if (!allowed.includes(field)) return reason
  }
  return null
}

export const NOT_SIGNED_IN =
  'Сотрудник, сделавший изменение, не вошёл в систему на этом окне через сервер: войдите и повторите обмен.'

/** The signed-in clerk behind the change, or the reason there is none. */
export function actorOf(change: PolicyChange, batch: PolicyBatch): SessionClerk | string {
  if (!change.clerkId) {
    return 'Изменение без сотрудника не принимается: его делает только сотрудник, вошедший в систему на этом окне.'
  }
  return batch.signedIn.get(change.clerkId) ?? NOT_SIGNED_IN
}

/**
 * The signed-in clerk behind an update that touches only `allowed` fields, or the reason it is
 * refused (`reason` when it touches any other): the shape of every update a desk may push.
 */
export function updatedBy(
  change: PolicyChange,
  batch: PolicyBatch,
  allowed: readonly string[],
  reason: string,
): SessionClerk | string {
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  return onlyFields(change, allowed, reason) ?? actor
}

/** The row's clerk column must name the clerk who made the change: nobody signs for another. */
export function signedBy(change: PolicyChange, column: string, batch: PolicyBatch): Refusal {
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  if (change.row[column] !== actor.id) {
    return 'Запись подписана другим сотрудником, а не тем, кто вошёл в систему на этом окне: такая запись не принимается.'
  }
  return null
}

/** The signed-in clerk behind the change must hold at least `role` (by the server's clerks). */
export async function actorWithRole(
  change: PolicyChange,
  batch: PolicyBatch,
  role: ClerkRole,
  what: string,
): Promise<Refusal> {
  const actor = actorOf(change, batch)
  if (typeof actor === 'string') return actor
  const clerk = await batch.clerk(actor.id)
  if (!clerk?.active || !roleAtLeast(clerk.role, role)) {
    const needed = role === 'administrator' ? 'администратор' : 'старший операционист или администратор'
    return `${what} может только ${needed}: у сотрудника этого окна нет такой роли.`
  }
  return null
}

/** A supervisor's confirmation (`confirmed_by`) must name an active supervisor or administrator. */
export async function supervisorConfirmed(
  batch: PolicyBatch,
  confirmedBy: unknown,
  reason: string,
): Promise<Refusal> {
  if (typeof confirmedBy !== 'string') return reason
  const clerk = await batch.clerk(confirmedBy)
  return clerk?.active && roleAtLeast(clerk.role, 'supervisor') ? null : reason
}

/** An insert must name only columns the table has (a misspelt one would fail the whole push). */
export async function knownColumns(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const columns = await batch.columns(change.entity)
  for (const field of Object.keys(change.row)) {
    if (!columns.has(field))
      return 'В записи есть поле, которого нет в базе «Окна»: обновите «Окно» на этом рабочем месте.'
  }
  return null
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value)
}
