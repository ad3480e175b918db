// Desk-wide keyboard shortcuts (shown in the shortcuts dialog, F1): F2 search, Ctrl+L lock, F1 help.
import { onBeforeUnmount, onMounted } from 'vue'

export interface ShortcutHandlers {
  focusSearch(): void
  lock(): void
  help(): void
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  function onKey(e: KeyboardEvent): void {
    if (e.key === 'F2') {
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
