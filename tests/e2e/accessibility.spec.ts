// Every control on every screen has an accessible name (a visible label or a Russian
// aria-label), so a screen reader and role-based locators find it; one combobox for search.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatPeriodRu, readingPeriod } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { expectAllControlsNamed } from './a11y'
import { indebtedAccount } from './cash-data'
import { meteredAccount, sampleAccount, typedValue, type SampleMeter } from './data'
import { expect, test } from './fixtures'
import { AccountCard } from './pages/account-card'
import { AppointmentDesk } from './pages/appointment-desk'
import { CashDesk } from './pages/cash-desk'
import { ChargesPage } from './pages/charges-page'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { E2E_CLOCK_START } from './template'
import { shot } from './shots'

test('sign-in, desk, results, account card, settings and lock screen: all controls are named', async ({
  page,
  desk,
}) => {
  const admin = DEMO_CLERKS.find((c) => c.role === 'administrator')!
  const d = new DeskPage(page)
  await d.open(desk.url)
  await expectAllControlsNamed(page, 'вход')

  await d.signIn(admin.login, admin.password)
  await expect(d.search).toBeFocused()
  await expect(page.getByRole('combobox')).toHaveCount(1)
  const sample = await sampleAccount(desk.dbPath, 11)
  await page.keyboard.type(sample.surname.slice(0, 3))
  await expect(d.options.first()).toBeVisible()
  await expectAllControlsNamed(page, 'результаты поиска')

  await d.searchFor(sample.number)
  await expect(d.options).toHaveCount(1)
  await d.search.press('Enter')
  await expect(d.accountHeading(sample.number)).toBeVisible()
  await expectAllControlsNamed(page, 'карточка счёта')

  await page.keyboard.press('F7')
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectAllControlsNamed(page, 'регистрация в личном кабинете')
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()

  await page.getByRole('link', { name: 'Настройки' }).click()
  await expect(page.getByRole('heading', { name: 'Настройки рабочего места' })).toBeVisible()
  await expectAllControlsNamed(page, 'настройки')

  await page.keyboard.press('Control+L')
  await expect(d.lockHeading).toBeVisible()
  await expectAllControlsNamed(page, 'блокировка')
})

test('readings dialog (with its checks and a meter replacement), account sections and the charge run: all controls are named', async ({
  page,
  desk,
}) => {
  const supervisor = DEMO_CLERKS.find((c) => c.role === 'supervisor')!
  const { period } = readingPeriod(businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE))
  const account = await meteredAccount(desk.dbPath, period, 5)
  const electricity = account.meters.find((m) => m.zones === 2) as SampleMeter
  const d = new DeskPage(page)
  const form = new ReadingsForm(page)
  const card = new AccountCard(page)
  await d.open(desk.url)
  await d.signInToDesk(supervisor.login, supervisor.password)
  await page.keyboard.type(account.number)
  await d.openResult(account.number)
  await expectAllControlsNamed(page, 'карточка счёта с показаниями')

  await form.open(account.meters[0] as SampleMeter)
  await expectAllControlsNamed(page, 'приём показаний')
  await form.dialog.getByRole('radio', { name: 'по телефону' }).check()
  await expect(form.dialog.getByRole('textbox', { name: 'Дата показаний (ДД.ММ.ГГГГ)' })).toBeVisible()
  // A value below the previous one: the rollover confirmation and the replacement are offered.
  await form.field(electricity, 0).fill(typedValue((electricity.previousMilli[0] as number) - 5000, 0))
  await form.field(electricity, 1).fill(typedValue(electricity.previousMilli[1] as number, 0))
  await form.checkButton.click()
  await expect(form.confirmation('Подтверждаю переход через ноль')).toBeVisible()
  await form.dialog.getByRole('button', { name: 'Счётчик заменён…' }).click()
  await expect(form.dialog.getByRole('textbox', { name: 'Заводской номер нового прибора' })).toBeVisible()
  await expectAllControlsNamed(page, 'приём показаний: проверка и замена счётчика')
  await form.discard()

  await card.showTab(card.readingsTab)
  await expect(card.chart(electricity)).toBeVisible()
  await expectAllControlsNamed(page, 'история показаний')
  await card.showTab(card.billingTab)
  await expect(card.statement()).toBeVisible()
  await card.openMonth(formatPeriodRu(electricity.previousPeriod))
  await expectAllControlsNamed(page, 'начисления и оплаты')

  const charges = new ChargesPage(page)
  await charges.open()
  await expectAllControlsNamed(page, 'расчёт начислений')
})

