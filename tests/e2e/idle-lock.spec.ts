// The screen locks after the idle time and asks for the clerk's password; Ctrl+L locks at once.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!

test.use({ deskSettings: { idleLockMinutes: 2 } })

test('after the idle time the screen locks, hides the desk, and only the password unlocks it', async ({
  page,
  desk,
}) => {
  await page.clock.install()
  const d = new DeskPage(page)
  await d.open(desk.url)
  await d.signIn(operator.login, operator.password)
  await d.searchFor('ив')
  await expect(d.options.first()).toBeVisible()

  await page.clock.fastForward('01:00')
  await expect(d.search).toBeVisible()
  await page.clock.fastForward('01:30')
  await expect(d.lockHeading).toBeVisible()
  await expect(d.search).toBeHidden()
  await expect(d.results).toBeHidden()

  await d.password.fill('wrong')
  await d.password.press('Enter')
  await expect(d.alert('Неверный логин или пароль')).toBeVisible()
  await expect(d.lockHeading).toBeVisible()

  await d.password.fill(operator.password)
  await d.password.press('Enter')
  await expect(d.search).toBeVisible()
  await expect(d.lockHeading).toBeHidden()
})

test('Ctrl+L locks the screen at once', async ({ page, desk }) => {
  const d = new DeskPage(page)
  await d.open(desk.url)
  await d.signIn(operator.login, operator.password)
  await expect(d.search).toBeFocused()
  await page.keyboard.press('Control+L')
  await expect(d.lockHeading).toBeVisible()
  await page.reload()
  await expect(d.lockHeading).toBeVisible()
})
