// Every screen at the common office resolution (1366×768): what must be seen without scrolling is
// in the viewport, the card's buttons keep their places from account to account, the bar keeps
// all its buttons for every role, notices and previews are readable, the appointment board opens
// on its first free time, and the readings chart keeps empty months. A screenshot of each screen
// lands in the test's output folder, to be looked at (OKNO_E2E_VIEWPORT=1920x1080 for the wide one).
import type { Locator, Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatPeriodRu, readingPeriod } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { indebtedAccount } from './cash-data'
import {
  ahead,
  currentPassportIssueDate,
  meteredAccount,
  meterWithGap,
  ruDate,
  typedValue,
  type MeteredAccount,
} from './data'
import { expect, test } from './fixtures'
import { expectReadableNotices, previewTextPx } from './layout'
import { AccountCard } from './pages/account-card'
import { AppointmentDesk } from './pages/appointment-desk'
import { CabinetForms } from './pages/cabinet-forms'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { OFFICE_SCREEN, shot } from './shots'
import { E2E_CLOCK_START } from './template'

const byRole = (role: string) => DEMO_CLERKS.find((c) => c.role === role)!
const { period } = readingPeriod(businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE))
/** Text drawn smaller than this is hard to read at a counter. */
const READABLE_PX = 12

test.use({ viewport: OFFICE_SCREEN })

async function signedIn(page: Page, url: string, role: string): Promise<DeskPage> {
  const d = new DeskPage(page)
  await d.open(url)
  const clerk = byRole(role)
  await d.signInToDesk(clerk.login, clerk.password)
  return d
}

async function openCard(page: Page, d: DeskPage, number: string): Promise<void> {
  await page.keyboard.press('F2')
  await page.keyboard.type(number)
  await d.openResult(number)
}

async function typeReadings(form: ReadingsForm, account: MeteredAccount): Promise<void> {
  await form.open(account.meters[0]!)
  for (const meter of account.meters) {
    for (let zone = 0; zone < meter.zones; zone++) {
      await form.page.keyboard.type(typedValue(ahead(meter, zone, 1), meter.fractionDigits))
      await form.page.keyboard.press('Enter')
    }
  }
}

/** Where the card's act buttons are: their boxes, rounded to whole pixels. */
async function actButtons(page: Page): Promise<Array<{ x: number; y: number }>> {
  const boxes = []
  for (const name of [/^Оплатить F9/, /^Принять показания F8/, /^Записать на приём F12/]) {
    const box = await page.getByRole('button', { name }).boundingBox()
    if (box) boxes.push({ x: Math.round(box.x), y: Math.round(box.y) })
  }
  return boxes
}

/** A locator fully inside the viewport, without scrolling. */
async function expectInSight(locator: Locator): Promise<void> {
  await expect(locator).toBeInViewport({ ratio: 1 })
}

test('the account card: people, meters and cabinet in sight, the buttons in their places', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 6)
  const other = await indebtedAccount(desk.dbPath, 2)
  const d = new DeskPage(page)
  await d.open(desk.url)
  await shot(page, 'sign-in')
  await d.signInToDesk(byRole('operator').login, byRole('operator').password)
  await shot(page, 'desk')
  await page.keyboard.type(account.number.slice(0, 6))
  await expect(d.options.first()).toBeVisible()
  await shot(page, 'search-results')

  const card = new AccountCard(page)
  await openCard(page, d, other.accountNumber)
  await expect(card.debt).not.toBeEmpty()
  const there = await actButtons(page)
  expect(there).toHaveLength(3)
  expect(new Set(there.map((b) => b.y)).size, 'the act buttons in one row').toBe(1)
  const debtThere = await card.debt.innerText()
  await shot(page, 'card-info-other')

  await openCard(page, d, account.number)
  await expect(card.debt).not.toBeEmpty()
  expect(await card.debt.innerText()).not.toBe(debtThere)
  expect(await actButtons(page), 'the act buttons where they were on the last card').toEqual(there)
  await expectInSight(page.getByRole('heading', { name: 'Собственники и зарегистрированные' }))
  await expectInSight(page.getByRole('heading', { name: 'Приборы учёта' }))
  await expectInSight(page.getByRole('heading', { name: 'Личный кабинет' }))
  await expectInSight(page.getByRole('button', { name: /^Зарегистрировать F7/ }))
  await expectInSight(page.getByRole('row').filter({ hasText: account.meters.at(-1)!.serial }))
  await shot(page, 'card-info')
})

