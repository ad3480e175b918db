// Tables streamed to a desk as NDJSON lines (head, pages of rows, end) from one repeatable-read
// snapshot, so the rows and the cursor in the head agree: the first download and one month's
// charges. Writes wait for 'drain', so a slow desk holds the server's memory to a page.
import type { ServerResponse } from 'node:http'
import { once } from 'node:events'
import type { Knex } from 'knex'
import { lastChange } from '../../db/repositories/change-log'
import { keyPages } from '../../sync/copy'
import { syncTable } from '../../sync/tables'
import type { DownloadLine } from '../../../shared/office/protocol'
import type { ServerState } from '../state'

/** Rows per line: a line stays a few MB whatever the table (the desk refuses lines over 16 MiB). */
export const ROWS_PER_LINE = 2_000

/** The desk closed the stream: the route stops reading and logs it, nothing more. */
export class DeskGone extends Error {}

type Row = Record<string, unknown>

/** One table of a stream: which of its rows (all when `where` is absent), and how each is sent. */
export interface StreamedTable {
  name: string
  where?: (q: Knex.QueryBuilder) => void
  send?: (row: Row) => Row
}

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

async function countRows(snapshot: Knex.Transaction, table: StreamedTable): Promise<number> {
  const q = snapshot(table.name).count({ n: '*' })
  table.where?.(q)
  return Number(((await q.first()) as { n: string | number }).n)
}

/** Streams `tables` in their order; when the desk goes away mid-stream, logs `gone(rows sent)`. */
export async function streamSnapshot(
  state: ServerState,
  res: ServerResponse,
  tables: readonly StreamedTable[],
  gone: (rows: number) => string,
): Promise<void> {
  let rows = 0
  try {
    await state.db.knex.transaction(
      async (snapshot) => {
        const cursor = await lastChange(snapshot)
        const counts: Record<string, number> = {}
        for (const t of tables) counts[t.name] = await countRows(snapshot, t)
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
        })
        await writeLine(res, { kind: 'head', cursor, serverId: state.hello.serverId, counts })
        for (const t of tables) {
          for await (const page of keyPages(snapshot, syncTable(t.name), t.where)) {
            for (let i = 0; i < page.length; i += ROWS_PER_LINE) {
              const part = page.slice(i, i + ROWS_PER_LINE)
              await writeLine(res, { kind: 'rows', table: t.name, rows: t.send ? part.map(t.send) : part })
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
    if (!(err instanceof DeskGone)) throw err
    state.log(gone(rows))
  }
}
