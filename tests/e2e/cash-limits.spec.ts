// A sum far above what the account owes (an extra zero typed by mistake, issue 12 item 15): the
// payment form says so and asks for the supervisor's login and password; nothing is posted
// without them, and with them the payment goes through.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatMoney, plainAmount } from '../../src/shared/money'
import { indebtedAccount, storedPayments } from './cash-data'
import { expect, test } from './fixtures'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const supervisor = DEMO_CLERKS.find((c) => c.role === 'supervisor')!

test('an operator’s payment above the limit needs the supervisor’s login and password in the form', async ({
  page,
  desk,
}) => {
  test.setTimeout(60_000)
  const draft = await indebtedAccount(desk.dbPath, 1)
  const before = await storedPayments(desk.dbPath, draft.accountId)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await cash.openShift('500')
  await cash.payFor(draft.accountNumber)

  const amount = draft.supervisorAboveKopecks + 100
  const login = cash.payment.getByRole('textbox', { name: 'Логин старшего' })
  const password = cash.payment.getByLabel('Пароль старшего')
  await test.step('the limit itself needs nobody', async () => {
    await cash.amount.fill(plainAmount(draft.supervisorAboveKopecks).replace('.', ','))
    await expect(login).toBeHidden()
  })

  await test.step('one ruble more: the form says why and asks for the supervisor', async () => {
    await cash.amount.fill(plainAmount(amount).replace('.', ','))
    await expect(cash.payment.getByRole('status').filter({ hasText: 'больше обычной' })).toContainText(
      formatMoney(draft.supervisorAboveKopecks),
    )
    await cash.amount.press('Enter')
    await expect(login).toHaveAttribute('aria-invalid', 'true')
    await expect(login).toBeFocused()
    await expect(login).toHaveAccessibleDescription('Введите логин и пароль старшего')
    await expect(cash.receiptDialog).toBeHidden()
    expect(await storedPayments(desk.dbPath, draft.accountId)).toEqual(before)
  })

  await test.step('with the supervisor’s login and password the payment is taken', async () => {
    await login.fill(supervisor.login)
    await password.fill(supervisor.password)
    await password.press('Enter')
    await expect(cash.receiptDialog).toBeVisible()
    await expect(page.getByTestId('receipt-amount')).toHaveText(formatMoney(amount))
  })

  const added = (await storedPayments(desk.dbPath, draft.accountId)).filter(
    (p) => !before.some((b) => b.id === p.id),
  )
  expect(added.map((p) => p.amount_kopecks)).toEqual([amount])
})
