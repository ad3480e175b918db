// The Printer port in Electron: A4 through a hidden window's webContents.print, thermal rolls
// through electron-pos-printer, A4 PDFs through webContents.printToPDF. Only type-checked here;
// the real-Electron smoke suite (tests/electron) is what exercises it.
import { app, BrowserWindow, ipcMain, type WebContents, type WebPreferences } from 'electron'
import { PosPrinter } from 'electron-pos-printer'
import type { PrintDocument } from '../../shared/print/document'
import { renderDocumentHtml, type ThermalPaper } from '../../shared/print/render-html'
import { thermalPageOptions, toPosPrintData } from '../printing/pos-data'
import {
  PDF_FAILED_MESSAGE,
  PRINT_FAILED_MESSAGE,
  PRINT_TIMED_OUT_MESSAGE,
  printerNotFoundMessage,
  sanitiseCopies,
  withTimeout,
  type PdfOutcome,
  type Printer,
  type PrinterEntry,
  type PrinterSettings,
  type PrintOutcome,
} from '../printing/printer'
import { lockNavigation, secureWebPreferences } from './security'

const A4_TIMEOUT_MS = 60_000
const PDF_TIMEOUT_MS = 30_000
const TIME_PER_LINE_MS = 400
// Chromium refuses URLs over 2 MiB; a slip is a few kilobytes.
const MAX_DATA_URL_CHARS = 2 * 1024 * 1024
// electron-pos-printer waits for each step on ipcMain.once with these fixed channel names. A job
// abandoned on timeout leaves its listener behind, which would swallow the next job's reply.
const POS_PRINTER_REPLY_CHANNELS = ['body-init-reply', 'render-line-reply']

const TOO_LARGE: PrintOutcome = { ok: false, message: 'Документ слишком велик для печати.' }
const FAILED: PrintOutcome = { ok: false, message: PRINT_FAILED_MESSAGE }

export class ElectronPrinter implements Printer {
  // One job at a time: electron-pos-printer's reply channels are global, and a queue keeps the
  // windows of one job apart from another's.
  private queue: Promise<unknown> = Promise.resolve()

  print(doc: PrintDocument, settings: PrinterSettings): Promise<PrintOutcome> {
    return this.serial(async () => {
      const resolved = await this.resolveDevice(settings.deviceName)
      if (!resolved.ok) return resolved
      const copies = sanitiseCopies(settings.copies)
      return settings.paper === 'a4'
        ? this.printA4(doc, resolved.deviceName, copies)
        : this.printThermal(doc, settings.paper, resolved.deviceName, copies)
    })
  }

  async listPrinters(): Promise<PrinterEntry[]> {
    // Electron 45's PrinterInfo no longer says which printer is the system default; a null
    // deviceName in settings stands for it instead.
    const printers = await this.withContents((contents) => contents.getPrintersAsync()).catch(() => [])
    return printers.map((p) => ({ name: p.name, isDefault: false }))
  }

