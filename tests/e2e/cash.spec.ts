// The cash desk at the counter: the clerk opens the shift, finds the account, takes the full debt
// in cash with change, prints the receipt, takes an X-report, has a supervisor refund a payment,
// and closes the shift short of the expected cash with the supervisor's confirmation. Bad sums
// are refused at their field and nothing is posted.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatMoney } from '../../src/shared/money'
import { indebtedAccount, storedPayments } from './cash-data'
import { expect, test } from './fixtures'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'
import { shot } from './shots'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const supervisor = DEMO_CLERKS.find((c) => c.role === 'supervisor')!

/** Whole rubles above the debt, as a customer hands over banknotes: at least 1 000 ₽ more. */
function banknotesFor(debtKopecks: number): number {
  return (Math.floor(debtKopecks / 100_000) + 2) * 100_000
}

test('a shift: full debt paid with change, receipt, X-report, refund by a supervisor, close short, Z-report', async ({
  page,
  desk,
}) => {
  const draft = await indebtedAccount(desk.dbPath, 0)
  const before = await storedPayments(desk.dbPath, draft.accountId)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)

  await test.step('open the shift with a float of 1 000 ₽', async () => {
    await expect(page.getByRole('link', { name: 'Касса F6' })).toBeVisible()
    await cash.open()
    await expect(page.getByRole('heading', { name: 'Смена не открыта' })).toBeVisible()
    await shot(page, 'cash-no-shift')
    await cash.openShift('1000')
    await expect(page.getByTestId('shift-expected')).toHaveText(formatMoney(100_000))
  })

  const tendered = banknotesFor(draft.totalDebtKopecks)
  const change = tendered - draft.totalDebtKopecks
  let receiptNumber = ''
  await test.step('find the account, take the full debt, give change', async () => {
    await cash.field.focus()
    await cash.payFor(draft.accountNumber)
    for (const debt of draft.debts) {
      await expect(cash.payment.getByRole('row', { name: new RegExp(`^${debt.serviceName}`) })).toContainText(
        formatMoney(debt.debtKopecks),
      )
    }
    await expect(cash.fullDebtButton).toHaveAccessibleName('Вся сумма долга Alt+Д')
    await page.keyboard.press('Alt+KeyL')
    await expect(cash.amount).toHaveValue(formatMoney(draft.totalDebtKopecks).replace(/[\s\u00a0]|₽/g, ''))
    await expect(cash.tendered).toBeFocused()
    await page.keyboard.type(String(tendered / 100))
    await expect(cash.change).toContainText(formatMoney(change))
    await shot(page, 'cash-payment-form')
    await page.keyboard.press('Enter')

    await expect(cash.receiptDialog).toBeVisible()
    await expect(cash.payment).toBeHidden()
    await expect(page.getByTestId('receipt-change')).toHaveText(formatMoney(change))
    await expect(page.getByTestId('receipt-amount')).toHaveText(formatMoney(draft.totalDebtKopecks))
    const preview = cash.receiptPreview()
    await expect(preview.getByRole('heading', { name: 'Чек об оплате' })).toBeVisible()
    await expect(preview.getByText(draft.accountNumber).first()).toBeVisible()
    await expect(preview.getByText(formatMoney(draft.totalDebtKopecks)).first()).toBeVisible()
    await expect(preview.getByText('Не является фискальным документом')).toBeVisible()
    const title = await cash.receiptDialog.getByRole('heading').first().innerText()
    receiptNumber = /чек № (\S+)/.exec(title)?.[1] ?? ''
    expect(receiptNumber).not.toBe('')
    await shot(page, 'cash-receipt')

    // Ctrl+P prints (the browser's dialog in browser mode); then Esc closes.
    await page.keyboard.press('Control+P')
    await expect(cash.receiptDialog.getByRole('status')).toHaveText('Чек напечатан.')
    await page.keyboard.press('Escape')
    await expect(cash.receiptDialog).toBeHidden()
    await expect(cash.field).toBeFocused()
    await expect(cash.receiptRow(receiptNumber)).toContainText('напечатан')
    await expect(cash.receiptRow(receiptNumber)).toContainText(formatMoney(draft.totalDebtKopecks))
    await shot(page, 'cash-shift-open')
  })

  await test.step('cash in 200 ₽ from the senior cashier, then 200 ₽ out to collection', async () => {
    await page.keyboard.press('F4')
    const dialog = cash.dialog('Внесение или изъятие')
    const amount = dialog.getByRole('textbox', { name: 'Сумма, ₽' })
    await expect(amount).toBeFocused()
    await amount.fill('200')
    await dialog.getByRole('radio', { name: 'Размен от старшего кассира' }).check()
    await amount.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('shift-expected')).toHaveText(formatMoney(120_000 + draft.totalDebtKopecks))

    await page.keyboard.press('Shift+F4')
    await expect(dialog.getByRole('radio', { name: 'Изъятие' })).toBeChecked()
    await amount.fill('200')
    // No reason picked: refused at the reasons.
    await amount.press('Enter')
    await expect(dialog.getByText('Выберите основание из списка')).toBeVisible()
    await dialog.getByRole('radio', { name: 'Инкассация' }).check()
    await amount.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('shift-expected')).toHaveText(formatMoney(100_000 + draft.totalDebtKopecks))
  })

  await test.step('X-report', async () => {
    await page.keyboard.press('F7')
    await expect(cash.reportDialog).toBeVisible()
    await expect(cash.reportPreview().getByRole('heading', { name: 'X-отчёт' })).toBeVisible()
    await shot(page, 'cash-x-report')
    await cash.reportDialog.getByRole('button', { name: 'Готово' }).click()
    await expect(cash.reportDialog).toBeHidden()
  })

  await test.step('the printed receipt printed again from the list is a copy', async () => {
    await cash
      .receiptRow(receiptNumber)
      .getByRole('button', { name: `Напечатать чек № ${receiptNumber}` })
      .click()
    await expect(page.getByRole('heading', { name: `Чек № ${receiptNumber}` })).toBeVisible()
    await expect(cash.receiptPreview().getByText('КОПИЯ')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('heading', { name: `Чек № ${receiptNumber}` })).toBeHidden()
  })

  await test.step('refund the payment: the operator has the supervisor type their credentials', async () => {
    await cash
      .receiptRow(receiptNumber)
      .getByRole('button', { name: `Возврат по чеку № ${receiptNumber}` })
      .click()
    const dialog = cash.dialog(`Возврат по чеку № ${receiptNumber}`)
    const reason = dialog.getByRole('textbox', { name: 'Причина возврата' })
    await expect(reason).toBeFocused()
    await reason.fill('Ошиблись лицевым счётом')
    await dialog.getByRole('textbox', { name: 'Логин старшего' }).fill(supervisor.login)
    await dialog.getByLabel('Пароль старшего').fill(supervisor.password)
    await shot(page, 'cash-refund')
    await dialog.getByLabel('Пароль старшего').press('Enter')
    await expect(page.getByRole('heading', { name: /^Возврат проведён: чек № / })).toBeVisible()
    await expect(cash.receiptPreview().getByRole('heading', { name: 'Чек возврата' })).toBeVisible()
    await cash.closeReceipt()
    await expect(cash.receiptRow(receiptNumber)).toContainText('возвращён')
    await expect(page.getByTestId('shift-expected')).toHaveText(formatMoney(100_000))
  })

  await test.step('close the shift 100 ₽ short: a supervisor confirms; the Z-report shows', async () => {
    await page.keyboard.press('F8')
    const dialog = cash.dialog('Закрытие смены')
    const counted = dialog.getByRole('textbox', { name: 'Пересчитано наличных, ₽' })
    await expect(counted).toBeFocused()
    await expect(dialog).toContainText(`Должно быть в кассе: ${formatMoney(100_000)}`)
    await counted.fill('900')
    await expect(dialog.getByRole('status')).toContainText(`Расхождение: ${formatMoney(-10_000)}`)
    await expect(dialog.getByRole('status')).toContainText('нужно подтверждение старшего')
    // Not closed without the supervisor: the form says so at the supervisor's login.
    const login = dialog.getByRole('textbox', { name: 'Логин старшего' })
    await counted.press('Enter')
    await expect(login).toHaveAccessibleDescription('Введите логин и пароль старшего')
    await expect(login).toBeFocused()
    await login.fill(supervisor.login)
    await dialog.getByLabel('Пароль старшего').fill(supervisor.password)
    await shot(page, 'cash-close')
    await dialog.getByLabel('Пароль старшего').press('Enter')
    await expect(page.getByRole('heading', { name: /^Смена закрыта: Z-отчёт № \d+$/ })).toBeVisible()
    const z = await page.getByRole('heading', { name: /^Смена закрыта: Z-отчёт № \d+$/ }).innerText()
    const zNumber = /№ (\d+)/.exec(z)?.[1] as string
    await expect(cash.reportPreview().getByRole('heading', { name: `Z-отчёт № ${zNumber}` })).toBeVisible()
    await shot(page, 'cash-z-report')
    await cash.reportDialog.getByRole('button', { name: 'Готово' }).click()
    await expect(page.getByRole('heading', { name: 'Смена не открыта' })).toBeVisible()

    // The closed shift keeps its Z-report: printed again from the list.
    await cash.shifts.getByRole('button', { name: `Z-отчёт смены № ${zNumber}` }).click()
    await expect(cash.reportPreview().getByRole('heading', { name: `Z-отчёт № ${zNumber}` })).toBeVisible()
    await shot(page, 'cash-shifts', { fullPage: true })
    await cash.reportDialog.getByRole('button', { name: 'Готово' }).click()
  })

  const after = await storedPayments(desk.dbPath, draft.accountId)
  const added = after.filter((p) => !before.some((b) => b.id === p.id))
  expect(added.map((p) => p.amount_kopecks).sort((a, b) => a - b)).toEqual([
    -draft.totalDebtKopecks,
    draft.totalDebtKopecks,
  ])
})

