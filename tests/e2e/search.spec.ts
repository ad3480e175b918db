// The clerk finds an account by a two-letter surname fragment, by address and by number, and
// opens the card with the keyboard alone. F2 selects the last query so typing replaces it, and
// asks before it drops a payment form the clerk has typed into.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { indebtedAccount } from './cash-data'
import { sampleAccount } from './data'
import { expect, test } from './fixtures'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!

test.beforeEach(async ({ page, desk }) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  await d.signIn(operator.login, operator.password)
  await expect(d.search).toBeFocused()
})

test('two letters of a surname already find people whose surname starts with them', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const sample = await sampleAccount(desk.dbPath)
  const fragment = sample.surname.slice(0, 2).toLowerCase()
  await page.keyboard.type(fragment)
  await expect(d.options.first()).toBeVisible()
  const count = await d.options.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThanOrEqual(50)
  const first = (await d.options.first().innerText()).toLowerCase().replace(/ё/g, 'е')
  expect(first).toContain(fragment.replace(/ё/g, 'е'))
})

test('an address typed the way clerks type it finds the flat; arrows and Enter open the card', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const sample = await sampleAccount(desk.dbPath, 7)
  const streetWord = sample.street.split(' ').at(-1)!.toLowerCase()
  await page.keyboard.type(`${streetWord} ${sample.house} кв ${sample.apartment}`)
  const option = d.options.filter({ hasText: sample.number })
  await expect(option).toBeVisible()
  const index = await d.options.evaluateAll(
    (els, number) => els.findIndex((el) => el.textContent?.includes(number)),
    sample.number,
  )
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(d.accountHeading(sample.number)).toBeVisible()
  await expect(page.getByText(`${sample.surname} ${sample.firstName}`).first()).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Приборы учёта' })).toBeVisible()
})

test('the account number finds exactly that account; Esc returns to the results; F2 focuses search', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const sample = await sampleAccount(desk.dbPath, 3)
  await page.keyboard.type(sample.number)
  await expect(d.options).toHaveCount(1)
  await expect(d.options.first()).toContainText(sample.number)
  await page.keyboard.press('Enter')
  await expect(d.accountHeading(sample.number)).toBeFocused()

  await page.keyboard.press('Escape')
  await expect(d.options).toHaveCount(1)
  await expect(d.search).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(d.accountHeading(sample.number)).toBeVisible()
  await page.keyboard.press('F2')
  await expect(d.search).toBeFocused()
})

test('odd input gives no error, only a plain «nothing found» or sensible rows', async ({ page }) => {
  const d = new DeskPage(page)
  await d.searchFor(`'; drop table accounts; --`)
  await expect(page.getByText('Ничего не найдено')).toBeVisible()
  await d.searchFor('"*() AND NEAR - 🙂')
  await expect(page.getByText('Ничего не найдено')).toBeVisible()
  // The only alert region allowed is the search field's own hint.
  await expect(page.getByRole('alert').filter({ hasNotText: 'Номер счёта, фамилия или адрес' })).toHaveCount(
    0,
  )
})

test('F2 while already in the search field selects the query: typing replaces it', async ({ page, desk }) => {
  const d = new DeskPage(page)
  const first = await sampleAccount(desk.dbPath, 4)
  const second = await sampleAccount(desk.dbPath, 5)
  await page.keyboard.type(first.number)
  await expect(d.options).toHaveCount(1)
  await page.keyboard.press('F2')
  await expect(d.search).toBeFocused()
  await page.keyboard.type(second.number)
  await expect(d.search).toHaveValue(second.number)
  await expect(d.options.first()).toContainText(second.number)
})

test('F2 over a payment form with typed sums asks first; «no» keeps the form, «yes» closes it', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  const account = await indebtedAccount(desk.dbPath, 3)
  await page.keyboard.type(account.accountNumber)
  await d.openResult(account.accountNumber)

  // Nothing typed yet: F2 goes straight to the search field.
  const asked: string[] = []
  page.on('dialog', (dialog) => {
    asked.push(dialog.message())
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept())
  })
  await page.keyboard.press('F9')
  await expect(cash.amount).toBeFocused()
  await page.keyboard.press('F2')
  await expect(d.search).toBeFocused()
  expect(asked).toEqual([])
  await cash.amount.focus()

  await page.keyboard.type('150')
  await page.keyboard.press('Tab')
  await page.keyboard.press('F2')
  await expect.poll(() => asked.length).toBe(1)
  expect(asked[0]).toContain('Введённая оплата не будет принята')
  await expect(cash.payment).toBeVisible()
  await expect(cash.amount).toHaveValue('150')
  await expect(d.search).not.toBeFocused()

  await page.keyboard.press('F2')
  await expect.poll(() => asked.length).toBe(2)
  await expect(cash.payment).toBeHidden()
  await expect(d.search).toBeFocused()
  await page.keyboard.type('Нахимова')
  await expect(d.search).toHaveValue('Нахимова')
})
