// Printing a document shown in a preview iframe: through the workstation's printer in Electron,
// through the browser's print dialog in browser mode (or when main has no print backend).
import type { PrintDocument, PrintResult } from '../../../shared/print/document'
import { errorMessage } from '../api/client'
import { useAppStore } from '../stores/app'
import { usePrintingStore } from '../stores/printing'

/** Ctrl+P on either keyboard layout (P is «з» on the Russian one). */
export function isPrintKey(e: KeyboardEvent): boolean {
  return e.ctrlKey && (e.key === 'p' || e.key === 'P' || e.key === 'з' || e.key === 'З')
}

/** The browser's print dialog on the preview's frame. */
export function browserPrint(frame: HTMLIFrameElement | null): PrintResult {
  const win = frame?.contentWindow
  if (!win) return { ok: false, message: 'Предварительный просмотр ещё не готов: повторите печать.' }
  win.focus()
  win.print()
  return { ok: true }
}

export function usePrint() {
  const app = useAppStore()
  const printing = usePrintingStore()

  async function print(document: PrintDocument, frame: HTMLIFrameElement | null): Promise<PrintResult> {
    if (app.info?.shell !== 'electron') return browserPrint(frame)
    try {
      const result = await printing.print({ document })
      return !result.ok && result.browserDialog ? browserPrint(frame) : result
    } catch (err) {
      return { ok: false, message: errorMessage(err) }
    }
  }

  return { print }
}
