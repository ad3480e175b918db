// What the worker checks once per connection before it exchanges anything: the server's hello
// (schema version, demo or real data, the same server as before) and, when this store has not
// downloaded from that server yet, the first download of the office's data.
import type { Db } from '../db/connection'
import { outboxCounts } from '../db/repositories/outbox'
import { readState } from '../db/repositories/sync-state'
import type { DownloadProgress } from '../../shared/domain/sync'
import { initialDownload, isDownloaded } from './download'
import type { OfficeLink } from './link/types'
import { schemaMismatch } from './server'

/** The desk cannot exchange with this server until an administrator acts; the message says what. */
export class DeskRefused extends Error {}

export interface ServerCheckOptions {
  local: Db
  link: OfficeLink
  schemaVersion: number
  /** This desk's demo flag; null while the store holds no organisation (it takes the server's). */
  demo: boolean | null
  backupPath?: string
  log?: (line: string) => void
}

export interface DownloadHooks {
  /** The first download begins. */
  started(): void
  progress(p: DownloadProgress): void
}

/**
 * Throws DeskRefused for a server this desk must not exchange with; runs the first download
 * when this store has not downloaded from that server (a desk that downloaded from the same
 * office database before, directly or through another server, keeps its data and cursor).
 * Answers whether a download ran.
 */
export async function checkServer(o: ServerCheckOptions, hooks: DownloadHooks): Promise<boolean> {
  const hello = await o.link.hello()
  const mismatch = schemaMismatch(hello.schemaVersion, o.schemaVersion)
  if (mismatch) throw new DeskRefused(mismatch)
  if (o.demo !== null && hello.demo !== o.demo) {
    throw new DeskRefused(
      hello.demo
        ? 'Сервер «Окно» работает с демонстрационными данными, а это окно — с настоящими. Подключите окно к серверу своей организации.'
        : 'Это окно работает с демонстрационными данными, а сервер «Окно» — с настоящими. Обратитесь к администратору сервера.',
    )
  }
  const knownId = await readState(o.local.knex, 'server_id')
  const downloaded = await isDownloaded(o.local)
  if (downloaded && knownId !== null && knownId !== hello.serverId) {
    const unsent = (await outboxCounts(o.local.knex)).pending
    if (unsent > 0) {
      throw new DeskRefused(
        `Окно связано с другим сервером отделения, и ${unsent} изменений ещё не отправлены туда. Подключите окно к прежнему серверу, чтобы отправить их, или обратитесь к администратору.`,
      )
    }
  }
  if (downloaded && knownId === hello.serverId) return false
  hooks.started()
  const started = Date.now()
  const { rows } = await initialDownload(o.local, o.link, hooks.progress, {
    ...(o.backupPath ? { backupTo: o.backupPath } : {}),
  })
  o.log?.(`Первичная загрузка: ${rows} строк за ${Math.round((Date.now() - started) / 1000)} с`)
  return true
}
