// The printing port: services and handlers print a PrintDocument through it and get an outcome
// to show the clerk, never an exception. Backends: ElectronPrinter (src/main/electron), NullPrinter.
import type {
  PdfResult,
  PrintDocument,
  PrinterInfo,
  PrinterSettings,
  PrintResult,
} from '../../shared/print/document'

// The shapes the IPC contract carries (src/shared/print/document.ts), under the port's names.
/** `{ paper, deviceName, copies }`; a null deviceName means the system's default printer. */
export type { PrinterSettings }
/**
 * `browserDialog` is set only when there is no print backend in this process (browser mode): the
 * renderer then prints its preview through the browser's dialog instead of reporting an error.
 */
export type PrintOutcome = PrintResult
export type PrinterEntry = PrinterInfo
/** An A4 PDF as base64 (the bill saved to a file), or a message; `browserDialog` as above. */
export type PdfOutcome = PdfResult

export interface Printer {
  print(doc: PrintDocument, settings: PrinterSettings): Promise<PrintOutcome>
  listPrinters(): Promise<PrinterEntry[]>
  /** The document on A4 as a PDF, whatever paper the workstation prints on. */
  pdf(doc: PrintDocument): Promise<PdfOutcome>
}

const CHECK = 'Проверьте, что принтер включён, в нём есть бумага, а в настройках указано верное имя принтера.'

export const PRINT_FAILED_MESSAGE = `Документ не напечатан. ${CHECK}`
export const PRINT_TIMED_OUT_MESSAGE = `Принтер не ответил. ${CHECK}`
export const BROWSER_DIALOG_MESSAGE = 'Печать через диалог браузера'
export const PDF_FAILED_MESSAGE = 'PDF не сформирован. Попробуйте ещё раз или напечатайте документ.'
export const PDF_BROWSER_DIALOG_MESSAGE =
  'Сохранение PDF через диалог печати браузера: выберите «Сохранить как PDF».'

export function printerNotFoundMessage(name: string): string {
  return `Принтер «${name}» не найден. Выберите принтер в настройках заново и проверьте, что он включён.`
}

/**
 * The outcome of `job`, or `{ ok: false, message }` when it rejects, throws or takes longer than
 * `ms`. Never rejects: a spooler that hangs must not hang the counter. A job that is passed as a
 * function is also guarded against throwing before it returns its promise.
 */
export function withTimeout(
  job: Promise<PrintOutcome> | (() => Promise<PrintOutcome>),
  ms: number,
  message: string,
): Promise<PrintOutcome> {
  const failed: PrintOutcome = { ok: false, message }
  return new Promise<PrintOutcome>((resolve) => {
    const timer = setTimeout(() => resolve(failed), ms)
    const settle = (outcome: PrintOutcome): void => {
      clearTimeout(timer)
      resolve(outcome)
    }
    let promise: Promise<PrintOutcome>
    try {
      promise = typeof job === 'function' ? job() : job
    } catch {
      settle(failed)
      return
    }
    Promise.resolve(promise).then(settle, () => settle(failed))
  })
}

/** Copies kept within the settings schema's 1–5 even if the settings file was edited by hand. */
export function sanitiseCopies(copies: number): number {
  if (!Number.isFinite(copies)) return 1
  return Math.min(5, Math.max(1, Math.trunc(copies)))
}

/**
 * For a process without a print backend (browser mode): it prints nothing and says so with
 * `browserDialog: true`, so the caller opens the browser's print dialog on the preview rather than
 * showing a failure. It lists no printers: the browser's dialog chooses one.
 */
export class NullPrinter implements Printer {
  async print(_doc: PrintDocument, _settings: PrinterSettings): Promise<PrintOutcome> {
    return { ok: false, message: BROWSER_DIALOG_MESSAGE, browserDialog: true }
  }

  async listPrinters(): Promise<PrinterEntry[]> {
    return []
  }

  async pdf(_doc: PrintDocument): Promise<PdfOutcome> {
    return { ok: false, message: PDF_BROWSER_DIALOG_MESSAGE, browserDialog: true }
  }
}
