// Keys of the dialog on top (Esc, Ctrl+P, Alt+Д) heard wherever focus is — also on the page
// behind while the dialog is still opening, or after the focused control has gone — and kept
// from the screen behind it (Esc on the account card would otherwise return to search).
import { onBeforeUnmount, onMounted } from 'vue'

export function useDialogKeys(handler: (e: KeyboardEvent) => boolean): void {
  function onKey(e: KeyboardEvent): void {
    if (handler(e)) {
      e.preventDefault()
      e.stopImmediatePropagation()
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey, true))
}
