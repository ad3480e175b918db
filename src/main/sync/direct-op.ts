// An operation that must see every desk's state (the last seat, closing a shift, the charge run)
// run on the okno-server from a desk: the desk's own changes first, then the operation under
// the clerk's session, then the server's changes back; the refusals as the desk's errors.
import { OknoError, type ErrorCode } from '../../shared/ipc/envelope'
import type { OfficeOp } from '../../shared/office/protocol'
import { describeServerError, isDeskRefusal, isTransient } from './errors'
import { OfficeLinkError, type OfficeLink } from './link/types'
import { DeskRefused } from './server-check'

/** The server's refusal of an operation as the desk's error code (the message is the server's). */
const OP_CODES: Record<string, ErrorCode> = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  LOCKED: 'LOGIN_LOCKED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
}

/** A direct operation refused because the server cannot be reached; `why` is the link's message. */
export function unreachableFor(what: string, why: string | null): OknoError {
  return new OknoError(
    'UNAVAILABLE',
    `Нет связи с сервером «Окно»: ${what} выполняется только на сервере, чтобы учесть все окна. Повторите, когда связь восстановится.${why ? ` (${why})` : ''}`,
  )
}

/** The steps of the worker a direct operation goes through (under its exclusive turn). */
export interface DirectSteps {
  link: OfficeLink
  /** The connection checked, the outbox pushed. */
  sendOutbox(): Promise<void>
  /** The server's changes pulled after the operation. */
  pullBack(): Promise<void>
  failed(err: unknown): void
}

/** Refused with UNAVAILABLE while the server cannot be reached or refuses the desk. */
export async function runDirect(
  steps: DirectSteps,
  what: string,
  op: OfficeOp,
  input: unknown,
  token: string,
): Promise<unknown> {
  const refusal = (err: unknown): OknoError =>
    err instanceof DeskRefused || isDeskRefusal(err)
      ? new OknoError('UNAVAILABLE', (err as Error).message)
      : unreachableFor(what, describeServerError(err))
  try {
    await steps.sendOutbox()
  } catch (err) {
    steps.failed(err)
    throw refusal(err)
  }
  let result: unknown
  try {
    result = await steps.link.op(op, input, token)
  } catch (err) {
    if (isTransient(err) || isDeskRefusal(err)) {
      steps.failed(err)
      throw refusal(err)
    }
    if (err instanceof OfficeLinkError) {
      throw new OknoError(OP_CODES[err.code] ?? 'CONFLICT', err.message)
    }
    throw err
  }
  try {
    await steps.pullBack()
  } catch (err) {
    // Done on the server; the rows reach this desk with the next pull.
    steps.failed(err)
  }
  return result
}
