// The first download: every shared table as NDJSON lines (head, pages of rows, end) from one
// repeatable-read snapshot (snapshot-stream.ts), so the rows and the cursor agree. Cabinets'
// password hashes are blanked.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SYNC_TABLES } from '../../sync/tables'
import { authenticateDesk } from '../auth'
import { blankRow } from '../redact'
import type { ServerState } from '../state'
import { streamSnapshot } from './snapshot-stream'

export async function download(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const desk = await authenticateDesk(state, req)
  const tables = SYNC_TABLES.map((t) => ({
    name: t.name,
    send: (row: Record<string, unknown>) => blankRow(t.name, row),
  }))
  await streamSnapshot(
    state,
    res,
    tables,
    (rows) =>
      `Рабочее место ${desk.deskId}: первая загрузка прервана (соединение закрыто после ${rows} строк).`,
  )
}
