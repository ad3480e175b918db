// The office sync at the desk: a desk working alone says so in the bar and on «Обмен с
// сервером»; the administrator's «Обмен с сервером» form refuses a bad address at its field and
// says in Russian why a server does not answer; an enrolled desk out of the server's reach refuses
// to close the shift with a sentence; a desk of the old direct mode asks to be enrolled and keeps
// its outbox. With PostgreSQL (OKNO_TEST_PG_URL) the fixture starts a real okno-server: two desks
// enroll with the fingerprint compared and a one-time code, a payment taken at one reaches the other.
import type { Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatMoney } from '../../src/shared/money'
import { freePort } from '../helpers/local-postgres'
import { expectAllControlsNamed } from './a11y'
import { indebtedAccount, storedPayments } from './cash-data'
import { expect, test } from './fixtures'
import { textLines } from './layout'
import { createOfficeServer, pgServer, type OfficeServer } from './office-server'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'
import { SyncPage } from './pages/sync-page'
import { OFFICE_SCREEN, shot } from './shots'

const byRole = (role: string) => DEMO_CLERKS.find((c) => c.role === role)!
const admin = byRole('administrator')
const operator = byRole('operator')
/** The demo office its clerks belong to (the first one, «Гагаринский»). */
const OFFICE = 'GAG'
const A_FINGERPRINT = Array.from({ length: 32 }, () => 'AB').join(':')

test.use({ viewport: OFFICE_SCREEN })

/** The administrator signed in at «Настройки → Обмен с сервером». */
async function atServerForm(page: Page, url: string): Promise<{ d: DeskPage; sync: SyncPage }> {
  const d = new DeskPage(page)
  const sync = new SyncPage(page)
  await d.open(url)
  await d.signInToDesk(admin.login, admin.password)
  await sync.openSettings()
  return { d, sync }
}

/** The whole settings page from its top (scrolled, the fixed bar would cross a full-page shot). */
async function settingsShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)')
  await shot(page, name, { fullPage: true })
}

/** An okno-server address on this machine where nothing listens. */
async function unreachableUrl(): Promise<string> {
  return `https://127.0.0.1:${await freePort()}`
}

test('a desk working alone says so in the bar and on «Обмен с сервером», reached with Ctrl+Shift+S', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const sync = new SyncPage(page)
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

test('the enrollment form refuses an address that is not https://host:port at its field and saves nothing', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  await expect(sync.address).toHaveValue('')
  await expect(sync.code).toHaveValue('')
  await expect(sync.probe).toHaveCount(0)
  await expect(
    sync.section.getByText('Ключ подключения хранится без защиты системного хранилища'),
  ).toBeVisible()
  await expectAllControlsNamed(page, 'настройки: обмен с сервером, пустая форма')
  await settingsShot(page, 'sync-form-empty')

  await sync.address.fill('server 1:8443')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(sync.address).toHaveAccessibleDescription(/Адрес сервера: https:\/\/имя-или-адрес:порт/)
  await expect(sync.address).toHaveAttribute('aria-invalid', 'true')
  await expect(sync.address).toBeFocused()
  await expect(sync.probe).toHaveCount(0)

  // «Подключить» without «Проверить»: the fingerprint has not been seen, nothing is sent.
  await sync.address.fill('https://127.0.0.1:8443')
  await sync.code.fill('ABCD-EFGH-JKLM')
  await sync.code.press('Enter')
  await expect(sync.outcome('Сначала нажмите «Проверить»')).toBeVisible()
  await expect(sync.address).toBeFocused()

  await page.reload()
  await expect(sync.section).toBeVisible()
  await expect(sync.address).toHaveValue('')
  await expect(sync.indicator).toHaveAccessibleName('Обмен с сервером: Автономный режим')
})

test('the enrollment form’s hints read on one line each at 1366×768 and 1920×1080', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  const hints = ['Например, https://okno-server:8443', '12 букв и цифр от администратора сервера']
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport)
    await expect(sync.code).toBeVisible()
    for (const hint of hints) {
      const lines = await textLines(sync.section.getByText(hint, { exact: true }))
      expect(lines, `«${hint}» at ${viewport.width}×${viewport.height}`).toBe(1)
    }
    await settingsShot(page, `sync-form-${viewport.width}x${viewport.height}`)
  }
})

test('«Проверить» with nothing listening at the address says in Russian that the server does not answer', async ({
  page,
  desk,
}) => {
  const { sync } = await atServerForm(page, desk.url)
  const url = await unreachableUrl()
  await sync.address.fill(url)
  await sync.probeButton.click()
  await expect(sync.outcome(`Сервер «Окно» не отвечает (${url}: нет связи): проверьте сеть`)).toBeVisible()
  await expect(sync.probe).toHaveCount(0)
  // Only checked: the desk still works alone.
  await expect(sync.indicator).toHaveAccessibleName('Обмен с сервером: Автономный режим')
})