  /** The A4 page as a PDF: the same HTML as the preview and the A4 print, its @page size and margins. */
  pdf(doc: PrintDocument): Promise<PdfOutcome> {
    return this.serial(async () => {
      const url = a4DataUrl(doc)
      if (!url) return { ok: false, message: 'Документ слишком велик для PDF.' }
      const failed: PdfOutcome = { ok: false, message: PDF_FAILED_MESSAGE }
      const win = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: printWindowPreferences(),
      })
      lockNavigation(win.webContents, () => false)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<PdfOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, message: PRINT_TIMED_OUT_MESSAGE }), PDF_TIMEOUT_MS)
      })
      const job = (async (): Promise<PdfOutcome> => {
        await win.webContents.loadURL(url)
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          generateTaggedPDF: true,
        })
        return { ok: true, base64: pdf.toString('base64') }
      })().catch(() => failed)
      try {
        return await Promise.race([job, timeout])
      } finally {
        clearTimeout(timer)
        if (!win.isDestroyed()) win.destroy()
      }
    })
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** The OS name of the configured printer (settings may hold the display name), or a message. */
  private async resolveDevice(
    deviceName: string | null,
  ): Promise<{ ok: true; deviceName: string | undefined } | { ok: false; message: string }> {
    if (!deviceName) return { ok: true, deviceName: undefined }
    const printers = await this.withContents((contents) => contents.getPrintersAsync()).catch(() => null)
    // Cannot list printers: let the print itself succeed or fail.
    if (!printers) return { ok: true, deviceName }
    const match =
      printers.find((p) => p.name === deviceName) ?? printers.find((p) => p.displayName === deviceName)
    return match
      ? { ok: true, deviceName: match.name }
      : { ok: false, message: printerNotFoundMessage(deviceName) }
  }

  private async withContents<T>(query: (contents: WebContents) => Promise<T>): Promise<T> {
    const existing = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed())
    if (existing) return query(existing.webContents)
    const temp = new BrowserWindow({ show: false, webPreferences: printWindowPreferences() })
    try {
      return await query(temp.webContents)
    } finally {
      if (!temp.isDestroyed()) temp.destroy()
    }
  }

  private async printA4(
    doc: PrintDocument,
    deviceName: string | undefined,
    copies: number,
  ): Promise<PrintOutcome> {
    const url = a4DataUrl(doc)
    if (!url) return TOO_LARGE
    const win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: printWindowPreferences(),
    })
    lockNavigation(win.webContents, () => false)
    try {
      return await withTimeout(
        async () => {
          try {
            await win.webContents.loadURL(url)
          } catch {
            return FAILED
          }
          return new Promise<PrintOutcome>((resolve) => {
            win.webContents.print(
              {
                silent: true,
                printBackground: false,
                pageSize: 'A4',
                copies,
                ...(deviceName ? { deviceName } : {}),
              },
              (success) => resolve(success ? { ok: true } : FAILED),
            )
          })
        },
        A4_TIMEOUT_MS,
        PRINT_TIMED_OUT_MESSAGE,
      )
    } finally {
      if (!win.isDestroyed()) win.destroy()
    }
  }

  private async printThermal(
    doc: PrintDocument,
    paper: ThermalPaper,
    deviceName: string | undefined,
    copies: number,
  ): Promise<PrintOutcome> {
    const data = toPosPrintData(doc, paper)
    // With silent: true the library arms no timer of its own, so ours is the only one. Its budget
    // mirrors the library's own formula (per line, per copy) with room for a slow spooler.
    const timeoutMs = data.length * TIME_PER_LINE_MS + copies * 3_000 + 10_000
    // The library opens its own window (with Node integration) and closes it only on success or
    // a reported failure; one left behind by a hung job is destroyed here.
    const opened: BrowserWindow[] = []
    const track = (_event: unknown, win: BrowserWindow): void => void opened.push(win)
    app.on('browser-window-created', track)
    try {
      return await withTimeout(
        () =>
          PosPrinter.print(data, {
            ...thermalPageOptions(paper),
            printerName: deviceName,
            silent: true,
            preview: false,
            copies,
            timeOutPerLine: TIME_PER_LINE_MS,
          }).then(
            (): PrintOutcome => ({ ok: true }),
            (): PrintOutcome => FAILED,
          ),
        timeoutMs,
        PRINT_TIMED_OUT_MESSAGE,
      )
    } finally {
      app.off('browser-window-created', track)
      for (const win of opened) if (!win.isDestroyed()) win.destroy()
      for (const channel of POS_PRINTER_REPLY_CHANNELS) ipcMain.removeAllListeners(channel)
    }
  }
}

/**
 * The document's A4 page as a data: URL, or null when Chromium would refuse its length. A slip
 * carries a one-time password: it goes to the window this way, never to a file.
 */
function a4DataUrl(doc: PrintDocument): string | null {
  const html = renderDocumentHtml(doc, 'a4')
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
  return url.length > MAX_DATA_URL_CHARS ? null : url
}

/** The app's hardened preferences (src/main/electron/security.ts), without a preload or scripts. */
function printWindowPreferences(): WebPreferences {
  const { preload: _preload, ...prefs } = secureWebPreferences('')
  return { ...prefs, javascript: false }
}
