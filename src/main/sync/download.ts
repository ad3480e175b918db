// The first download of an office's data to a new desk: the okno-server streams every shared table
// in key order (one read-only snapshot on its side, so the rows and the change number the desk
// starts pulling after agree exactly), a page per line; the desk writes each page under its OWN
// column names (a key the server sends that the desk lacks is dropped, a table outside the shared
// list refused). Secondary indexes are built once at the end (download-indexes.ts); the store skips
// foreign-key checks and the fsync of each page's commit meanwhile (the download starts over if
// interrupted). A desk that was used alone before keeps a copy of its old store beside the new one.
import { ownerOnly } from '../config/paths'
import type { Db } from '../db/connection'
import { clearOutbox } from '../db/repositories/outbox'
import { clearStateExcept, readState, writeState } from '../db/repositories/sync-state'
import { localColumns } from '../db/repositories/table-columns'
import type { DownloadLine } from '../../shared/office/protocol'
import type { DownloadProgress } from '../../shared/domain/sync'
import { writePage } from './copy'
import { dropSharedIndexes, restoreSharedIndexes } from './download-indexes'
import type { OfficeLink } from './link/types'
import { SYNC_TABLES, syncTable } from './tables'

/** Negative: KiB (SQLite's convention). 256 MiB while downloading; the desk's usual 64 MiB after. */
const DOWNLOAD_CACHE_KIB = -262_144
const DESK_CACHE_KIB = -65_536

async function wipeShared(local: Db): Promise<void> {
  await local.knex.transaction(async (trx) => {
    for (const table of [...SYNC_TABLES].reverse()) await trx(table.name).delete()
    await clearOutbox(trx)
    await clearStateExcept(trx, 'dropped_indexes')
  })
}

/** Whether the desk has finished its first download from the office server. */
export async function isDownloaded(local: Db): Promise<boolean> {
  return (await readState(local.knex, 'downloaded_at')) !== null
}

/** A stream that breaks the head, pages, end order: the download starts over next time. */
function badStream(what: string): Error {
  return new Error(`Сервер «Окно» прислал первичную загрузку не по порядку (${what}); она будет повторена.`)
}

/**
 * Copies the office's data here and sets the pull cursor to the change the copy includes.
 * Interrupted, it starts over next time (the flag is written last).
 */
export async function initialDownload(
  local: Db,
  link: OfficeLink,
  onProgress: (p: DownloadProgress) => void,
  options: { backupTo?: string } = {},
): Promise<{ rows: number; cursor: number; serverId: string }> {
  if (options.backupTo && (await hasData(local))) {
    await local.knex.raw('VACUUM INTO ?', [options.backupTo])
    ownerOnly(options.backupTo) // a copy of the customers' data, like the store itself
  }
  await wipeShared(local)
  await dropSharedIndexes(local)
  await local.knex.raw('PRAGMA foreign_keys = OFF')
  await local.knex.raw('PRAGMA synchronous = NORMAL')
  // A larger page cache for the copy, and the index builds' sorting in memory.
  await local.knex.raw(`PRAGMA cache_size = ${DOWNLOAD_CACHE_KIB}`)
  await local.knex.raw('PRAGMA temp_store = MEMORY')
  try {
    const result = await copyAll(local, link, onProgress)
    await restoreSharedIndexes(local, (name) =>
      onProgress({ table: `индекс ${name}`, rowsDone: result.rows, rowsTotal: result.rows }),
    )
    await local.knex.transaction(async (trx) => {
      await writeState(trx, 'cursor', String(result.cursor))
      await writeState(trx, 'server_id', result.serverId)
      await writeState(trx, 'downloaded_at', new Date().toISOString())
    })
    return result
  } finally {
    await local.knex.raw('PRAGMA temp_store = DEFAULT')
    await local.knex.raw(`PRAGMA cache_size = ${DESK_CACHE_KIB}`)
    await local.knex.raw('PRAGMA synchronous = FULL')
    await local.knex.raw('PRAGMA foreign_keys = ON')
  }
}

async function copyAll(
  local: Db,
  link: OfficeLink,
  onProgress: (p: DownloadProgress) => void,
): Promise<{ rows: number; cursor: number; serverId: string }> {
  let head: { cursor: number; serverId: string; total: number } | null = null
  let ended = false
  let rows = 0
  // Each table's columns, read from the desk's schema once.
  const columns = new Map<string, string[]>()
  await link.download(async (line: DownloadLine) => {
    if (ended) throw badStream('строки после конца')
    if (line.kind === 'head') {
      if (head) throw badStream('второе начало')
      const total = Object.values(line.counts).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0)
      head = { cursor: line.cursor, serverId: line.serverId, total }
      onProgress({ table: SYNC_TABLES[0]?.title ?? '', rowsDone: 0, rowsTotal: total })
      return
    }
    if (!head) throw badStream('нет начала')
    if (line.kind === 'end') {
      ended = true
      return
    }
    const table = syncTable(line.table) // a table outside the shared list never reaches SQL
    let names = columns.get(table.name)
    if (!names) {
      names = await localColumns(local.knex, table.name)
      columns.set(table.name, names)
    }
    const own = names
    await local.knex.transaction((trx) => writePage(trx, table, line.rows, own))
    rows += line.rows.length
    onProgress({ table: table.title, rowsDone: rows, rowsTotal: Math.max(head.total, rows) })
  })
  const done = head as { cursor: number; serverId: string } | null
  if (!done || !ended) throw badStream('поток оборвался')
  return { rows, cursor: done.cursor, serverId: done.serverId }
}

async function hasData(local: Db): Promise<boolean> {
  return (await local.knex('accounts').first('id')) !== undefined
}
