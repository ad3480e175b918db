// One month's charges for a desk that pulled a «charges refresh» change: the month's charge runs,
// charges and their lines as NDJSON lines (head, pages of rows, end), like the first download, read
// in one repeatable-read snapshot (snapshot-stream.ts) so the lines belong to the charges sent.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { MONTH_TABLES } from '../../sync/refresh'
import { periodSchema } from '../../../shared/ipc/schemas/billing'
import { validationError } from '../../ipc/validation-envelope'
import { authenticateDesk } from '../auth'
import { HttpError } from '../http'
import type { ServerState } from '../state'
import { streamSnapshot } from './snapshot-stream'

function periodOf(url: URL): string {
  const parsed = periodSchema.safeParse({ period: url.searchParams.get('period') ?? undefined })
  if (parsed.success) return parsed.data.period
  const envelope = validationError(parsed.error)
  if (envelope.ok) throw new Error('unreachable')
  throw new HttpError('VALIDATION', envelope.error.message, envelope.error.fields)
}

export async function chargesOfMonth(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const period = periodOf(url)
  await streamSnapshot(
    state,
    res,
    MONTH_TABLES.map((t) => ({ name: t.name, where: t.where(period) })),
    () => `Рабочее место ${desk.deskId}: начисления за ${period} не дочитаны (соединение закрыто).`,
  )
}
