// The office sync as the desk shows it: the worker's status, polled from main every few seconds
// while a clerk is signed in (every second during the first download, for its progress bar),
// and «Синхронизировать сейчас».
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OutboxList, SyncSettingsView, SyncStatus } from '../../../shared/domain/sync'
import type { ChannelInput } from '../../../shared/ipc/contract'
import type { ServerProbe } from '../../../shared/domain/sync'
import { call } from '../api/client'

export const POLL_MS = 3_000
export const DOWNLOAD_POLL_MS = 1_000

export const useSyncStore = defineStore('sync', () => {
  const status = shallowRef<SyncStatus | null>(null)
  const downloading = computed(() => status.value?.state === 'downloading')
  const polling = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  async function refresh(): Promise<void> {
    try {
      const next = await call('sync:status', {})
      // An answer arriving after sign-out is not shown to the next clerk.
      if (polling.value) status.value = next
    } catch {
      // Signed out meanwhile (the session store hears of it) or main busy: the next poll tells.
    }
  }

  function schedule(): void {
    clearTimeout(timer)
    if (!polling.value) return
    timer = setTimeout(
      async () => {
        await refresh()
        schedule()
      },
      downloading.value ? DOWNLOAD_POLL_MS : POLL_MS,
    )
  }

  /** Starts polling (again) with a fresh status at once. */
  async function start(): Promise<void> {
    polling.value = true
    await refresh()
    schedule()
  }

  function stop(): void {
    polling.value = false
    clearTimeout(timer)
    status.value = null
  }

  /** One exchange now; the status after it (its error, if any, is in the status). */
  async function syncNow(): Promise<SyncStatus> {
    status.value = await call('sync:now', {})
    return status.value
  }

  /** The supervisor's «Отправить повторно»: failed rows go back to the queue and are sent now. */
  async function retryFailed(): Promise<SyncStatus> {
    status.value = await call('sync:retryFailed', {})
    return status.value
  }

  /** The changes waiting to be sent, or refused by the server (supervisor). */
  function outbox(input: ChannelInput<'sync:outbox'>): Promise<OutboxList> {
    return call('sync:outbox', input)
  }

  /** The okno-server enrollment as saved (the credential only as «set»). */
  function settings(): Promise<SyncSettingsView> {
    return call('sync:settings', {})
  }

  function saveSettings(input: ChannelInput<'sync:saveSettings'>): Promise<SyncSettingsView> {
    return call('sync:saveSettings', input)
  }

  /** The server's certificate fingerprint and organisation, for the administrator to compare. */
  function probe(input: ChannelInput<'sync:probe'>): Promise<ServerProbe> {
    return call('sync:probe', input)
  }

  /** Enrolls this desk at the server with the administrator's one-time code. */
  function enroll(input: ChannelInput<'sync:enroll'>): Promise<SyncSettingsView> {
    return call('sync:enroll', input)
  }

  /** Back to standalone mode; the desk's data stays. */
  function disconnect(): Promise<SyncSettingsView> {
    return call('sync:disconnect', {})
  }

  return {
    status,
    downloading,
    polling,
    refresh,
    start,
    stop,
    syncNow,
    retryFailed,
    outbox,
    settings,
    saveSettings,
    probe,
    enroll,
    disconnect,
  }
})
