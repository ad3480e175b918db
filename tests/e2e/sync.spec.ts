// The office sync at the desk: a desk working alone says so in the bar and on «Обмен с
// сервером»; the administrator's server form refuses bad input at its fields and saves nothing,
// and «Проверить соединение» says in Russian why a server does not answer; out of the server's
// reach, an operation that needs it (closing the shift) is refused with a sentence. With a PostgreSQL
// server (OKNO_TEST_PG_URL) the administrator switches the desk to office mode, the office's data
// comes down, readings taken at the counter reach the server and the queue empties again.
import type { Page } from '@playwright/test'
import { readingPeriod } from '../../src/shared/billing/period'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { freePort } from '../helpers/local-postgres'
import { expectAllControlsNamed } from './a11y'
import { ahead, meteredAccount, typedValue, type SampleMeter } from './data'
import { expect, test } from './fixtures'
import { createOfficeServer, pgServer } from './office-server'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'
import { ReadingsForm } from './pages/readings-form'
import { SyncPage, type ServerFields } from './pages/sync-page'
import { E2E_CLOCK_START } from './template'

const byRole = (role: string) => DEMO_CLERKS.find((c) => c.role === role)!
const admin = byRole('administrator')
const { period } = readingPeriod(businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE))

/** The administrator signed in at «Настройки → Сервер отделения». */
async function atServerForm(page: Page, url: string): Promise<{ d: DeskPage; sync: SyncPage }> {
  const d = new DeskPage(page)
  const sync = new SyncPage(page)
  await d.open(url)
  await d.signInToDesk(admin.login, admin.password)
  await sync.openSettings()
  return { d, sync }
}

/** A server on this machine where nothing listens. */
async function unreachableServer(): Promise<ServerFields> {
  return { host: '127.0.0.1', port: String(await freePort()), database: 'okno', user: 'okno' }
}

test('a desk working alone says so in the bar and on «Обмен с сервером», reached with Ctrl+Shift+S', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const sync = new SyncPage(page)
  const operator = byRole('operator')
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)

  await expect(sync.indicator).toHaveAccessibleName('Обмен с сервером: Автономный режим')
  await expect(sync.indicator).toContainText('Автономный режим')
  await page.keyboard.press('F1')
  await expect(page.getByRole('dialog').getByText('Ctrl+Shift+S — обмен с сервером отделения')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  await sync.openView()
  await expect(page.getByText('Рабочее место работает автономно')).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'автономный' })).toBeVisible()
  // Nothing to exchange, and an operator never sees the queue.
  await expect(sync.syncNowButton).toHaveCount(0)
  await expect(sync.outbox).toHaveCount(0)
  await expectAllControlsNamed(page, 'обмен с сервером (автономно)')

  // The status in the bar leads here too.
  await page.getByRole('link', { name: 'Настройки' }).click()
  await sync.indicator.getByRole('link').click()
  await expect(sync.heading).toBeVisible()
})

test('the server form refuses a port of 70000 and a host with a space at their fields, and saves nothing', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  await expect(sync.standaloneMode).toBeChecked()
  await expect(sync.host).toBeDisabled()
  await expect(sync.section.getByText('Пароль будет храниться без защиты системного хранилища')).toBeVisible()
  // Whether a password is saved, never the password itself (the renderer never receives it).
  await expect(sync.section.getByText('Пароль не задан')).toBeVisible()

  await sync.fillServer({ host: 'server 1', port: '70000', database: 'okno', user: 'okno' })
  await sync.saveButton.click()
  await expect(sync.host).toHaveAccessibleDescription(
    /Адрес сервера: имя компьютера или его сетевой адрес, без пробелов/,
  )
  await expect(sync.port).toHaveAccessibleDescription(/Порт — целое число от 1 до 65535/)
  await expect(sync.host).toBeFocused()
  await expect(sync.outcome(/Проверьте/)).toBeVisible()
  await expectAllControlsNamed(page, 'настройки: сервер отделения с ошибками')

  // Read again, the settings are as before: alone, no server.
  await page.reload()
  await expect(sync.section).toBeVisible()
  await expect(sync.standaloneMode).toBeChecked()
  await expect(sync.host).toHaveValue('')
  await expect(sync.indicator).toHaveAccessibleName('Обмен с сервером: Автономный режим')
})