test('bad sums in the payment form and a closing count with letters: refused at the field, nothing posted', async ({
  page,
  desk,
}) => {
  const draft = await indebtedAccount(desk.dbPath, 3)
  const before = await storedPayments(desk.dbPath, draft.accountId)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await cash.openShift('500')
  await cash.payFor(draft.accountNumber)

  const amounts: Array<{ text: string; message: RegExp }> = [
    { text: '0', message: /сумма должна быть больше нуля/ },
    { text: '-5', message: /сумма не может быть отрицательной/ },
    { text: '1,234.567', message: /один разделитель копеек/ },
    { text: '1e9', message: /только цифры и запятая перед копейками/ },
    { text: 'сто рублей', message: /только цифры и запятая перед копейками/ },
  ]
  for (const c of amounts) {
    await test.step(`amount «${c.text}»`, async () => {
      await cash.amount.fill(c.text)
      await cash.amount.press('Enter')
      await expect(cash.amount).toHaveAttribute('aria-invalid', 'true')
      await expect(cash.amount).toHaveAccessibleDescription(c.message)
      await expect(cash.amount).toBeFocused()
      await expect(cash.payment.getByRole('alert').filter({ hasText: 'Исправьте поля' })).toBeVisible()
      await expect(cash.receiptDialog).toBeHidden()
    })
  }
  await shot(page, 'cash-bad-amount')

  await test.step('less cash than the amount', async () => {
    await cash.amount.fill('100')
    await cash.tendered.fill('50')
    await cash.tendered.press('Enter')
    await expect(cash.amount).not.toHaveAttribute('aria-invalid', 'true')
    await expect(cash.tendered).toHaveAttribute('aria-invalid', 'true')
    await expect(cash.tendered).toHaveAccessibleDescription(/Получено меньше суммы платежа/)
    await expect(cash.change).toContainText('—')
    await expect(cash.receiptDialog).toBeHidden()
  })

  await test.step('a split that does not add up to the amount', async () => {
    await cash.tendered.fill('')
    const first = draft.debts[0]!.serviceName
    await cash.share(first).fill('99999')
    await cash.submitPayment.click()
    await expect(
      cash.payment.getByText('Распределение: суммы по услугам должны составлять сумму платежа'),
    ).toBeVisible()
    await expect(cash.receiptDialog).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(cash.payment).toBeHidden()
  })

  await expect(cash.page.getByText('В этой смене чеков пока нет.')).toBeVisible()
  expect(await storedPayments(desk.dbPath, draft.accountId)).toEqual(before)

  await test.step('closing count with letters, typed or by denominations', async () => {
    await page.keyboard.press('F8')
    const dialog = cash.dialog('Закрытие смены')
    const counted = dialog.getByRole('textbox', { name: 'Пересчитано наличных, ₽' })
    await counted.fill('пятьсот')
    await counted.press('Enter')
    await expect(counted).toHaveAttribute('aria-invalid', 'true')
    await expect(counted).toHaveAccessibleDescription(/Пересчитано: только цифры/)
    await dialog.getByRole('checkbox', { name: 'Пересчитать по номиналам' }).check()
    const hundreds = dialog.getByRole('textbox', { name: `Количество: ${formatMoney(10_000)}` })
    await hundreds.fill('5')
    const fifties = dialog.getByRole('textbox', { name: `Количество: ${formatMoney(5_000)}` })
    await fifties.fill('два')
    await expect(dialog.getByRole('status').filter({ hasText: 'Итого по номиналам' })).toContainText(
      formatMoney(50_000),
    )
    await fifties.press('Enter')
    await expect(fifties).toHaveAttribute('aria-invalid', 'true')
    await expect(fifties).toHaveAccessibleDescription('Количество купюр и монет — целое число')
    await shot(page, 'cash-close-pieces')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('heading', { name: /^Смена № \d+$/ })).toBeVisible()
  })
})

