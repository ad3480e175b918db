// What the desk knows about itself: organisation, office, counter, demo flag, idle time.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/domain/app'
import { call } from '../api/client'

export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)

  async function load(): Promise<void> {
    info.value = await call('app:info', {})
  }

  return { info, load }
})
