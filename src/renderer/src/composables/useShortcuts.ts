// Desk-wide keyboard shortcuts (shown in the shortcuts dialog, F1): F2 search, Ctrl+L lock, F1 help,
// F6 the cash desk, F12 the appointment desk, Ctrl+Shift+S the exchange with the office server.
import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useSessionStore } from '../stores/session'

export interface ShortcutHandlers {
  focusSearch(): void
  lock(): void
  help(): void
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const router = useRouter()
  const session = useSessionStore()

  /** Not from under an open dialog, nor from the sign-in or lock screen. */
  function free(): boolean {
    return session.clerk !== null && !session.locked && !document.querySelector('.v-overlay--active')
  }

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F6') {
      e.preventDefault()
      if (free()) void router.push({ name: 'cash' })
    } else if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyS') {
      // By the key's place, not its letter: the same keys in the Russian layout («Ы»).
      e.preventDefault()
      if (free()) void router.push({ name: 'sync' })
    } else if (e.key === 'F12') {
      e.preventDefault()
      // On the account card F12 books this customer (its button listens); elsewhere it opens the
      // appointment desk.
      const onCard = router.currentRoute.value.name === 'account'
      if (!onCard && free()) void router.push({ name: 'appointments' })
    } else if (e.key === 'F2') {
      e.preventDefault()
      handlers.focusSearch()
    } else if (e.key === 'F1') {
      e.preventDefault()
      handlers.help()
    } else if (e.ctrlKey && !e.altKey && (e.key === 'l' || e.key === 'L' || e.key === 'д' || e.key === 'Д')) {
      e.preventDefault()
      handlers.lock()
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
