// Workstation settings: the administrator sets the counter number and it shows in the bar;
// an operator sees the settings but cannot change them.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

const byRole = (role: string) => DEMO_CLERKS.find((c) => c.role === role)!

test('the administrator changes the counter number and the bar shows it', async ({ page, desk }) => {
  const d = new DeskPage(page)
  const admin = byRole('administrator')
  await d.open(desk.url)
  await d.signIn(admin.login, admin.password)
  await page.getByRole('link', { name: 'Настройки' }).click()
  const counter = page.getByRole('spinbutton', { name: 'Номер окна' })
  await counter.fill('3')
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Настройки сохранены' })).toBeVisible()
  await expect(page.getByText(/окно 3/)).toBeVisible()

  await page.getByRole('button', { name: 'Проверить целостность журнала' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Журнал цел: записей \d+/ })).toBeVisible()
})

test('a counter number out of range or not in the office is refused at the field, saying what to enter', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const admin = byRole('administrator')
  await d.open(desk.url)
  await d.signIn(admin.login, admin.password)
  await page.getByRole('link', { name: 'Настройки' }).click()
  const counter = page.getByRole('spinbutton', { name: 'Номер окна' })
  await counter.fill('250')
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
  // Said above the form and at the field itself.
  await expect(d.alert('Проверьте поле «Номер окна»: Номер окна — целое число от 1 до 99')).toBeVisible()
  await expect(d.alert(/^Номер окна — целое число от 1 до 99$/)).toBeVisible()
  await expect(page.getByText(/окно 1\b/)).toBeVisible()

  // A number in range that the office has no window for: a shift would open at a counter that is not there.
  await counter.fill('9')
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click()
  await expect(d.alert(/^В отделении «.+» нет окна № 9\. Окна этого отделения: 1, 2, 3\.$/)).toHaveCount(2)
  await expect(counter).toHaveAccessibleDescription(/нет окна № 9/)
  await expect(page.getByText(/окно 1\b/)).toBeVisible()
})

test('an operator sees the settings but cannot change them', async ({ page, desk }) => {
  const d = new DeskPage(page)
  const operator = byRole('operator')
  await d.open(desk.url)
  await d.signIn(operator.login, operator.password)
  await page.getByRole('link', { name: 'Настройки' }).click()
  await expect(page.getByText('Изменять настройки может только администратор.')).toBeVisible()
  await expect(page.getByRole('spinbutton', { name: 'Номер окна' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Сохранить', exact: true })).toHaveCount(0)
})
