// A bill's payment QR code read where it cannot be taken (the top search field): handed over to
// the cash desk, which takes it as if scanned there as soon as it is on screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const useScanStore = defineStore('scan', () => {
  const pending = ref<string | null>(null)

  function handOver(text: string): void {
    pending.value = text
  }

  /** The scan waiting for the cash desk, once: null when there is none. */
  function take(): string | null {
    const text = pending.value
    pending.value = null
    return text
  }

  return { pending, handOver, take }
})