test('the card’s dialogs and tabs: the readings verdict in sight, readable previews, empty months charted', async ({
  page,
  desk,
}) => {
  const account = await meteredAccount(desk.dbPath, period, 6)
  const gap = await meterWithGap(desk.dbPath)
  const d = await signedIn(page, desk.url, 'operator')
  const card = new AccountCard(page)
  const form = new ReadingsForm(page)
  const forms = new CabinetForms(page)
  await openCard(page, d, account.number)

  await typeReadings(form, account)
  await expect(form.status).toHaveText('Проверка пройдена: нажмите «Принять» или Enter.')
  await expectInSight(form.status)
  await expectReadableNotices(page, 'приём показаний')
  await shot(page, 'readings-checked')
  await page.keyboard.press('Enter')
  await expect(form.slip).toBeVisible()
  const slipPreview = form.slip.locator('iframe')
  await expect(slipPreview).toBeVisible()
  expect(await previewTextPx(slipPreview)).toBeGreaterThanOrEqual(READABLE_PX)
  await expectReadableNotices(page, 'квитанция о приёме показаний')
  await shot(page, 'readings-slip')
  await page.keyboard.press('Escape')
  await expect(form.slip).toBeHidden()

  await page.keyboard.press('F7')
  await expect(forms.dialog).toBeVisible()
  await shot(page, 'cabinet-register')
  const born = await forms.field('Дата рождения (ДД.ММ.ГГГГ)').inputValue()
  await forms.field('Серия и номер паспорта').fill('45 08 112233')
  await forms
    .field('Дата выдачи (ДД.ММ.ГГГГ)')
    .fill(ruDate(currentPassportIssueDate(born.split('.').reverse().join('-'))))
  await forms.field('Кем выдан').fill('ОУФМС России по г. Севастополю')
  await forms.field('Код подразделения').fill('920-001')
  await forms.field('Код подразделения').press('Enter')
  await expect(forms.slip).toBeVisible()
  await expectReadableNotices(page, 'памятка личного кабинета')
  await shot(page, 'cabinet-slip')
  page.once('dialog', (dialog) => void dialog.accept())
  await page.keyboard.press('Escape')
  await expect(forms.slip).toBeHidden()

  await card.showTab(page.getByRole('tab', { name: 'Записи на приём' }))
  await shot(page, 'card-appointments')
  await card.showTab(card.billingTab)
  await expect(card.statement()).toBeVisible()
  await shot(page, 'card-billing')
  await page.keyboard.press('Control+B')
  const bill = page.getByRole('dialog').filter({ hasText: 'Квитанция за месяц' })
  await expect(bill.locator('iframe')).toBeVisible()
  expect(await previewTextPx(bill.locator('iframe'))).toBeGreaterThanOrEqual(READABLE_PX)
  await shot(page, 'bill')
  await page.keyboard.press('Escape')
  await expect(bill).toBeHidden()

  // A meter with a month without a reading: the chart keeps that month, empty.
  await openCard(page, d, gap.accountNumber)
  await card.showTab(card.readingsTab)
  const chart = card.chart(gap)
  await expect(chart).toHaveAttribute('data-drawn', 'true')
  const data = card.readingsPanel.getByRole('table', {
    name: `Расход по месяцам, ${gap.unit}: ${gap.serviceName} № ${gap.serial}`,
  })
  await expect(data.getByRole('row', { name: new RegExp(`^${formatPeriodRu(gap.missing)} —$`) })).toHaveCount(
    1,
  )
  await chart.scrollIntoViewIfNeeded()
  await shot(page, 'card-readings')
})

