// One job at a time behind a button: `busy` while it runs (the button's spinner), a second press
// meanwhile ignored, and a failure handed on as the message to show.
import { ref } from 'vue'
import { errorMessage } from '../api/client'

export function useBusyTask() {
  const busy = ref(false)

  async function run(job: () => Promise<void>, failed: (message: string) => void): Promise<void> {
    if (busy.value) return
    busy.value = true
    try {
      await job()
    } catch (err) {
      failed(errorMessage(err))
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
