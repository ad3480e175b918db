// A clerk signs in: a wrong password first, then the right one; then signs out. A password
// retyped while a wrong one is still being checked is not lost.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!

test('wrong password is refused with a clear message, the right one opens the desk', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  await expect(d.demoBadge).toBeVisible()

  await d.signIn(operator.login, 'not-the-password')
  await expect(d.alert('Неверный логин или пароль')).toBeVisible()
  await expect(d.password).toHaveValue('')
  await expect(d.search).toBeHidden()

  await d.signIn(operator.login, operator.password)
  await expect(d.search).toBeVisible()
  await expect(page.getByText(operator.fullName)).toBeVisible()
  await expect(d.demoBadge).toBeVisible()

  await page.getByRole('button', { name: 'Выйти' }).click()
  await expect(d.login).toBeVisible()
})

test('five wrong passwords lock the login, even the right password is then refused', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  for (let i = 1; i <= 4; i++) {
    await d.signIn(operator.login, `wrong-${i}`)
    await expect(d.alert('Неверный логин или пароль')).toBeVisible()
  }
  await expect(d.alert('Осталось попыток до блокировки: 1')).toBeVisible()
  await d.signIn(operator.login, 'wrong-5')
  await expect(d.alert(/Вход заблокирован до \d\d:\d\d/)).toBeVisible()
  await d.signIn(operator.login, operator.password)
  await expect(d.alert(/Вход заблокирован/)).toBeVisible()
  await expect(d.search).toBeHidden()
})

test('a password retyped while a wrong one is still being checked is kept and checked next', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  // The first check is held until the clerk has retyped: as on a busy desk, where scrypt takes a while.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const checked: string[] = []
  await page.route(
    (url) => decodeURIComponent(url.pathname) === '/api/sessions:signIn',
    async (route) => {
      checked.push((route.request().postDataJSON() as { input: { password: string } }).input.password)
      if (checked.length === 1) await held
      await route.continue()
    },
  )
  await d.signIn(operator.login, 'not-the-password')
  await expect.poll(() => checked.length).toBe(1)
  await d.password.fill(operator.password)
  await d.password.press('Enter')
  await expect(d.password).toHaveValue(operator.password)
  release()
  await expect(d.search).toBeVisible()
  expect(checked).toEqual(['not-the-password', operator.password])
})
