// The office sync as it was before the okno-server (issue 14): a desk straight on PostgreSQL.
// Kept for the bench only, to measure today's direct figures beside the server's in one run.
// The first download of an office's data to a new desk: every shared table copied from the
// server in key order, page by page, inside one read-only snapshot of the server, so the copy and
// the change number it starts pulling after agree exactly. The next page is read while this one
// is written; secondary indexes are built once at the end (download-indexes.ts); the store skips
// foreign-key checks (the snapshot is consistent) and the fsync of each page's commit (the
// download starts over if interrupted). A desk that was used alone before keeps a copy of its old
// store beside the new one.
import type { Knex } from 'knex'
import { ownerOnly } from '../../../src/main/config/paths'
import type { Db } from '../../../src/main/db/connection'
import { lastChange } from '../../../src/main/db/repositories/change-log'
import { clearOutbox } from '../../../src/main/db/repositories/outbox'
import { clearStateExcept, readState, writeState } from '../../../src/main/db/repositories/sync-state'
import type { DownloadProgress } from '../../../src/shared/domain/sync'
import { keyPages, writePage } from './copy'
import { dropSharedIndexes, restoreSharedIndexes } from '../../../src/main/sync/download-indexes'
import { SYNC_TABLES, type SyncTable } from '../../../src/main/sync/tables'

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

/**
 * Copies one table page by page. The next page is read from the server while this one is
 * written here (SQLite works on its own thread), so the two sides overlap.
 */
async function copyTable(
  snapshot: Knex.Transaction,
  local: Db,
  table: SyncTable,
  onRows: (n: number) => void,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve()
  for await (const rows of keyPages(snapshot, table)) {
    await writing
    writing = local.knex.transaction((trx) => writePage(trx, table, rows)).then(() => onRows(rows.length))
  }
  await writing
}

/**
 * Copies the office's data here and sets the pull cursor to the change the copy includes.
 * Interrupted, it starts over next time (the flag is written last).
 */
export async function initialDownload(
  local: Db,
  server: Db,
  onProgress: (p: DownloadProgress) => void,
  options: { backupTo?: string; serverId?: string } = {},
): Promise<{ rows: number; cursor: number }> {
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
    const result = await copyAll(local, server, onProgress, async (total) => {
      await restoreSharedIndexes(local, (name) =>
        onProgress({ table: `индекс ${name}`, rowsDone: total, rowsTotal: total }),
      )
    })
    if (options.serverId) await writeState(local.knex, 'server_id', options.serverId)
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
  server: Db,
  onProgress: (p: DownloadProgress) => void,
  beforeFinish: (rows: number) => Promise<void>,
): Promise<{ rows: number; cursor: number }> {
  let rows = 0
  let cursor = 0
  await server.knex.transaction(
    async (snapshot) => {
      cursor = await lastChange(snapshot)
      const counts: number[] = []
      for (const t of SYNC_TABLES) {
        const r = (await snapshot(t.name).count({ n: '*' }).first()) as { n: string | number }
        counts.push(Number(r.n))
      }
      const total = counts.reduce((a, b) => a + b, 0)
      for (const table of SYNC_TABLES) {
        onProgress({ table: table.title, rowsDone: rows, rowsTotal: total })
        await copyTable(snapshot, local, table, (n) => {
          rows += n
          onProgress({ table: table.title, rowsDone: rows, rowsTotal: total })
        })
      }
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  )
  await beforeFinish(rows)
  await local.knex.transaction(async (trx) => {
    await writeState(trx, 'cursor', String(cursor))
    await writeState(trx, 'downloaded_at', new Date().toISOString())
  })
  return { rows, cursor }
}

async function hasData(local: Db): Promise<boolean> {
  return (await local.knex('accounts').first('id')) !== undefined
}
