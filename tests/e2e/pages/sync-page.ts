// The office sync as a clerk meets it, for end-to-end scripts: the status in the bar, the
// «Обмен с сервером» screen (Ctrl+Shift+S) with its outbox, and «Обмен с сервером» in the
// settings (enrolling the desk at an okno-server). Role-based locators with the Russian names a
// screen reader announces.
import { expect, type Locator, type Page } from '@playwright/test'

export class SyncPage {
  /** The status in the bar (a status region named «Обмен с сервером: …»). */
  readonly indicator: Locator
  readonly heading: Locator
  readonly syncNowButton: Locator
  readonly outbox: Locator
  readonly downloadDialog: Locator
  /** «Обмен с сервером» in the settings. */
  readonly section: Locator
  readonly address: Locator
  readonly probeButton: Locator
  /** What «Проверить» found: the organisation and the certificate's fingerprint. */
  readonly probe: Locator
  readonly code: Locator
  readonly enrollButton: Locator
  /** The facts of an enrolled desk: server, office, counter, fingerprint. */
  readonly enrolled: Locator
  readonly legacy: Locator
  readonly interval: Locator

  constructor(readonly page: Page) {
    this.indicator = page.getByRole('status', { name: /^Обмен с сервером:/ })
    this.heading = page.getByRole('heading', { name: 'Обмен с сервером', level: 1 })
    this.syncNowButton = page.getByRole('button', { name: 'Синхронизировать сейчас' })
    this.outbox = page.getByRole('region', { name: 'Очередь отправки' })
    this.downloadDialog = page.getByRole('dialog', { name: 'Первичная загрузка данных отделения' })
    this.section = page.getByRole('region', { name: 'Обмен с сервером' })
    this.address = this.section.getByRole('textbox', { name: 'Адрес сервера «Окно»' })
    this.probeButton = this.section.getByRole('button', { name: 'Проверить', exact: true })
    this.probe = this.section.getByRole('status').filter({ hasText: 'Сверьте отпечаток' })
    this.code = this.section.getByRole('textbox', { name: 'Код подключения' })
    this.enrollButton = this.section.getByRole('button', { name: 'Подключить', exact: true })
    this.enrolled = this.section.locator('dl')
    this.legacy = this.section.getByRole('alert').filter({ hasText: 'Подключите окно к серверу «Окно»' })
    this.interval = this.section.getByRole('spinbutton', { name: 'Интервал обмена, с' })
  }

  /** Ctrl+Shift+S from anywhere on the desk. */
  async openView(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+S')
    await expect(this.heading).toBeFocused()
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('link', { name: 'Настройки' }).click()
    await expect(this.section).toBeVisible()
  }

  /** The fingerprint shown in `where` (lines of four pairs) in the server's «AB:CD:…» form. */
  async fingerprintIn(where: Locator): Promise<string> {
    const text = await where.getByLabel('Отпечаток сертификата').innerText()
    return text.trim().split(/\s+/).join(':')
  }

  /**
   * From the keyboard: the address typed, Tab to «Проверить», Enter; the fingerprint is shown.
   * Returns it as shown, for the test to compare with the server's.
   */
  async probeServer(url: string): Promise<string> {
    await this.address.fill(url)
    await this.page.keyboard.press('Tab')
    await expect(this.probeButton).toBeFocused()
    await this.page.keyboard.press('Enter')
    await expect(this.probe).toBeVisible()
    return this.fingerprintIn(this.probe)
  }

  /** From the keyboard: Tab to the code, the code typed, Enter submits the form. */
  async enroll(code: string): Promise<void> {
    await this.page.keyboard.press('Tab')
    await expect(this.code).toBeFocused()
    await this.page.keyboard.type(code)
    await this.page.keyboard.press('Enter')
  }

  /**
   * The outcome under the forms: a success is a status, a refusal an alert (the last one: a
   * refusal at a field says the same in the field's own alert above it).
   */
  outcome(text: string | RegExp): Locator {
    return this.section
      .getByRole('alert')
      .or(this.section.getByRole('status'))
      .filter({ hasText: text })
      .last()
  }
}
