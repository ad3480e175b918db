// Printing a payment's receipt: main prints it, marks it printed and opens the drawer when set up.
// Without a print backend (browser mode) main says so, the preview goes to the browser's dialog,
// and main is told it printed. A failure leaves the receipt «не напечатан» for a reprint.
import type { PrintResult } from '../../../shared/print/document'
import { errorMessage } from '../api/client'
import { useCashStore } from '../stores/cash'
import { browserPrint } from './usePrint'

export function useReceiptPrint() {
  const cash = useCashStore()

  async function printReceipt(paymentId: string, frame: HTMLIFrameElement | null): Promise<PrintResult> {
    const result = await cash.print(paymentId)
    if (result.ok || !result.browserDialog) return result
    const shown = browserPrint(frame)
    if (!shown.ok) return shown
    try {
      await cash.markPrinted(paymentId)
      return { ok: true }
    } catch (err) {
      return { ok: false, message: errorMessage(err) }
    }
  }

  return { printReceipt }
}
