// Meter readings at the counter: the clerk takes the readings of an account with a two-zone
// electricity meter and water meters in one keyboard pass, sees the consumption as they type,
// confirms an anomaly, prints the slip and finds the new readings in the history and its chart.
// Bad input is refused at its field and nothing is stored.
import type { Dialog, Page } from '@playwright/test'
import { formatMeterValue } from '../../src/shared/billing/meter-value'
import { formatPeriodRu, readingPeriod } from '../../src/shared/billing/period'
import { addDays, businessDate, DEFAULT_TIME_ZONE, formatDateRu } from '../../src/shared/dates'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import {
  ahead,
  meteredAccount,
  storedReadings,
  typedValue,
  type MeteredAccount,
  type SampleMeter,
} from './data'
import { expect, test } from './fixtures'
import { AccountCard } from './pages/account-card'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { E2E_CLOCK_START } from './template'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const today = businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE)
const { period } = readingPeriod(today)
const month = formatPeriodRu(period)

/** Signs in and opens the account from the search field, as a clerk does. */
async function openAccount(
  page: Page,
  url: string,
  account: MeteredAccount,
  clerk = operator,
): Promise<void> {
  const d = new DeskPage(page)
  await d.open(url)
  await d.signInToDesk(clerk.login, clerk.password)
  await page.keyboard.type(account.number)
  await d.openResult(account.number)
}

test('take the readings of a two-zone meter and water meters in one pass, then find them in the history', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 0)
  const form = new ReadingsForm(page)
  const card = new AccountCard(page)
  const before = await storedReadings(desk.dbPath, account.accountId)
  await openAccount(page, desk.url, account)

  await expect(form.button()).toHaveAccessibleName('Принять показания F8')
  const first = account.meters[0] as SampleMeter
  await form.open(first)
  await expect(form.dialog).toContainText(`за ${month}`)

  // One field per zone, reached with Enter; the consumption shows as the clerk types.
  const typed: Array<{ meter: SampleMeter; zone: number; milli: number }> = []
  for (const meter of account.meters) {
    await expect(
      form.dialog.getByRole('heading', { name: `${meter.serviceName} № ${meter.serial}` }),
    ).toBeVisible()
    for (let zone = 0; zone < meter.zones; zone++) {
      const field = form.field(meter, zone)
      await expect(field).toBeFocused()
      const milli = ahead(meter, zone, 1)
      await page.keyboard.type(typedValue(milli, meter.fractionDigits))
      const used = formatMeterValue(milli - (meter.previousMilli[zone] as number), meter.fractionDigits)
      await expect(field).toHaveAccessibleDescription(`Расход: ${used} ${meter.unit}`)
      typed.push({ meter, zone, milli })
      await page.keyboard.press('Enter')
    }
  }
  // Enter on the last field checked; a second Enter accepts.
  await expect(form.status).toHaveText('Проверка пройдена: нажмите «Принять» или Enter.')
  await page.keyboard.press('Enter')

  await expect(form.slip).toBeVisible()
  await expect(form.dialog).toBeHidden()
  await expect(form.slip.getByText(`Принято приборов: ${account.meters.length}, за ${month}.`)).toBeVisible()
  const slip = form.preview()
  await expect(slip.getByRole('heading', { name: 'Приём показаний' })).toBeVisible()
  await expect(slip.getByText(account.number)).toBeVisible()
  const electricity = account.meters.find((m) => m.zones === 2) as SampleMeter
  await expect(slip.getByRole('row', { name: `Заводской номер ${electricity.serial}` })).toBeVisible()
  await expect(slip.getByRole('row', { name: /^Расход \(день\)/ })).toBeVisible()
  await expect(slip.getByRole('row', { name: /^Расход \(ночь\)/ })).toBeVisible()
  await form.closeSlip()

  // Stored: one reading per meter, for this period, with the values typed.
  const after = await storedReadings(desk.dbPath, account.accountId)
  const added = after.filter((r) => !before.some((b) => b.id === r.id))
  expect(added).toHaveLength(account.meters.length)
  for (const { meter, zone, milli } of typed) {
    const row = added.find((r) => r.meter_id === meter.meterId)
    expect(row?.period).toBe(period)
    expect(Number(zone === 0 ? row?.zone1_milli : row?.zone2_milli)).toBe(milli)
  }

  // The history shows the new reading on top, and the consumption chart is named for a screen reader.
  await card.showTab(card.readingsTab)
  for (const meter of account.meters) {
    await expect(card.chart(meter)).toBeVisible()
    const newest = card.history(meter).getByRole('row').nth(1)
    await expect(newest).toContainText(month)
    await expect(newest).toContainText(formatDateRu(today))
    await expect(newest).toContainText('в офисе')
  }
})