test('blind close set by the administrator: the expected sum is hidden and main asks for a supervisor', async ({
  page,
  desk,
}) => {
  const admin = DEMO_CLERKS.find((c) => c.role === 'administrator')!
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(admin.login, admin.password)

  await test.step('the administrator sets a blind close and a 10 ₽ tolerance', async () => {
    await page.getByRole('link', { name: 'Настройки' }).click()
    await expect(page.getByRole('heading', { name: 'Касса' })).toBeVisible()
    const tolerance = page.getByRole('textbox', { name: 'Допустимое расхождение при закрытии смены, ₽' })
    await expect(tolerance).toHaveValue('50,00')
    await tolerance.fill('10')
    await page.getByRole('checkbox', { name: /Закрывать смену вслепую/ }).check()
    await shot(page, 'settings-cash', { fullPage: true })
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Настройки сохранены' })).toBeVisible()
    await expect(tolerance).toHaveValue('10,00')
    await page.getByRole('button', { name: 'Выйти' }).click()
    await expect(page.getByRole('heading', { name: 'Вход в рабочее место' })).toBeVisible()
    await expect(d.login).toBeFocused()
  })

  await d.signIn(operator.login, operator.password)
  await expect(page.getByRole('heading', { name: 'Настройки рабочего места' })).toBeVisible()
  await cash.open()
  await cash.openShift('500')
  await expect(page.getByTestId('shift-expected')).toHaveCount(0)

  await page.keyboard.press('F8')
  const dialog = cash.dialog('Закрытие смены')
  await expect(dialog).toContainText('ожидаемая сумма будет видна после закрытия')
  await expect(dialog).not.toContainText('500,00')
  const counted = dialog.getByRole('textbox', { name: 'Пересчитано наличных, ₽' })
  await counted.fill('480')
  await counted.press('Enter')
  // Main refuses without a supervisor: the supervisor's fields appear with its message.
  const login = dialog.getByRole('textbox', { name: 'Логин старшего' })
  await expect(login).toBeVisible()
  await expect(dialog.getByRole('alert').filter({ hasText: /старш/ }).first()).toBeVisible()
  await login.fill(supervisor.login)
  await dialog.getByLabel('Пароль старшего').fill(supervisor.password)
  await dialog.getByLabel('Пароль старшего').press('Enter')
  await expect(page.getByRole('heading', { name: /^Смена закрыта: Z-отчёт № \d+$/ })).toBeVisible()
  await cash.reportDialog.getByRole('button', { name: 'Готово' }).click()
  await expect(cash.shifts.getByRole('row').nth(1)).toContainText(formatMoney(-2_000))
})

