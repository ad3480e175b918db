// Reception appointments for end-to-end scripts: the desk «Запись на приём» (F12) with its day
// board, week and search; the booking dialog (topic, day and time lists, who comes), the ticket,
// an appointment's actions and its cancellation. Role-based locators with the Russian names a
// screen reader announces.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'

export class AppointmentDesk {
  readonly heading: Locator
  readonly board: Locator
  readonly booking: Locator
  readonly days: Locator
  readonly times: Locator
  readonly name: Locator
  readonly phone: Locator
  readonly submit: Locator
  readonly ticket: Locator
  readonly actions: Locator
  readonly cancelling: Locator
  readonly reason: Locator
  readonly released: Locator
  readonly searchField: Locator
  readonly hits: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Запись на приём', level: 1 })
    this.board = page.getByRole('grid', { name: /^Запись на / })
    this.booking = page
      .getByRole('dialog')
      .filter({ has: page.getByText(/^(Запись на приём( — счёт \d+)?|Перенос записи, талон .+)$/) })
    this.days = this.booking.getByRole('listbox', { name: 'Дни со свободным временем' })
    this.times = this.booking.getByRole('listbox', { name: /^Свободное время/ })
    this.name = this.booking.getByRole('textbox', { name: 'ФИО' })
    this.phone = this.booking.getByRole('textbox', { name: 'Телефон' })
    this.submit = this.booking.getByRole('button', { name: 'Записать' })
    this.ticket = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: /^((Записано|Перенесено): талон|Талон) / }) })
    this.actions = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: /^Запись, талон / }) })
    this.cancelling = page.getByRole('dialog').filter({ has: page.getByText(/^Отмена записи, талон /) })
    this.reason = this.cancelling.getByRole('textbox', { name: 'Причина отмены' })
    this.released = page.getByRole('table', { name: 'Записи дня, не занимающие мест' })
    this.searchField = page.getByRole('textbox', { name: 'Талон, телефон, ФИО или лицевой счёт' })
    this.hits = page.getByRole('table', { name: 'Записи на приём' })
  }

  /** F12 from anywhere but the card: the desk opens on today's board with a cell focused. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F12')
    await expect(this.heading).toBeVisible()
    await expect(this.board.getByRole('gridcell').first()).toBeVisible()
    await expect(this.focusedCell()).toHaveCount(1)
  }

  focusedCell(): Locator {
    return this.board.locator('[role="gridcell"]:focus')
  }

  tab(name: 'День' | 'Неделя' | 'Поиск'): Locator {
    return this.page.getByRole('tab', { name })
  }

  /** A board cell by the start of its accessible name («10:30, место 2, свободно»). */
  cell(name: RegExp): Locator {
    return this.board.getByRole('gridcell', { name })
  }

  /** The cell where an appointment starts, by its ticket code. */
  appointmentCell(code: string): Locator {
    return this.board.getByRole('gridcell', { name: new RegExp(`талон ${code}, [^,]+, [^,]+$`) })
  }

  /**
   * What the page shows instead of the board's cells, for a failure's message: the grid's name and
   * every cell's, or the alerts when there is no grid (a refused load).
   */
  async describeBoard(): Promise<string> {
    const alerts = await this.page.getByRole('alert').allInnerTexts()
    if ((await this.board.count()) === 0) return `доски нет; сообщения: ${JSON.stringify(alerts)}`
    const grid = await this.board.getAttribute('aria-label')
    const cells = await this.board
      .getByRole('gridcell')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''))
    return `доска «${grid}»; сообщения: ${JSON.stringify(alerts)}; ячейки:\n${cells.join('\n')}`
  }

  /**
   * Walks the board with the arrow keys from the focused cell to `target`: up or down to its time,
   * then along the row to its place. Both are read from the cells' names («10:30, место 2, …»).
   */
  async walkTo(target: Locator): Promise<void> {
    const where = (label: string | null | undefined): [string, number] => {
      const m = /^(\d\d:\d\d), место (\d+)/.exec(label ?? '')
      if (!m) throw new Error(`Не ячейка доски: ${label}`)
      return [m[1] as string, Number(m[2])]
    }
    const [time, seat] = where(await target.getAttribute('aria-label'))
    for (let step = 0; step < 200; step++) {
      const [at, place] = where(await this.focusedCell().getAttribute('aria-label'))
      if (at === time && place === seat) return
      const key = at < time ? 'ArrowDown' : at > time ? 'ArrowUp' : place < seat ? 'ArrowRight' : 'ArrowLeft'
      await this.page.keyboard.press(key)
    }
    throw new Error(`Не дошли до ячейки ${time}, место ${seat}`)
  }

  topic(name: string): Locator {
    return this.booking.getByRole('radio', { name: new RegExp(`^${name} · \\d+ мин$`) })
  }

  selected(list: Locator): Locator {
    return list.getByRole('option', { selected: true })
  }

  /** The ticket code from the ticket dialog's title («Записано: талон П-123»). */
  async ticketCode(): Promise<string> {
    const title = await this.ticket.getByRole('heading').first().innerText()
    const code = /талон (\S+)$/.exec(title)?.[1] ?? ''
    expect(code).toMatch(/^[А-ЯЁ]-\d{3}$/)
    return code
  }

  ticketPreview(): FrameLocator {
    return this.page.frameLocator('iframe[title="Предварительный просмотр талона"]')
  }

  /** «Готово» closes the ticket (after printing, focus is in the preview's frame). */
  async closeTicket(): Promise<void> {
    await this.ticket.getByRole('button', { name: 'Готово' }).click()
    await expect(this.ticket).toBeHidden()
  }

  async search(text: string): Promise<void> {
    await this.tab('Поиск').click()
    await this.searchField.fill(text)
    await this.searchField.press('Enter')
    await expect(
      this.page.getByRole('status').filter({ hasText: /^(Найдено записей|Записей не найдено)/ }),
    ).toBeVisible()
  }

  /** A search hit by ticket code and day (a code is unique only within an office's day). */
  hit(code: string, day: string): Locator {
    return this.hits
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: code, exact: true }) })
      .filter({ hasText: day })
  }
}