test('the cash desk, a payment and its receipt', async ({ page, desk }) => {
  const draft = await indebtedAccount(desk.dbPath, 7)
  await signedIn(page, desk.url, 'operator')
  const cash = new CashDesk(page)
  await cash.open()
  await shot(page, 'cash-no-shift')
  await cash.openShift('1000')
  await shot(page, 'cash-shift')
  await cash.payFor(draft.accountNumber)
  await page.keyboard.type('100')
  await expectInSight(cash.submitPayment)
  await shot(page, 'payment')
  await page.keyboard.press('Enter')
  await expect(cash.receiptDialog).toBeVisible()
  const preview = cash.receiptDialog.locator('iframe')
  await expect(preview).toBeVisible()
  expect(await previewTextPx(preview)).toBeGreaterThanOrEqual(READABLE_PX)
  await shot(page, 'receipt')
  await page.keyboard.press('Escape')
  await page.keyboard.press('F1')
  await expect(page.getByRole('dialog')).toBeVisible()
  await shot(page, 'shortcuts')
})

test.describe('with a 58 mm receipt printer', () => {
  test.use({ deskSettings: { printer: { paper: 'thermal58', deviceName: null, copies: 1 } } })

  test('the receipt on a narrow roll is drawn large enough to read', async ({ page, desk }) => {
    const draft = await indebtedAccount(desk.dbPath, 8)
    await signedIn(page, desk.url, 'operator')
    const cash = new CashDesk(page)
    await cash.open()
    await cash.openShift('0')
    await cash.payFor(draft.accountNumber)
    await page.keyboard.type('50')
    await page.keyboard.press('Enter')
    const preview = cash.receiptDialog.locator('iframe')
    await expect(preview).toBeVisible()
    expect(await previewTextPx(preview)).toBeGreaterThanOrEqual(READABLE_PX)
    await shot(page, 'receipt-58mm')
  })
})

test.describe('on a Monday afternoon', () => {
  // Monday 23 November 2026, 14:10 in Sevastopol: the morning is past.
  test.use({ deskClock: '2026-11-23T11:10:00.000Z' })

  test('the appointment board opens on its first free time, in sight', async ({ page, desk }) => {
    await signedIn(page, desk.url, 'operator')
    const appt = new AppointmentDesk(page)
    await appt.open()
    const labels = await appt.board
      .getByRole('gridcell')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''))
    const firstFree = labels.find((l) => /, свободно$/.test(l))
    expect(firstFree).toMatch(/^1[4-9]:\d\d, место \d+, свободно$/)
    await expect(appt.focusedCell()).toHaveAttribute('aria-label', firstFree!)
    await expectInSight(appt.focusedCell())
    await shot(page, 'appointments-day')
    await page.keyboard.press('Enter')
    await expect(appt.booking).toBeVisible()
    await shot(page, 'appointments-booking')
    await page.keyboard.press('Escape')
    await expect(appt.booking).toBeHidden()
    await appt.tab('Неделя').click()
    await shot(page, 'appointments-week')
    await appt.tab('Поиск').click()
    await shot(page, 'appointments-search')
  })
})

for (const role of ['operator', 'supervisor', 'administrator']) {
  test(`the bar and the screens of the ${role}`, async ({ page, desk }) => {
    await signedIn(page, desk.url, role)
    await expectInSight(page.getByRole('button', { name: 'Заблокировать Ctrl+L' }))
    await expectInSight(page.getByRole('button', { name: 'Выйти' }))
    await shot(page, `bar-${role}`)
    for (const [link, name] of [
      ['Отчёты', 'reports'],
      ['Начисления', 'charges'],
      ['Настройки', 'settings'],
    ] as const) {
      const to = page.getByRole('link', { name: link })
      if ((await to.count()) === 0) continue
      await to.click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectReadableNotices(page, `${name}, ${role}`)
      await shot(page, `${name}-${role}`)
    }
    await page.getByRole('link', { name: 'Запись на приём: график, календарь, темы' }).click()
    await expect(page.getByRole('heading', { name: 'Запись на приём: настройки' })).toBeVisible()
    await expectReadableNotices(page, `appointment-settings, ${role}`)
    await shot(page, `appointment-settings-${role}`)
    await page.keyboard.press('Control+Shift+S')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectReadableNotices(page, `sync, ${role}`)
    await shot(page, `sync-${role}`)
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { name: 'Экран заблокирован' })).toBeVisible()
    await shot(page, `lock-${role}`)
  })
}
