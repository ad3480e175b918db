// How the office sync reads at the desk: the state in words, the outbox count with its Russian
// plural, the line in the bar and what a screen reader says for it, the first download's
// percentage, and an outbox row's operation.
import type { DownloadProgress, OutboxRowView, SyncState, SyncStatus } from '../../../shared/domain/sync'

/** The i18n `t` as these helpers use it: named values, or a count choosing the plural form. */
export interface Translate {
  (key: string, named: Record<string, unknown>): string
  (key: string, plural: number): string
}

export function stateText(t: Translate, state: SyncState): string {
  return t(`sync.state.${state}`, {})
}

/** «3 изменения ждут отправки». */
export function pendingText(t: Translate, pending: number): string {
  return t('sync.pending', pending)
}

export function opText(t: Translate, op: OutboxRowView['op']): string {
  return t(`sync.outbox.ops.${op}`, {})
}

/**
 * The parts of the status line: the state, what waits to be sent (when anything does), the
 * rows refused, the last exchange in office mode (`when` formats the instant). Spoken, the last
 * exchange is named in full.
 */
export function statusParts(
  t: Translate,
  status: SyncStatus,
  when: (iso: string) => string,
  spoken = false,
): string[] {
  const parts = [stateText(t, status.state)]
  if (status.pending > 0) parts.push(pendingText(t, status.pending))
  if (status.failed > 0) parts.push(t('sync.failedCount', { n: status.failed }))
  if (status.mode === 'office' && status.lastSyncAt) {
    parts.push(t(spoken ? 'sync.bar.lastSpoken' : 'sync.bar.last', { time: when(status.lastSyncAt) }))
  }
  return parts
}

/** The line in the bar: «В сети · 3 изменения ждут отправки · обмен 14:05». */
export function barText(t: Translate, status: SyncStatus, when: (iso: string) => string): string {
  return statusParts(t, status, when).join(' · ')
}

/** The bar's accessible name: «Обмен с сервером: В сети, последний обмен 14:05». */
export function barLabel(t: Translate, status: SyncStatus, when: (iso: string) => string): string {
  return t('sync.bar.label', { text: statusParts(t, status, when, true).join(', ') })
}

/** Whole percent of the first download (never 100 before the last row), null before it counts. */
export function downloadPercent(download: DownloadProgress | null): number | null {
  if (!download || download.rowsTotal <= 0) return null
  if (download.rowsDone >= download.rowsTotal) return 100
  return Math.floor((download.rowsDone * 100) / download.rowsTotal)
}
