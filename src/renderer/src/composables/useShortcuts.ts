// Desk-wide keyboard shortcuts (shown in the shortcuts dialog, F1): F2 search, Ctrl+L lock, F1 help,
// F6 the cash desk, F12 the appointment desk.
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

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F6') {
      e.preventDefault()
      // Not from under an open dialog, nor from the sign-in or lock screen.
      if (session.clerk && !session.locked && !document.querySelector('.v-overlay--active')) {
        void router.push({ name: 'cash' })
      }
    } else if (e.key === 'F12') {
      e.preventDefault()
      // On the account card F12 books this customer (its button listens); elsewhere it opens the
      // appointment desk — not from under a dialog, nor from the sign-in or lock screen.
      const onCard = router.currentRoute.value.name === 'account'
      if (!onCard && session.clerk && !session.locked && !document.querySelector('.v-overlay--active')) {
        void router.push({ name: 'appointments' })
      }
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