test.describe('an enrolled desk out of the server’s reach', () => {
  test.use({
    deskSettings: {
      sync: {
        mode: 'office',
        legacy: false,
        server: {
          // Port 1 on this machine: nothing listens there.
          url: 'https://127.0.0.1:1',
          fingerprint: A_FINGERPRINT,
          deskId: randomUUID(),
          secret: { format: 'plain', data: Buffer.from('not-a-real-secret').toString('base64') },
          officeCode: OFFICE,
          counterNumber: 1,
          serverId: randomUUID(),
        },
      },
    },
  })

  test('closing the shift is refused with a sentence saying why', async ({ page, desk }) => {
    const d = new DeskPage(page)
    const sync = new SyncPage(page)
    const cash = new CashDesk(page)
    await d.open(desk.url)
    // The server does not answer: the clerk signs in against the desk's own copy.
    await d.signInToDesk(admin.login, admin.password)
    await expect(sync.indicator).toHaveAccessibleName(/^Обмен с сервером: Нет связи/)

    // The shift opens here; its close must count every counter, so it waits for the server.
    await cash.open()
    await cash.openShift('1000')
    await page.keyboard.press('F8')
    const dialog = cash.dialog('Закрытие смены')
    const counted = dialog.getByRole('textbox', { name: 'Пересчитано наличных, ₽' })
    await counted.fill('1000')
    await counted.press('Enter')
    await expect(
      dialog.getByRole('alert').filter({
        hasText: 'Нет связи с сервером «Окно»: закрытие смены выполняется только на сервере',
      }),
    ).toBeVisible()
    await expect(dialog).toBeVisible()
  })
})

test.describe('a desk of the old direct mode', () => {
  test.use({
    deskSettings: {
      sync: {
        mode: 'office',
        server: { host: '10.0.0.5', port: 5432, database: 'okno', user: 'okno', password: 'c2VjcmV0' },
        intervalSeconds: 2,
      },
    },
  })

  test('asks to be enrolled at an okno-server and keeps what waits in its outbox', async ({ page, desk }) => {
    const d = new DeskPage(page)
    const sync = new SyncPage(page)
    const cash = new CashDesk(page)
    await d.open(desk.url)
    await d.signInToDesk(admin.login, admin.password)

    // Work goes on at the counter: the shift opened waits to be sent.
    await cash.open()
    await cash.openShift('500')

    // The bar says the desk is not connected to an okno-server (not that a schema differs).
    await expect(sync.indicator).toHaveAccessibleName(
      /^Обмен с сервером: Не подключено к серверу «Окно», [1-9]\d* изменени/,
    )
    await sync.openView()
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: 'Изменения окна сохранены и будут отправлены на сервер после подключения' }),
    ).toBeVisible()
    await expect(
      page.getByRole('definition').filter({ hasText: 'Подключите окно к серверу «Окно»' }),
    ).toBeVisible()
    await expect(sync.outbox.getByRole('radio', { name: /^Ожидают отправки \([1-9]\d*\)$/ })).toBeChecked()
    await expect(sync.outbox.getByRole('cell', { name: /смен/i }).first()).toBeVisible()

    await sync.openSettings()
    await expect(sync.legacy).toContainText('Получите код подключения у администратора сервера.')
    // Nothing of the old connection is shown: it is gone, with its password.
    await expect(sync.section).not.toContainText('10.0.0.5')
    await expect(sync.address).toHaveValue('')
    await expectAllControlsNamed(page, 'настройки: окно старого прямого режима')
    await settingsShot(page, 'sync-form-legacy')
  })
})

