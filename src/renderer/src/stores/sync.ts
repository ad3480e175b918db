// The office sync as the desk shows it: the worker's status, polled from main every few seconds
// while a clerk is signed in (every second during the first download, for its progress bar),
// and «Синхронизировать сейчас».
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { OutboxList, SyncSettingsView, SyncStatus } from '../../../shared/domain/sync'
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract'
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

  /** The office server's connection as saved (the password only as «set»). */
  function settings(): Promise<SyncSettingsView> {
    return call('sync:settings', {})
  }

  function saveSettings(input: ChannelInput<'sync:saveSettings'>): Promise<SyncSettingsView> {
    return call('sync:saveSettings', input)
  }

  function testServer(input: ChannelInput<'sync:testServer'>): Promise<ChannelOutput<'sync:testServer'>> {
    return call('sync:testServer', input)
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
    testServer,
  }
})
