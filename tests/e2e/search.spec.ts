// The clerk finds an account by a two-letter surname fragment, by address and by number, and
// opens the card with the keyboard alone.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { sampleAccount } from './data'
import { expect, test } from './fixtures'
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