test('a consumption far above the usual needs a confirmation and is flagged for review', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 1)
  const form = new ReadingsForm(page)
  const card = new AccountCard(page)
  await openAccount(page, desk.url, account)
  const electricity = account.meters.find((m) => m.zones === 2) as SampleMeter
  await form.open(account.meters[0] as SampleMeter)

  // Forty months' worth in one month, on the electricity meter only.
  await form.field(electricity, 0).fill(typedValue(ahead(electricity, 0, 40), 0))
  await form.field(electricity, 1).fill(typedValue(ahead(electricity, 1, 40), 0))
  await form.field(electricity, 1).press('Enter')
  const last = account.meters.at(-1) as SampleMeter
  await form.field(last, last.zones - 1).press('Enter')

  const confirm = form.confirmation('Подтверждаю необычно большой расход')
  await expect(confirm).toBeFocused()
  await expect(form.dialog.getByText(/Расход более чем в 3 раза выше обычного/)).toBeVisible()
  await expect(form.status).toContainText('Отметьте подтверждения')

  // Enter without the tick does not accept; Space ticks; Enter accepts.
  await page.keyboard.press('Enter')
  await expect(form.slip).toBeHidden()
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Space')
  await expect(confirm).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(form.slip).toBeVisible()
  await expect(form.slip.getByText('Показания с необычным расходом отмечены для проверки.')).toBeVisible()
  await form.closeSlip()

  const stored = (await storedReadings(desk.dbPath, account.accountId)).filter((r) => r.period === period)
  expect(stored).toHaveLength(1)
  expect(Boolean(stored[0]?.review)).toBe(true)

  await card.showTab(card.readingsTab)
  const newest = card.history(electricity).getByRole('row').nth(1)
  await expect(newest).toContainText(month)
  await expect(newest).toContainText('на проверке')
  await expect(card.chart(electricity)).toBeVisible()
})

test('bad readings are refused at their field with a message, and nothing is stored', async ({
  page,
  desk,
}) => {
  // An account with a five-digit meter for the «12 digits» case.
  let account: MeteredAccount | null = null
  for (let offset = 2; offset < 30 && !account; offset++) {
    const found = await meteredAccount(desk.dbPath, period, offset)
    if (found.meters.some((m) => m.digitCapacity === 5)) account = found
  }
  if (!account) throw new Error('Нет счёта с пятизначным счётчиком')
  const form = new ReadingsForm(page)
  const card = new AccountCard(page)
  const before = await storedReadings(desk.dbPath, account.accountId)
  await openAccount(page, desk.url, account)
  const electricity = account.meters.find((m) => m.zones === 2) as SampleMeter
  const fiveDigit = account.meters.find((m) => m.digitCapacity === 5) as SampleMeter
  await form.open(account.meters[0] as SampleMeter)

  const cases: Array<{ what: string; meter: SampleMeter; zone: number; text: string; message: RegExp }> = [
    { what: 'negative', meter: electricity, zone: 0, text: '-5', message: /не может быть отрицательным/ },
    {
      what: 'fraction on a whole-number meter',
      meter: electricity,
      zone: 1,
      text: `${typedValue(ahead(electricity, 1, 1), 0)},5`,
      message: /нет дробной части/,
    },
    {
      what: '12 digits on a 5-digit meter',
      meter: fiveDigit,
      zone: 0,
      text: '123456789012',
      message: /У прибора 5 цифр до запятой, а введено 12/,
    },
    { what: 'letters', meter: fiveDigit, zone: 0, text: '12а45', message: /есть буквы/ },
  ]
  for (const c of cases) {
    await test.step(c.what, async () => {
      // The other fields hold good values, so only this one is wrong.
      for (const meter of account.meters) {
        for (let zone = 0; zone < meter.zones; zone++) {
          await form.field(meter, zone).fill(typedValue(ahead(meter, zone, 1), meter.fractionDigits))
        }
      }
      const field = form.field(c.meter, c.zone)
      await field.fill(c.text)
      await form.checkButton.click()
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(field).toHaveAccessibleDescription(c.message)
      await expect(field).toBeFocused()
      // Neither Enter nor «Принять» accepts it.
      await page.keyboard.press('Enter')
      await form.acceptButton.click()
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(form.slip).toBeHidden()
    })
  }

  await test.step('a date in the future', async () => {
    const field = form.field(fiveDigit, 0)
    await field.fill(typedValue(ahead(fiveDigit, 0, 1), fiveDigit.fractionDigits))
    await form.dialog.getByRole('radio', { name: 'по телефону' }).check()
    const date = form.dialog.getByRole('textbox', { name: 'Дата показаний (ДД.ММ.ГГГГ)' })
    await date.fill(formatDateRu(addDays(today, 1)))
    await date.press('Enter')
    await form.checkButton.click()
    await expect(date).toHaveAttribute('aria-invalid', 'true')
    await expect(form.dialog.getByText('Дата показаний в будущем')).toBeVisible()
    await form.acceptButton.click()
    await expect(form.slip).toBeHidden()
  })

  await form.discard()
  expect(await storedReadings(desk.dbPath, account.accountId)).toEqual(before)
  await card.showTab(card.readingsTab)
  for (const meter of account.meters) {
    await expect(card.history(meter)).toBeVisible()
    await expect(card.history(meter).getByRole('row').filter({ hasText: month })).toHaveCount(0)
  }
})

