// Locks the screen after the configured idle time without keyboard or mouse activity, and tells
// the main process about activity (at most once a minute) so its own idle backstop agrees.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { useSessionStore } from '../stores/session'

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const
const TOUCH_AT_MOST_EVERY_MS = 60_000
const CHECK_EVERY_MS = 5_000

export function useIdleLock(options: {
  minutes: Ref<number>
  active: Ref<boolean>
  lock: () => Promise<void>
}): void {
  const session = useSessionStore()
  let lastActivity = Date.now()
  let lastTouch = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  function onActivity(): void {
    const now = Date.now()
    lastActivity = now
    // Often enough that the main process never sees a gap as long as its idle time.
    const every = Math.min(TOUCH_AT_MOST_EVERY_MS, (options.minutes.value * 60_000) / 2)
    if (options.active.value && now - lastTouch >= every) {
      lastTouch = now
      session.touch().catch(() => {
        // A refused touch means the session ended or locked; the session store already knows.
      })
    }
  }

  function check(): void {
    if (!options.active.value) {
      lastActivity = Date.now()
      return
    }
    if (Date.now() - lastActivity >= options.minutes.value * 60_000) void options.lock()
  }

  onMounted(() => {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true })
    timer = setInterval(check, CHECK_EVERY_MS)
  })
  onBeforeUnmount(() => {
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity)
    if (timer) clearInterval(timer)
  })
}
