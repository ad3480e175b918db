// The desk as a clerk sees it, for end-to-end scripts: sign in, search, open an account, lock.
// Role-based locators only, with the Russian names a screen reader announces.
import { expect, type Locator, type Page } from '@playwright/test'

export class DeskPage {
  readonly login: Locator
  readonly password: Locator
  readonly signInButton: Locator
  readonly search: Locator
  readonly results: Locator
  readonly options: Locator
  readonly lockHeading: Locator
  readonly demoBadge: Locator

  constructor(readonly page: Page) {
    this.login = page.getByRole('textbox', { name: 'Логин' })
    this.password = page.getByLabel('Пароль')
    this.signInButton = page.getByRole('button', { name: 'Войти' })
    this.search = page.getByRole('combobox', { name: 'Поиск лицевого счёта' })
    this.results = page.getByRole('listbox', { name: 'Результаты поиска' })
    this.options = this.results.getByRole('option')
    this.lockHeading = page.getByRole('heading', { name: 'Экран заблокирован' })
    this.demoBadge = page.getByRole('status', { name: /^ДЕМО/ })
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.login).toBeVisible()
  }

  /** Types the credentials and presses Enter, as a clerk does. */
  async signIn(login: string, password: string): Promise<void> {
    await this.login.fill(login)
    await this.password.fill(password)
    await this.password.press('Enter')
  }

  /** Signs in and waits for the desk: the search field has focus, ready for typing. */
  async signInToDesk(login: string, password: string): Promise<void> {
    await this.signIn(login, password)
    await expect(this.search).toBeFocused()
  }

  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text })
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  /** Moves through the results with the arrow keys to the account and opens it with Enter. */
  async openResult(number: string): Promise<void> {
    const option = this.options.filter({ hasText: number })
    await expect(option).toBeVisible()
    const index = await this.options.evaluateAll(
      (els, n) => els.findIndex((el) => el.textContent?.includes(n)),
      number,
    )
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown')
    await expect(option).toHaveAttribute('aria-selected', 'true')
    await this.page.keyboard.press('Enter')
    // Focus goes to the heading once the card has loaded.
    await expect(this.accountHeading(number)).toBeFocused()
  }

  accountHeading(number?: string): Locator {
    return this.page.getByRole('heading', { name: number ? `Лицевой счёт ${number}` : /Лицевой счёт \d+/ })
  }
}
