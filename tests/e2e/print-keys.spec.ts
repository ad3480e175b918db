// Ctrl+P on a ticket or a slip belongs to the desk from the moment the dialog shows (never the
// browser's print of the whole page), and after printing focus comes back from the preview's
// frame to the dialog, so Esc, F2 and F8 keep working without the mouse.
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { readingPeriod } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { ahead, meteredAccount, sampleAccount, typedValue } from './data'
import { expect, test } from './fixtures'
import { AppointmentDesk } from './pages/appointment-desk'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { E2E_CLOCK_START } from './template'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!

// What the page-side code below uses of the browser (this project compiles tests without the DOM).
interface KeyLike {
  ctrlKey: boolean
  code: string
  defaultPrevented: boolean
}
interface PageKeys {
  printKeys: KeyLike[]
  addEventListener(type: 'keydown', listener: (e: KeyLike) => void, capture: boolean): void
}
interface Dispatcher {
  dispatchEvent(event: unknown): boolean
}
interface PageDom {
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: object): void
    disconnect(): void
  }
  KeyboardEvent: new (type: string, init: object) => unknown
  document: {
    body: Dispatcher
    activeElement: Dispatcher | null
    querySelectorAll(selector: string): Iterable<{ textContent: string | null }>
  }
}

/** Records every Ctrl+P keydown before the desk sees it, to ask later whether the desk took it. */
async function watchPrintKeys(page: Page): Promise<() => Promise<boolean[]>> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageKeys
    w.printKeys = []
    w.addEventListener('keydown', (e) => e.ctrlKey && e.code === 'KeyP' && w.printKeys.push(e), true)
  })
  return () =>
    page.evaluate(() => (globalThis as unknown as PageKeys).printKeys.map((e) => e.defaultPrevented))
}

/**
 * Presses Ctrl+P where focus is at the very moment a dialog titled `title` enters the page — before
 * any transition or focus move, as a clerk's hand already on the keys does. A test cannot time a
 * real key press that closely, so the key is dispatched from the page itself.
 */
async function ctrlPWhenShown(page: Page, title: string): Promise<void> {
  await page.evaluate((text) => {
    const { MutationObserver, KeyboardEvent, document } = globalThis as unknown as PageDom
    const observer = new MutationObserver(() => {
      const heading = [...document.querySelectorAll('[role="dialog"] h2')].find((h) =>
        h.textContent?.includes(text),
      )
      if (!heading) return
      observer.disconnect()
      const target = document.activeElement ?? document.body
      target.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'p',
          code: 'KeyP',
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
        }),
      )
    })
    observer.observe(document.body, { childList: true, subtree: true })
  }, title)
}

async function openAccount(page: Page, url: string, number: string): Promise<DeskPage> {
  const d = new DeskPage(page)
  await d.open(url)
  await d.signInToDesk(operator.login, operator.password)
  await page.keyboard.type(number)
  await d.openResult(number)
  return d
}

test.describe('on a Monday the offices receive', () => {
  // Monday 23 November 2026, 08:30 in Sevastopol.
  test.use({ deskClock: '2026-11-23T05:30:00.000Z' })

  test('Ctrl+P pressed the moment the ticket shows prints the ticket; then Esc closes it', async ({
    page,
    desk,
  }) => {
    const account = await sampleAccount(desk.dbPath, 8)
    const d = await openAccount(page, desk.url, account.number)
    const appt = new AppointmentDesk(page)
    const printKeys = await watchPrintKeys(page)

    await page.keyboard.press('F12')
    await expect(appt.booking.getByText(`Запись на приём — счёт ${account.number}`)).toBeVisible()
    await expect(appt.topic('Консультация')).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(appt.days).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(appt.times).toBeFocused()
    await ctrlPWhenShown(page, 'талон')
    await page.keyboard.press('Enter')

    await expect(appt.ticket.getByRole('status')).toHaveText('Талон отправлен на печать.')
    expect(await printKeys()).toEqual([true])
    await expect(appt.ticket.getByRole('button', { name: /^Готово/ })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(appt.ticket).toBeHidden()
    await page.keyboard.press('F2')
    await expect(d.search).toBeFocused()
  })
})

test('after Ctrl+P on the readings slip, Esc closes it and F8 takes readings again', async ({
  page,
  desk,
}) => {
  const { period } = readingPeriod(businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE))
  const account = await meteredAccount(desk.dbPath, period, 5)
  const d = await openAccount(page, desk.url, account.number)
  const form = new ReadingsForm(page)
  const printKeys = await watchPrintKeys(page)

  await form.open(account.meters[0]!)
  for (const meter of account.meters) {
    for (let zone = 0; zone < meter.zones; zone++) {
      await page.keyboard.type(typedValue(ahead(meter, zone, 1), meter.fractionDigits))
      await page.keyboard.press('Enter')
    }
  }
  await expect(form.status).toHaveText('Проверка пройдена: нажмите «Принять» или Enter.')
  await page.keyboard.press('Enter')
  await expect(form.slip).toBeVisible()
  await expect(form.preview().getByText(account.number).first()).toBeVisible()

  await page.keyboard.press('Control+P')
  await expect(form.slip.getByRole('status').filter({ hasText: 'отправлена на принтер' })).toBeVisible()
  expect(await printKeys()).toEqual([true])
  await expect(form.slip.getByRole('button', { name: /^Готово/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(form.slip).toBeHidden()
  await form.open(account.meters[0]!)
  await page.keyboard.press('Escape')
  await expect(form.dialog).toBeHidden()
  await page.keyboard.press('F2')
  await expect(d.search).toBeFocused()
})