test.describe('with an okno-server', () => {
  const pg = pgServer()
  // The list reporter shows only «skipped»: the reason goes to the output too.
  if (pg.skip) console.warn(`[okno e2e] ${pg.skip}`)
  test.skip(pg.url === null, pg.skip ?? '')

  let office: OfficeServer
  test.beforeEach(async () => {
    // A server of its own to seed and start, two desks, two downloads: more than one desk's test.
    test.setTimeout(300_000)
    office = await createOfficeServer(pg.url as string)
  })
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from the pattern
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('okno-server-output', { body: office.output(), contentType: 'text/plain' })
    }
    await office.dispose()
  })

  /**
   * At «Настройки → Обмен с сервером» of a desk: «Проверить» shows the server's own fingerprint,
   * the code enrolls the desk, the first download runs under its dialog and ends the session.
   */
  async function enroll(
    page: Page,
    deskUrl: string,
    counter: number,
    wrongCodeFirst = false,
  ): Promise<SyncPage> {
    const { sync } = await atServerForm(page, deskUrl)
    expect(await sync.probeServer(office.url)).toBe(office.fingerprint)
    await expect(sync.probe).toContainText('Сервер организации «')
    const code = await office.enroll(OFFICE, counter)
    if (wrongCodeFirst) {
      await settingsShot(page, 'sync-form-probed')
      // A code of the right shape the server never issued: its own sentence, at the field.
      await sync.enroll('ZZZZ-ZZZZ-ZZZZ')
      await expect(sync.code).toHaveAttribute('aria-invalid', 'true')
      await expect(sync.code).toHaveAccessibleDescription(
        /Код подключения неверен. Проверьте, как он введён./,
      )
      await expect(sync.code).toBeFocused()
      await sync.code.fill(code)
      await sync.code.press('Enter')
    } else {
      await sync.enroll(code)
    }
    // The first download brings the office's clerks: the session from before it ends.
    await expect(
      page.getByRole('status').filter({ hasText: 'Данные отделения загружены с сервера' }),
    ).toBeVisible({
      timeout: 90_000,
    })
    await expect(sync.downloadDialog).toBeHidden()
    return sync
  }

  test('two desks enroll at one server; a payment taken at one shows at the other', async ({
    page,
    desk,
    secondDesk,
    secondPage,
  }) => {
    const d = new DeskPage(page)
    const cash = new CashDesk(page)
    const syncA = await enroll(page, desk.url, 1, true)
    // Signed in again, the clerk is back where the session ended (the settings).
    await d.signIn(operator.login, operator.password)
    await expect(syncA.indicator).toHaveAccessibleName(/^Обмен с сервером: В сети/)
    // The bar names the office and counter the desk was enrolled at.
    const { name: officeName } = (await office.db.knex('offices').where({ code: OFFICE }).first('name')) as {
      name: string
    }
    await expect(page.getByTitle(`${officeName}, окно 1`)).toBeVisible()

    // The server knows the desk: bound to the office's counter 1, seen just now.
    const bound = await office.db
      .knex('server_desks as d')
      .join('counters as c', 'c.id', 'd.counter_id')
      .select('c.number')
    expect(bound).toEqual([{ number: 1 }])

    const b = new DeskPage(secondPage)
    const syncB = await enroll(secondPage, secondDesk.url, 2)
    await b.signIn(admin.login, admin.password)
    await expect(syncB.indicator).toHaveAccessibleName(/^Обмен с сервером: В сети/)
    await expect(secondPage.getByTitle(`${officeName}, окно 2`)).toBeVisible()

    // An account of the office's own data, as desk A downloaded it.
    const draft = await indebtedAccount(desk.dbPath, 4)
    await cash.open()
    await cash.openShift('0')
    await page.keyboard.press('F2')
    await page.keyboard.type(draft.accountNumber)
    await d.openResult(draft.accountNumber)
    await page.keyboard.press('F9')
    await expect(cash.amount).toBeFocused()
    await page.keyboard.type('10')
    await page.keyboard.press('Enter')
    await expect(cash.receiptDialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(cash.receiptDialog).toBeHidden()
    const [paid] = (await storedPayments(desk.dbPath, draft.accountId)).filter(
      (p) => p.amount_kopecks === 1000,
    )
    expect(paid).toBeDefined()

    // It reaches the server, signed by the operator, from desk A …
    await expect
      .poll(async () => (await office.db.knex('payments').where({ id: paid!.id }).select('id')).length, {
        timeout: 30_000,
      })
      .toBe(1)
    // … and desk B pulls it, and its card shows the smaller debt.
    await expect
      .poll(async () => (await storedPayments(secondDesk.dbPath, draft.accountId)).map((p) => p.id), {
        timeout: 30_000,
      })
      .toContain(paid!.id)
    await secondPage.keyboard.press('F2')
    await secondPage.keyboard.type(draft.accountNumber)
    await b.openResult(draft.accountNumber)
    await expect(secondPage.getByTestId('debt')).toContainText(
      `Долг: ${formatMoney(draft.totalDebtKopecks - 1_000)}`,
    )

    // The administrator's view at B: enrolled at counter 2 with the server's fingerprint.
    await syncB.openSettings()
    await expect(syncB.enrolled).toContainText(office.url)
    // The office by its Russian name and code, and the counter.
    await expect(syncB.enrolled).toContainText(`${officeName} (код ${OFFICE})`)
    await expect(syncB.enrolled).toContainText(/Окно №\s*2/)
    expect(await syncB.fingerprintIn(syncB.enrolled)).toBe(office.fingerprint)
    await expectAllControlsNamed(secondPage, 'настройки: окно подключено к серверу')
    await settingsShot(secondPage, 'sync-form-enrolled')
  })
})