test('«Проверить соединение» with nothing listening at the port says so in Russian', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  await sync.fillServer(await unreachableServer())
  await sync.checkButton.click()
  await expect(sync.outcome('Сервер отделения не отвечает (соединение отклонено).')).toBeVisible()
  // Only checked: the desk still works alone.
  await expect(sync.indicator).toHaveAccessibleName('Обмен с сервером: Автономный режим')
})

test('in office mode with the server out of reach, closing the shift is refused with a sentence saying why', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  const cash = new CashDesk(page)
  await sync.fillServer(await unreachableServer())
  await sync.saveButton.click()
  await expect(sync.indicator).toHaveAccessibleName(/^Обмен с сервером: Нет связи/)

  // The shift opens here; its close must count every counter, so it waits for the server.
  await cash.open()
  await cash.openShift('1000')
  await page.keyboard.press('F8')
  const dialog = cash.dialog('Закрытие смены')
  const counted = dialog.getByRole('textbox', { name: 'Пересчитано наличных, ₽' })
  await counted.fill('1000')
  await counted.press('Enter')
  await expect(dialog.getByRole('alert').filter({ hasText: 'Нет связи с сервером отделения' })).toContainText(
    'закрытие смены выполняется только на сервере',
  )
  await expect(dialog).toBeVisible()
})

test.describe('with an office server', () => {
  const server = pgServer()
  test.skip(server.url === null, server.skip ?? '')

  test('the administrator switches the desk to office mode; readings taken reach the server', async ({
    page,
    desk,
  }) => {
    test.setTimeout(180_000)
    const office = await createOfficeServer(server.url as string)
    try {
      const { d, sync } = await atServerForm(page, desk.url)
      await sync.fillServer({
        host: office.host,
        port: String(office.port),
        database: office.database,
        user: office.user,
        ...(office.password ? { password: office.password } : {}),
      })
      await sync.checkButton.click()
      await expect(sync.outcome(/Соединение установлено/)).toBeVisible()
      await sync.saveButton.click()

      // The first download runs under its own dialog. It brings the office's clerks, so the
      // session from before it ends with a sentence saying why; the office's account signs in.
      await expect(
        page.getByRole('status').filter({ hasText: 'Данные отделения загружены с сервера' }),
      ).toBeVisible({
        timeout: 90_000,
      })
      await d.signIn(admin.login, admin.password)
      await expect(sync.indicator).toHaveAccessibleName(/^Обмен с сервером: В сети/)
      await expect(sync.downloadDialog).toBeHidden()

      // Readings of an account that came with the download, taken as at any counter.
      const account = await meteredAccount(desk.dbPath, period)
      const form = new ReadingsForm(page)
      await d.search.focus()
      await page.keyboard.type(account.number)
      await d.openResult(account.number)
      await form.open(account.meters[0] as SampleMeter)
      await form.typeInOrder(
        account.meters.flatMap((m) =>
          m.previousMilli.map((_, zone) => typedValue(ahead(m, zone, 1), m.fractionDigits)),
        ),
      )
      await expect(form.status).toHaveText('Проверка пройдена: нажмите «Принять» или Enter.')
      await page.keyboard.press('Enter')
      await expect(form.slip).toBeVisible()
      await form.closeSlip()

      // They reach the server, and nothing waits to be sent any more.
      await expect
        .poll(
          async () =>
            Number(
              (
                (await office.db
                  .knex('readings')
                  .where({ account_id: account.accountId, period })
                  .count({ n: '*' })
                  .first()) as { n: string | number }
              ).n,
            ),
          { timeout: 30_000 },
        )
        .toBe(account.meters.length)
      await expect(sync.indicator).toHaveAccessibleName(
        /^Обмен с сервером: В сети, последний обмен \d\d:\d\d$/,
      )

      // The administrator's view: on line, nothing waiting, the queue empty.
      await sync.openView()
      await expect(page.getByRole('definition').filter({ hasText: 'В сети' })).toBeVisible()
      await expect(sync.outbox.getByRole('radio', { name: 'Ожидают отправки (0)' })).toBeChecked()
      await expect(sync.outbox.getByText('Все изменения отправлены на сервер.')).toBeVisible()
      await sync.syncNowButton.click()
      await expect(page.getByRole('status').filter({ hasText: 'Обмен выполнен.' })).toBeVisible()
      await expectAllControlsNamed(page, 'обмен с сервером (офисный режим)')
    } finally {
      await office.dispose()
    }
  })
})
