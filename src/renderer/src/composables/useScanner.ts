// A USB scanner types like a keyboard: the payment QR code of a bill arrives as a fast burst of
// keys starting with «ST0001» (ГОСТ Р 56042-2014) and ending with Enter. This catches such a
// burst when focus is not in a text field (a button, a list, the page itself) and hands the text
// over; the keys of a burst never act on the focused control. Text fields keep what is typed in
// them: the cash-desk field reads a scan itself on Enter.
import { onBeforeUnmount, onMounted } from 'vue'

/** The header of a payment QR payload, and the same keys typed on the Russian layout. */
const PREFIXES = ['ST0001', 'ЫЕ0001']
/**
 * A scanner types a key every few milliseconds. The limit is generous so a busy machine does not
 * split a burst; the «ST0001» header, not the speed, is what tells a scan from a person typing.
 */
const MAX_GAP_MS = 500

export function isScanText(text: string): boolean {
  const head = text.trimStart().slice(0, 6).toUpperCase()
  return PREFIXES.includes(head)
}

function editable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
}

/** Could `text` still become the start of a payload (or already is one)? */
export function scanLike(text: string): boolean {
  const upper = text.toUpperCase()
  return PREFIXES.some((p) => p.startsWith(upper) || upper.startsWith(p))
}

export function useScanner(options: { enabled: () => boolean; onScan: (text: string) => void }): void {
  let buffer = ''
  let last = 0

  function onKey(e: KeyboardEvent): void {
    if (!options.enabled() || editable(e.target)) {
      buffer = ''
      return
    }
    if (e.timeStamp - last > MAX_GAP_MS) buffer = ''
    last = e.timeStamp
    if (e.key === 'Enter') {
      if (isScanText(buffer)) {
        e.preventDefault()
        e.stopPropagation()
        options.onScan(buffer)
      }
      buffer = ''
      return
    }
    if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return
    const next = buffer + e.key
    if (scanLike(next)) {
      buffer = next
      // A space in a payload must not press the focused button, nor a letter trigger anything.
      e.preventDefault()
      e.stopPropagation()
    } else {
      buffer = scanLike(e.key) ? e.key : ''
    }
  }

  // Capture: the burst is read before any control or shortcut handler sees its keys.
  onMounted(() => window.addEventListener('keydown', onKey, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey, true))
}
