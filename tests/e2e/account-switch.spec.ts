// Going from one customer to the next never carries the last one's dialogs along: a credentials
// slip left open (with its one-time password) or a readings slip closes when the clerk presses F2
// (the unprinted credentials slip asking first), the password is gone from the page, and F8 works
// on the new card. Esc closes the credentials slip (asking first while it is unprinted).
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { readingPeriod } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { ahead, meteredAccount, sampleAccount, typedValue, type MeteredAccount } from './data'
import { expect, test } from './fixtures'
import { CabinetForms } from './pages/cabinet-forms'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { E2E_CLOCK_START } from './template'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const { period } = readingPeriod(businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE))

/** F2 from wherever focus is, the number typed, the account opened from the results. */
async function switchTo(page: Page, number: string): Promise<void> {
  const d = new DeskPage(page)
  await page.keyboard.press('F2')
  await expect(d.search).toBeFocused()
  await page.keyboard.type(number)
  await d.openResult(number)
}

/** Takes one month's readings of every meter from the keyboard; the slip opens. */
async function takeReadings(form: ReadingsForm, account: MeteredAccount): Promise<void> {
  await form.open(account.meters[0]!)
  for (const meter of account.meters) {
    for (let zone = 0; zone < meter.zones; zone++) {
      await form.page.keyboard.type(typedValue(ahead(meter, zone, 1), meter.fractionDigits))
      await form.page.keyboard.press('Enter')
    }
  }
  await expect(form.status).toHaveText('Проверка пройдена: нажмите «Принять» или Enter.')
  await form.page.keyboard.press('Enter')
  await expect(form.slip).toBeVisible()
}

test('Esc on the credentials slip asks while it is unprinted, then closes it and the password with it', async ({
  page,
  desk,
}) => {
  const a = await sampleAccount(desk.dbPath, 12)
  const d = new DeskPage(page)
  const forms = new CabinetForms(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await page.keyboard.type(a.number)
  await d.openResult(a.number)
  await page.keyboard.press('F7')
  await forms.fillPassport(a, '45 07 778800')
  await forms.field('Код подразделения').press('Enter')
  await expect(forms.slip).toBeVisible()
  const password = (await forms.issuedPassword.innerText()).trim()
  expect(password).toMatch(/^[A-Za-z0-9]{10}$/)

  const asked: string[] = []
  page.once('dialog', (dialog) => {
    asked.push(dialog.message())
    void dialog.dismiss()
  })
  await page.keyboard.press('Escape')
  await expect.poll(() => asked).toEqual([expect.stringContaining('Пароль больше не будет показан')])
  await expect(forms.slip).toBeVisible()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.keyboard.press('Escape')
  await expect(forms.slip).toBeHidden()
  expect(await page.content()).not.toContain(password)
  // Esc went to the slip, not to the card behind it.
  await expect(d.accountHeading(a.number)).toBeVisible()
})

test('a slip left open never reaches the next customer’s card, nor its one-time password', async ({
  page,
  desk,
}) => {
  const a = await sampleAccount(desk.dbPath, 11)
  const b = await meteredAccount(desk.dbPath, period, 3)
  const c = await meteredAccount(desk.dbPath, period, 4)
  const d = new DeskPage(page)
  const forms = new CabinetForms(page)
  const readings = new ReadingsForm(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await page.keyboard.type(a.number)
  await d.openResult(a.number)

  await test.step('A: registered, the slip with the password left open; F2 and account B', async () => {
    await page.keyboard.press('F7')
    await forms.fillPassport(a, '45 07 778899')
    await forms.field('Код подразделения').press('Enter')
    await expect(forms.slip).toBeVisible()
    const password = (await forms.issuedPassword.innerText()).trim()
    await expect(forms.preview().getByText(password)).toBeVisible()

    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.accept()
    })
    await switchTo(page, b.number)
    expect(asked).toEqual([expect.stringContaining('Пароль больше не будет показан')])
    await expect(forms.slip).toHaveCount(0)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await page.content()).not.toContain(password)
    for (const frame of page.frames()) expect(await frame.content()).not.toContain(password)
  })

  await test.step('B: F8 opens the readings form; the readings slip left open; F2 and account C', async () => {
    await takeReadings(readings, b)
    // F2 the moment the slip shows, while it may still be coming in: the slip closes, focus stays.
    await switchTo(page, c.number)
    await expect(readings.slip).toHaveCount(0)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await readings.open(c.meters[0]!)
  })
})
