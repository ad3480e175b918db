// The charge run and what it does to an account: a supervisor takes an account's readings, runs
// the charges for the month they count for, and sees the debt on the card and the month in the
// statement change by exactly what was charged; running the month again changes nothing.
import type { Page } from '@playwright/test'
import { formatMeterValue } from '../../src/shared/billing/meter-value'
import { formatPeriodRu, periodOf } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE, formatDateRu } from '../../src/shared/dates'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { meteredAccount, typedValue, type SampleMeter } from './data'
import { expect, test } from './fixtures'
import { AccountCard } from './pages/account-card'
import { ChargesPage } from './pages/charges-page'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { E2E_CLOCK_START } from './template'

const supervisor = DEMO_CLERKS.find((c) => c.role === 'supervisor')!
const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const today = businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE)
// The month the charges are run for: this one. After the window closes (the 25th) a reading
// taken today counts for next month, so the customer's reading is dated the 25th, by phone.
const period = periodOf(today)
const lateInMonth = Number(today.slice(8, 10)) > 25
const month = formatPeriodRu(period)

/**
 * «Долг: 1 234,56 ₽» → 123456; «Переплата 50,00 ₽» → −5000; «−1 170,78 ₽» → −117078; the card's
 * «Долг: 100,00 ₽ · аванс по другим услугам 30,00 ₽» → 7000 (what the account owes in all).
 */
function kopecks(text: string): number {
  if (text.includes('Долга нет')) return 0
  const [owed, advance] = text.split('·')
  if (advance !== undefined) return kopecks(owed as string) - kopecks(advance)
  const m = /(−|-)?([\d\s\u00a0\u202f]+),(\d{2})\s*₽/.exec(text)
  if (!m) throw new Error(`Не сумма: ${text}`)
  const value = Number((m[2] as string).replace(/\D/g, '')) * 100 + Number(m[3])
  return m[1] || text.includes('Переплата') ? -value : value
}

async function debtOnCard(card: AccountCard): Promise<number> {
  await expect(card.debt).toHaveText(/Долг: |Переплата |Долга нет/)
  return kopecks(await card.debt.innerText())
}

async function findAccount(page: Page, number: string): Promise<void> {
  const d = new DeskPage(page)
  await page.keyboard.press('F2')
  // Typing (not the same text left in the field) brings the desk's results back from any screen.
  await page.keyboard.press('Backspace')
  await page.keyboard.type(number)
  await d.openResult(number)
}

test('a supervisor runs the charges for the month of new readings: the debt and the statement change', async ({
  page,
  desk,
}) => {
  // Two charge runs over the whole test database (5,000 accounts).
  test.setTimeout(300_000)
  const account = await meteredAccount(desk.dbPath, period, 3)
  const d = new DeskPage(page)
  const card = new AccountCard(page)
  const form = new ReadingsForm(page)
  const charges = new ChargesPage(page)
  await d.open(desk.url)
  await d.signInToDesk(supervisor.login, supervisor.password)
  await findAccount(page, account.number)

  const debtBefore = await debtOnCard(card)
  await card.showTab(card.billingTab)
  await expect(card.statementRow(month)).toBeVisible()
  const chargedBefore = kopecks(await card.statementRow(month).getByRole('cell').first().innerText())

  // The customer's readings: a month's usual consumption on every meter.
  await form.open(account.meters[0] as SampleMeter)
  if (lateInMonth) {
    await form.dialog.getByRole('radio', { name: 'по телефону' }).check()
    await form.dialog
      .getByRole('textbox', { name: 'Дата показаний (ДД.ММ.ГГГГ)' })
      .fill(formatDateRu(`${period}-25`))
    await form.field(account.meters[0] as SampleMeter, 0).focus()
  }
  const used = new Map<SampleMeter, number>()
  for (const meter of account.meters) {
    for (let zone = 0; zone < meter.zones; zone++) {
      const step = 10 ** (3 - meter.fractionDigits)
      const usual = Math.max(step, Math.round((meter.monthlyMilli[zone] ?? step) / step) * step)
      if (zone === 0) used.set(meter, usual)
      await form
        .field(meter, zone)
        .fill(typedValue((meter.previousMilli[zone] as number) + usual, meter.fractionDigits))
    }
  }
  const last = account.meters.at(-1) as SampleMeter
  await form.field(last, last.zones - 1).press('Enter')
  await expect(form.status).toHaveText(/Проверка пройдена/)
  await page.keyboard.press('Enter')
  await expect(form.slip).toBeVisible()
  await form.closeSlip()

  // The charge run for the month.
  await charges.open()
  await charges.choose(month)
  await charges.run()
  await expect(charges.result).toContainText(`Расчёт за ${month} выполнен`)
  expect(Number((await charges.figure('Лицевых счетов').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0)
  expect(
    Number((await charges.figure('Изменено начислений').innerText()).replace(/\D/g, '')),
  ).toBeGreaterThan(0)

  // The card: the debt grew by what the month charged, and the statement shows it.
  await findAccount(page, account.number)
  await card.showTab(card.billingTab)
  const row = card.statementRow(month)
  await expect(row.getByRole('cell').first()).not.toHaveText(formatMoneyText(chargedBefore))
  const chargedAfter = kopecks(await row.getByRole('cell').first().innerText())
  expect(chargedAfter).toBeGreaterThan(chargedBefore)
  expect(await debtOnCard(card)).toBe(debtBefore + chargedAfter - chargedBefore)

  // The month's detail: the electricity charged on the readings, zone by zone.
  const detail = await card.openMonth(month)
  await expect(detail).toBeVisible()
  const electricity = account.meters.find((m) => m.zones === 2) as SampleMeter
  // (A month estimated before the reading may be taken back on its own row: «перерасчёт за …».)
  const day = detail
    .getByRole('row')
    .filter({ hasText: `№ ${electricity.serial}, день` })
    .filter({ hasText: 'по показаниям' })
  await expect(day).toContainText(`${formatMeterValue(used.get(electricity) as number, 0)} кВт·ч`)
  await expect(detail.getByRole('row').filter({ hasText: 'Итого' })).toContainText(
    formatMoneyText(chargedAfter),
  )
  await expect(
    card.billingPanel.getByRole('img', { name: `Доля услуг в начислениях за ${month}` }),
  ).toBeVisible()
  await expect(card.billingPanel.getByRole('img', { name: /^Долг на конец месяца/ })).toBeVisible()

  // The same month again changes nothing.
  await charges.open()
  await charges.choose(month)
  await charges.run()
  await expect(charges.figure('Изменено начислений')).toHaveText('0')
})

test('the charge run is for supervisors: an operator has no link and the screen says whom to ask', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await expect(page.getByRole('link', { name: 'Начисления' })).toHaveCount(0)
  await page.evaluate("location.hash = '#/charges'")
  await expect(
    page.getByText('Расчёт начислений доступен старшему операционисту и администратору.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Рассчитать' })).toHaveCount(0)
})

/** Kopecks as the desk shows them, for comparing with a cell. */
function formatMoneyText(k: number): string {
  const abs = Math.abs(k)
  const rubles = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
  return `${k < 0 ? '−' : ''}${rubles},${String(abs % 100).padStart(2, '0')}\u00a0₽`
}
