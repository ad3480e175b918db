// The charge run screen (supervisor) for end-to-end scripts.
import { expect, type Locator, type Page } from '@playwright/test'

export class ChargesPage {
  readonly link: Locator
  readonly heading: Locator
  readonly period: Locator
  readonly runButton: Locator
  readonly result: Locator

  constructor(readonly page: Page) {
    this.link = page.getByRole('link', { name: 'Начисления' })
    this.heading = page.getByRole('heading', { name: 'Расчёт начислений' })
    this.period = page.getByRole('combobox', { name: 'Месяц' })
    this.runButton = page.getByRole('button', { name: 'Рассчитать' })
    this.result = page.getByTestId('charge-run-result')
  }

  async open(): Promise<void> {
    await this.link.click()
    await expect(this.heading).toBeVisible()
  }

  /** Picks the month from the keyboard: Enter opens the list, the option is chosen by name. */
  async choose(monthRu: string): Promise<void> {
    await this.period.focus()
    await this.page.keyboard.press('Enter')
    await this.page.getByRole('option', { name: monthRu, exact: true }).click()
    await expect(this.period).toHaveValue(monthRu)
  }

  /** Runs the charges and returns the result's figures as shown. */
  async run(): Promise<void> {
    await this.runButton.click()
    await expect(this.result).toBeVisible({ timeout: 60_000 })
  }

  figure(label: string): Locator {
    return this.result.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]')
  }
}
