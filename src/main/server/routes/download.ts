// The first download: every shared table as NDJSON lines (head, pages of rows, end) read inside
// one repeatable-read snapshot, so the rows and the cursor agree. Writes wait for 'drain', so a
// slow desk holds the server's memory to a page. Cabinets' password hashes are blanked.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { once } from 'node:events'
import { lastChange } from '../../db/repositories/change-log'
import { keyPages } from '../../sync/copy'
import { SYNC_TABLES } from '../../sync/tables'
import type { DownloadLine } from '../../../shared/office/protocol'
import { authenticateDesk } from '../auth'
import { blankRow } from '../redact'
import type { ServerState } from '../state'

/** Rows per line: a line stays a few MB whatever the table (the desk refuses lines over 16 MiB). */
export const ROWS_PER_LINE = 2_000

/** The desk closed the stream: the route stops reading and logs it, nothing more. */
export class DeskGone extends Error {}

/** One NDJSON line, waiting for 'drain' so a slow desk holds the server's memory to a page. */
export async function writeLine(res: ServerResponse, line: DownloadLine): Promise<void> {
  if (res.destroyed) throw new DeskGone()
  if (res.write(`${JSON.stringify(line)}\n`)) return
  // The listener of the event that did not come is taken off: a download waits thousands of times.
  const settled = new AbortController()
  try {
    await Promise.race([
      once(res, 'drain', { signal: settled.signal }),
      once(res, 'close', { signal: settled.signal }),
    ])
  } finally {
    settled.abort()
  }
  if (res.destroyed) throw new DeskGone()
}

export async function download(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const desk = await authenticateDesk(state, req)
  let rows = 0
  try {
    await state.db.knex.transaction(
      async (snapshot) => {
        const cursor = await lastChange(snapshot)
        const counts: Record<string, number> = {}
        for (const t of SYNC_TABLES) {
          const r = (await snapshot(t.name).count({ n: '*' }).first()) as { n: string | number }
          counts[t.name] = Number(r.n)
        }
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
        })
        await writeLine(res, { kind: 'head', cursor, serverId: state.hello.serverId, counts })
        for (const table of SYNC_TABLES) {
          for await (const page of keyPages(snapshot, table)) {
            for (let i = 0; i < page.length; i += ROWS_PER_LINE) {
              const part = page.slice(i, i + ROWS_PER_LINE).map((r) => blankRow(table.name, r))
              await writeLine(res, { kind: 'rows', table: table.name, rows: part })
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
      state.log(
        `Рабочее место ${desk.deskId}: первая загрузка прервана (соединение закрыто после ${rows} строк).`,
      )
      return
    }
    throw err
  }
}