test('a reading below the previous one: the clerk records the replaced meter and its start reading', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 6)
  const form = new ReadingsForm(page)
  const card = new AccountCard(page)
  await openAccount(page, desk.url, account)
  const water = account.meters.find((m) => m.serviceCode === 'cold_water') as SampleMeter
  await form.open(account.meters[0] as SampleMeter)

  await form.field(water, 0).fill('3,5')
  await expect(form.field(water, 0)).toHaveAccessibleDescription('Меньше предыдущего показания')
  await form.checkButton.click()
  await expect(form.confirmation('Подтверждаю переход через ноль')).toBeFocused()
  await expect(form.dialog.getByText(/Показание меньше предыдущего/)).toBeVisible()

  // Not a rollover: the meter was replaced. The new one's fields, from the keyboard.
  await page.keyboard.press('Tab')
  const replaced = form.dialog.getByRole('button', { name: 'Счётчик заменён…' })
  await expect(replaced).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(form.dialog.getByRole('group', { name: `Новый прибор вместо ${water.serial}` })).toBeVisible()
  await form.dialog.getByRole('textbox', { name: 'Заводской номер нового прибора' }).fill('ХВ-000777')
  await form.dialog
    .getByRole('textbox', { name: 'Следующая поверка (ДД.ММ.ГГГГ)' })
    .fill(formatDateRu(addDays(today, 6 * 365)))
  await expect(form.dialog.getByRole('textbox', { name: 'Установлен (ДД.ММ.ГГГГ)' })).toHaveValue(
    formatDateRu(today),
  )
  await expect(form.dialog.getByRole('textbox', { name: 'Начальное показание' })).toHaveValue('0')
  await expect(form.field(water, 0)).toHaveAccessibleDescription(`Расход: 3,500 ${water.unit}`)
  await form.acceptButton.click()

  await expect(form.slip).toBeVisible()
  await expect(form.preview().getByRole('row', { name: 'Заводской номер ХВ-000777' })).toBeVisible()
  await form.closeSlip()

  // The card knows the new meter; the old one is no longer active, its history kept.
  await expect(page.getByRole('row').filter({ hasText: 'ХВ-000777' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: water.serial })).toContainText('снят')
  await card.showTab(card.readingsTab)
  await expect(card.history({ serviceName: water.serviceName, serial: 'ХВ-000777' })).toContainText('3,500')
  await expect(card.history(water).getByRole('row').filter({ hasText: month })).toHaveCount(0)
})

test('Esc closes an untouched form at once, and asks before dropping typed readings', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 7)
  const form = new ReadingsForm(page)
  const before = await storedReadings(desk.dbPath, account.accountId)
  await openAccount(page, desk.url, account)
  const first = account.meters[0] as SampleMeter

  await form.open(first)
  await page.keyboard.press('Escape')
  await expect(form.dialog).toBeHidden()
  await expect(new DeskPage(page).accountHeading(account.number)).toBeVisible()

  await form.open(first)
  await page.keyboard.type(typedValue(ahead(first, 0, 1), first.fractionDigits))
  // The clerk's answers to the form's question, in turn: keep typing, then drop them.
  const asked: string[] = []
  const answers = ['dismiss', 'accept']
  page.on('dialog', (d: Dialog) => {
    asked.push(d.message())
    void (answers.shift() === 'accept' ? d.accept() : d.dismiss())
  })
  const question = 'Закрыть форму? Введённые показания не будут сохранены.'
  await page.keyboard.press('Escape')
  await expect.poll(() => asked).toEqual([question])
  await expect(form.dialog).toBeVisible()
  await expect(form.field(first, 0)).not.toHaveValue('')

  await form.cancelButton.click()
  await expect(form.dialog).toBeHidden()
  expect(asked).toEqual([question, question])
  expect(await storedReadings(desk.dbPath, account.accountId)).toEqual(before)
})