test('cash desk, its shift dialogs, the payment form, receipt and refund: all controls are named', async ({
  page,
  desk,
}) => {
  const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
  const draft = await indebtedAccount(desk.dbPath, 5)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await expectAllControlsNamed(page, 'касса без смены')
  await page.keyboard.press('F1')
  const help = page.getByRole('dialog').filter({ hasText: 'Клавиши' })
  await expect(help.getByText('F6 — касса: приём оплаты и смена')).toBeVisible()
  await expect(help.getByText(/^F9 — оплатить/)).toBeVisible()
  await shot(page, 'cash-shortcuts')
  await help.getByRole('button', { name: 'Закрыть' }).click()
  await expect(help).toBeHidden()

  await page.keyboard.press('F3')
  await expect(cash.dialog('Открытие смены')).toBeVisible()
  await expectAllControlsNamed(page, 'открытие смены')
  await page.keyboard.type('1000')
  await page.keyboard.press('Enter')
  await expect(cash.dialog('Открытие смены')).toBeHidden()
  await expectAllControlsNamed(page, 'касса со сменой')

  await page.keyboard.press('F4')
  await expect(cash.dialog('Внесение или изъятие')).toBeVisible()
  await expectAllControlsNamed(page, 'внесение')
  await shot(page, 'cash-move')
  await page.keyboard.press('Escape')
  await expect(cash.dialog('Внесение или изъятие')).toBeHidden()

  await cash.field.fill(draft.accountNumber.slice(0, -1))
  await expect(d.options.first()).toBeVisible()
  await expectAllControlsNamed(page, 'касса: результаты поиска')

  await cash.payFor(draft.accountNumber)
  await expectAllControlsNamed(page, 'форма оплаты')
  await cash.share(draft.debts[0]!.serviceName).fill('1')
  await expect(cash.payment.getByRole('button', { name: 'По умолчанию' })).toBeVisible()
  await expectAllControlsNamed(page, 'форма оплаты: распределение изменено')
  await cash.payment.getByRole('button', { name: 'По умолчанию' }).click()
  await page.keyboard.press('Alt+KeyL')
  await cash.submitPayment.click()
  await expect(cash.receiptDialog).toBeVisible()
  await expectAllControlsNamed(page, 'чек')
  await page.keyboard.press('Escape')
  await expect(cash.receiptDialog).toBeHidden()
  await expectAllControlsNamed(page, 'касса с чеком')

  await cash.receipts.getByRole('button', { name: /^Возврат по чеку/ }).click()
  await expect(cash.dialog('Причина возврата')).toBeVisible()
  await expectAllControlsNamed(page, 'возврат')
  await page.keyboard.press('Escape')

  await page.keyboard.press('F8')
  const closing = cash.dialog('Закрытие смены')
  await expect(closing).toBeVisible()
  await closing.getByRole('checkbox', { name: 'Пересчитать по номиналам' }).check()
  await expectAllControlsNamed(page, 'закрытие смены по номиналам')
  await shot(page, 'cash-close-grid')
})

test.describe('on a Monday, when the offices receive', () => {
  test.use({ deskClock: '2026-11-23T05:30:00.000Z' })

  test('appointment desk (board, week, search), booking, ticket, actions, cancelling and the card list: all controls are named', async ({
    page,
    desk,
  }) => {
    const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
    const sample = await sampleAccount(desk.dbPath, 9)
    const d = new DeskPage(page)
    const appt = new AppointmentDesk(page)
    await d.open(desk.url)
    await d.signInToDesk(operator.login, operator.password)
    await appt.open()
    await expectAllControlsNamed(page, 'доска записи на приём')

    await page.keyboard.press('Enter')
    await expect(appt.booking).toBeVisible()
    await expectAllControlsNamed(page, 'запись на приём')
    await page.keyboard.press('Escape')
    await expect(appt.booking).toBeHidden()

    const taken = appt.cell(/, место \d, записан: талон /).first()
    const surname = /талон [^,]+, (\S+)/.exec((await taken.getAttribute('aria-label')) ?? '')?.[1] ?? ''
    await appt.walkTo(taken)
    await page.keyboard.press('Enter')
    await expect(appt.actions).toBeVisible()
    await expectAllControlsNamed(page, 'действия с записью')
    await appt.actions.getByRole('button', { name: 'Отменить…' }).click()
    await expect(appt.reason).toBeFocused()
    await expectAllControlsNamed(page, 'отмена записи')
    await page.keyboard.press('Escape')
    await expect(appt.cancelling).toBeHidden()

    await appt.tab('Неделя').click()
    await expect(page.getByRole('list', { name: 'Загрузка по дням' })).toBeVisible()
    await expectAllControlsNamed(page, 'неделя')
    await shot(page, 'appt-week')
    await appt.search(surname)
    await expect(appt.hits).toBeVisible()
    await expectAllControlsNamed(page, 'поиск записей')

    await d.search.focus()
    await page.keyboard.type(sample.number)
    await d.openResult(sample.number)
    await page.keyboard.press('F12')
    await expect(appt.booking).toBeVisible()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(appt.times).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(appt.ticket).toBeVisible()
    await expectAllControlsNamed(page, 'талон')
    await appt.closeTicket()
    await new AccountCard(page).showTab(page.getByRole('tab', { name: 'Записи на приём' }))
    await expect(page.getByRole('table', { name: 'Записи на приём' })).toBeVisible()
    await expectAllControlsNamed(page, 'карточка счёта: записи на приём')
  })
})
