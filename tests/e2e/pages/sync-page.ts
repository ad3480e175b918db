// The office sync as a clerk meets it, for end-to-end scripts: the status in the bar, the
// «Обмен с сервером» screen (Ctrl+Shift+S) with its outbox, and «Сервер отделения» in the
// settings. Role-based locators with the Russian names a screen reader announces.
import { expect, type Locator, type Page } from '@playwright/test'

export interface ServerFields {
  host: string
  port: string
  database: string
  user: string
  password?: string
}

export class SyncPage {
  /** The status in the bar (a status region named «Обмен с сервером: …»). */
  readonly indicator: Locator
  readonly heading: Locator
  readonly syncNowButton: Locator
  readonly outbox: Locator
  readonly downloadDialog: Locator
  /** «Сервер отделения» in the settings. */
  readonly section: Locator
  readonly standaloneMode: Locator
  readonly officeMode: Locator
  readonly host: Locator
  readonly port: Locator
  readonly database: Locator
  readonly user: Locator
  readonly password: Locator
  readonly interval: Locator
  readonly checkButton: Locator
  readonly saveButton: Locator

  constructor(readonly page: Page) {
    this.indicator = page.getByRole('status', { name: /^Обмен с сервером:/ })
    this.heading = page.getByRole('heading', { name: 'Обмен с сервером', level: 1 })
    this.syncNowButton = page.getByRole('button', { name: 'Синхронизировать сейчас' })
    this.outbox = page.getByRole('region', { name: 'Очередь отправки' })
    this.downloadDialog = page.getByRole('dialog', { name: 'Первичная загрузка данных отделения' })
    this.section = page.getByRole('region', { name: 'Сервер отделения' })
    this.standaloneMode = this.section.getByRole('radio', { name: 'Автономный' })
    this.officeMode = this.section.getByRole('radio', { name: 'Офисный (с сервером отделения)' })
    this.host = this.section.getByRole('textbox', { name: 'Адрес сервера' })
    this.port = this.section.getByRole('spinbutton', { name: 'Порт' })
    this.database = this.section.getByRole('textbox', { name: 'База данных' })
    this.user = this.section.getByRole('textbox', { name: 'Пользователь' })
    this.password = this.section.getByLabel('Пароль', { exact: true })
    this.interval = this.section.getByRole('spinbutton', { name: 'Интервал обмена, с' })
    this.checkButton = this.section.getByRole('button', { name: 'Проверить соединение' })
    this.saveButton = this.section.getByRole('button', { name: 'Сохранить подключение' })
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

  /** Office mode with the server as given (the password only when given). */
  async fillServer(server: ServerFields): Promise<void> {
    await this.officeMode.check()
    await this.host.fill(server.host)
    await this.port.fill(server.port)
    await this.database.fill(server.database)
    await this.user.fill(server.user)
    if (server.password !== undefined) await this.password.fill(server.password)
  }

  /** An outcome under the form: a success is a status, a refusal an alert. */
  outcome(text: string | RegExp): Locator {
    return this.section.getByRole('alert').or(this.section.getByRole('status')).filter({ hasText: text })
  }
}
