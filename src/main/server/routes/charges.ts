// One month's charges for a desk that pulled a «charges refresh» change: the month's charge runs,
// charges and their lines as NDJSON lines (head, pages of rows, end), like the first download, read
// in one repeatable-read snapshot so the lines belong to the charges sent.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { lastChange } from '../../db/repositories/change-log'
import { keyPages } from '../../sync/copy'
import { MONTH_TABLES } from '../../sync/refresh'
import { syncTable } from '../../sync/tables'
import { periodSchema } from '../../../shared/ipc/schemas/billing'
import { validationError } from '../../ipc/validation-envelope'
import { authenticateDesk } from '../auth'
import { HttpError } from '../http'
import type { ServerState } from '../state'
import { DeskGone, ROWS_PER_LINE, writeLine } from './download'

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
  let rows = 0
  try {
    await state.db.knex.transaction(
      async (snapshot) => {
        const cursor = await lastChange(snapshot)
        const counts: Record<string, number> = {}
        for (const t of MONTH_TABLES) {
          const q = snapshot(t.name).count({ n: '*' })
          t.where(period)(q)
          counts[t.name] = Number(((await q.first()) as { n: string | number }).n)
        }
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
        })
        await writeLine(res, { kind: 'head', cursor, serverId: state.hello.serverId, counts })
        for (const t of MONTH_TABLES) {
          for await (const page of keyPages(snapshot, syncTable(t.name), t.where(period))) {
            for (let i = 0; i < page.length; i += ROWS_PER_LINE) {
              const part = page.slice(i, i + ROWS_PER_LINE)
              await writeLine(res, { kind: 'rows', table: t.name, rows: part })
              rows += part.length
            }
          }
        }
        await writeLine(res, { kind: 'end', rows })
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    )
    res.end()
  } catch (err) {
    if (err instanceof DeskGone) {
      state.log(`Рабочее место ${desk.deskId}: начисления за ${period} не дочитаны (соединение закрыто).`)
      return
    }
    throw err
  }
}