test('part of the debt paid from the account card with F9: the card shows the smaller debt', async ({
  page,
  desk,
}) => {
  const draft = await indebtedAccount(desk.dbPath, 4)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await cash.openShift('0')

  await page.keyboard.press('F2')
  await page.keyboard.type(draft.accountNumber)
  await d.openResult(draft.accountNumber)
  const debt = page.getByTestId('debt')
  await expect(debt).toContainText(formatMoney(draft.totalDebtKopecks))
  await expect(page.getByRole('button', { name: 'Оплатить F9' })).toBeVisible()
  await page.keyboard.press('F9')
  await expect(cash.amount).toBeFocused()
  // Less than the debt (the account picked owes more than 10 ₽): it goes to the oldest months.
  await page.keyboard.type('10')
  await page.keyboard.press('Enter')
  await expect(cash.receiptDialog).toBeVisible()
  await expect(page.getByTestId('receipt-change')).toHaveText(formatMoney(0))
  await page.keyboard.press('Escape')
  await expect(cash.receiptDialog).toBeHidden()
  await expect(debt).toContainText(`Долг: ${formatMoney(draft.totalDebtKopecks - 1_000)}`)

  // Not printed yet: the shift's list says so.
  await cash.open()
  await expect(cash.receipts.getByRole('row').nth(1)).toContainText('не напечатан')
  await expect(cash.receipts.getByRole('row').nth(1)).toContainText(draft.accountNumber)
})
