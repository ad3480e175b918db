import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  BROWSER_DIALOG_MESSAGE,
  NullPrinter,
  PDF_BROWSER_DIALOG_MESSAGE,
  PRINT_FAILED_MESSAGE,
  PRINT_TIMED_OUT_MESSAGE,
  printerNotFoundMessage,
  sanitiseCopies,
  withTimeout,
  type PrintOutcome,
} from '../../../../src/main/printing/printer'
import type { PrintDocument } from '../../../../src/shared/print/document'

const DOC: PrintDocument = { title: 'Слип', blocks: [{ kind: 'title', text: 'Слип' }] }
const TIMED_OUT: PrintOutcome = { ok: false, message: 'не ответил' }

afterEach(() => {
  vi.useRealTimers()
})

describe('withTimeout', () => {
  it('passes through the outcome of a job that finishes in time, and leaves no timer behind', async () => {
    vi.useFakeTimers()
    await expect(withTimeout(Promise.resolve({ ok: true }), 1000, 'не ответил')).resolves.toEqual({
      ok: true,
    })
    await expect(
      withTimeout(Promise.resolve({ ok: false, message: 'нет бумаги' }), 1000, 'x'),
    ).resolves.toEqual({
      ok: false,
      message: 'нет бумаги',
    })
    expect(vi.getTimerCount()).toBe(0)
  })

  it('resolves { ok: false } when the job hangs past the limit', async () => {
    vi.useFakeTimers()
    const result = withTimeout(new Promise<PrintOutcome>(() => {}), 5000, 'не ответил')
    await vi.advanceTimersByTimeAsync(4999)
    let settled = false
    void result.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toEqual(TIMED_OUT)
  })

  it('keeps the timeout answer when the job finishes later', async () => {
    vi.useFakeTimers()
    let finish: (o: PrintOutcome) => void = () => {}
    const result = withTimeout(new Promise<PrintOutcome>((r) => (finish = r)), 100, 'не ответил')
    await vi.advanceTimersByTimeAsync(100)
    finish({ ok: true })
    await expect(result).resolves.toEqual(TIMED_OUT)
  })

  it('resolves { ok: false } when the job rejects, never rejecting itself', async () => {
    await expect(withTimeout(Promise.reject(new Error('spooler')), 1000, 'не ответил')).resolves.toEqual(
      TIMED_OUT,
    )
    await expect(withTimeout(Promise.reject('a string'), 1000, 'не ответил')).resolves.toEqual(TIMED_OUT)
  })

  it('resolves { ok: false } when a job given as a function throws before returning a promise', async () => {
    const job = (): Promise<PrintOutcome> => {
      throw new Error('no printer module')
    }
    await expect(withTimeout(job, 1000, 'не ответил')).resolves.toEqual(TIMED_OUT)
  })

  it('runs a job given as a function', async () => {
    await expect(withTimeout(async () => ({ ok: true }), 1000, 'не ответил')).resolves.toEqual({ ok: true })
  })
})

describe('messages', () => {
  it('tell the clerk in Russian what to check: printer on, paper, the name in settings', () => {
    for (const message of [PRINT_FAILED_MESSAGE, PRINT_TIMED_OUT_MESSAGE]) {
      expect(message).toMatch(/принтер включён/)
      expect(message).toMatch(/бумага/)
      expect(message).toMatch(/в настройках указано верное имя принтера/)
    }
    expect(printerNotFoundMessage('XP-58')).toBe(
      'Принтер «XP-58» не найден. Выберите принтер в настройках заново и проверьте, что он включён.',
    )
  })
})

describe('sanitiseCopies', () => {
  it('keeps copies within 1–5 whatever the settings file says', () => {
    expect(sanitiseCopies(2)).toBe(2)
    expect(sanitiseCopies(0)).toBe(1)
    expect(sanitiseCopies(-3)).toBe(1)
    expect(sanitiseCopies(2.7)).toBe(2)
    expect(sanitiseCopies(1000)).toBe(5)
    expect(sanitiseCopies(Number.NaN)).toBe(1)
  })
})

describe('NullPrinter', () => {
  it('prints nothing and sends the renderer to the browser dialog', async () => {
    const printer = new NullPrinter()
    await expect(printer.print(DOC, { paper: 'thermal58', deviceName: 'XP-58', copies: 1 })).resolves.toEqual(
      {
        ok: false,
        message: BROWSER_DIALOG_MESSAGE,
        browserDialog: true,
      },
    )
    expect(BROWSER_DIALOG_MESSAGE).toBe('Печать через диалог браузера')
  })

  it('lists no printers: the browser dialog chooses one', async () => {
    await expect(new NullPrinter().listPrinters()).resolves.toEqual([])
  })
})

describe('NullPrinter.pdf', () => {
  it('makes no PDF and sends the renderer to the browser dialog’s «Сохранить как PDF»', async () => {
    await expect(new NullPrinter().pdf(DOC)).resolves.toEqual({
      ok: false,
      message: PDF_BROWSER_DIALOG_MESSAGE,
      browserDialog: true,
    })
    expect(PDF_BROWSER_DIALOG_MESSAGE).toMatch(/Сохранить как PDF/)
  })
})
