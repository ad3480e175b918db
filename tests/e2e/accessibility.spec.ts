// Every control on every screen has an accessible name (a visible label or a Russian
// aria-label), so a screen reader and role-based locators find it; one combobox for search.
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { sampleAccount } from './data'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

const CONTROL_ROLES = [
  'button',
  'link',
  'textbox',
  'combobox',
  'spinbutton',
  'checkbox',
  'option',
  'listbox',
] as const

async function expectAllControlsNamed(page: Page, screen: string): Promise<void> {
  for (const role of CONTROL_ROLES) {
    for (const control of await page.getByRole(role).all()) {
      await expect(control, `${screen}: ${role} без доступного имени`).toHaveAccessibleName(/\S/)
    }
  }
}

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
