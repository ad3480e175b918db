// Appointment settings: the administrator opens Saturdays in an office's plan and the desk offers
// Saturday times; a plan that strands booked customers or has a bad time is refused in Russian; a
// day is closed; a calendar with a bad line is refused by line number; a topic is added; the
// report shows and downloads as Excel. An operator sees the settings read-only, without the report.
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

const byRole = (role: string) => DEMO_CLERKS.find((c) => c.role === role)!
const SHOTS = process.env.OKNO_E2E_SHOTS

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return
  await page.setViewportSize({ width: 1280, height: 1000 })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

async function openSettings(page: Page, url: string, role: string): Promise<void> {
  const d = new DeskPage(page)
  const clerk = byRole(role)
  await d.open(url)
  await d.signIn(clerk.login, clerk.password)
  await page.getByRole('link', { name: 'Настройки' }).click()
  await page.getByRole('link', { name: 'Запись на приём: график, календарь, темы' }).click()
  await expect(page.getByRole('heading', { name: 'Запись на приём: настройки' })).toBeVisible()
}

/** Every control on the screen has an accessible name (scanned again while a tab is still sliding in). */
async function expectNamed(page: Page): Promise<void> {
  await expect(async () => {
    for (const role of ['button', 'link', 'textbox', 'combobox', 'checkbox', 'tab'] as const) {
      for (const control of await page.getByRole(role).all()) {
        await expect(control).toHaveAccessibleName(/\S/, { timeout: 1000 })
      }
    }
  }).toPass()
}

/** Free 15-minute starts of the plan's office on a day, asked through the desk's own bridge. */
function freeTimes(page: Page, date: string): Promise<string[]> {
  return page.evaluate(async (day) => {
    type Bridge = Record<string, (input: unknown) => Promise<{ data: unknown }>>
    const okno = (globalThis as unknown as { okno: Bridge }).okno
    const meta = (await okno['appointments:meta']!({})).data as {
      officeId: string | null
      offices: Array<{ id: string }>
      topics: Array<{ id: string }>
    }
    const officeId = meta.officeId ?? meta.offices[0]!.id
    const query = { officeId, topicId: meta.topics[0]!.id, from: day, to: day }
    const slots = (await okno['appointments:slots']!(query)).data as Array<{ time: string }>
    return slots.map((s) => s.time)
  }, date)
}

test('the administrator opens Saturdays, and the desk offers Saturday times', async ({ page, desk }) => {
  await openSettings(page, desk.url, 'administrator')
  await expect(page.getByRole('row', { name: /Понедельник/ })).toBeVisible()
  expect(await freeTimes(page, '2026-11-28')).toEqual([])
  await expectNamed(page)

  const saturday = page.getByTestId('plan-day-6')
  await page.getByRole('checkbox', { name: 'Суббота: приём ведётся' }).check()
  await saturday.getByRole('textbox', { name: 'Суббота: начало приёма' }).fill('09:00')
  await saturday.getByRole('textbox', { name: 'Суббота: конец приёма' }).fill('13:00')
  await saturday.getByRole('textbox', { name: 'Суббота: начало перерыва' }).fill('')
  await saturday.getByRole('textbox', { name: 'Суббота: конец перерыва' }).fill('')
  await saturday.getByRole('textbox', { name: 'Суббота: специалистов одновременно' }).fill('2')
  await page.getByRole('button', { name: 'Сохранить график' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^График «.+» сохранён\.$/ })).toBeVisible()
  await shot(page, 'appointment-settings-plan')
  const times = await freeTimes(page, '2026-11-28')
  expect(times[0]).toBe('09:00')
  expect(times.at(-1)).toBe('12:45')
})

test('a bad time and a plan that strands booked customers are refused; a day is closed and opened', async ({
  page,
  desk,
}) => {
  await openSettings(page, desk.url, 'administrator')
  // A closing time before the opening: marked at the field, nothing sent.
  const monday = page.getByTestId('plan-day-1')
  await monday.getByRole('textbox', { name: 'Понедельник: конец приёма' }).fill('07:00')
  await page.getByRole('button', { name: 'Сохранить график' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'Исправьте отмеченные поля графика.' }),
  ).toBeVisible()
  await expect(monday.getByText('Конец приёма должен быть позже начала')).toBeVisible()
  await monday.getByRole('textbox', { name: 'Понедельник: конец приёма' }).fill('17:00')
  // Mondays off while customers are booked for Monday: refused by main, naming them.
  await page.getByRole('checkbox', { name: 'Понедельник: приём ведётся' }).uncheck()
  await page.getByRole('button', { name: 'Сохранить график' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: /^Нельзя сохранить: .*вне графика — 23\.11\.2026/ }),
  ).toBeVisible()

  // A closed day, with its reason, after the demo's bookings end.
  await page.getByRole('textbox', { name: 'Дата (ДД.ММ.ГГГГ)' }).fill('12.01.2027')
  await page.getByRole('textbox', { name: 'Причина' }).fill('Санитарный день')
  await page.getByRole('button', { name: 'Закрыть отделение в этот день' }).click()
  await expect(page.getByRole('status').filter({ hasText: '12.01.2027: отделение закрыто.' })).toBeVisible()
  await expect(page.getByRole('row', { name: /12\.01\.2027, вторник Санитарный день/ })).toBeVisible()
  await page.getByRole('button', { name: 'Открыть отделение 12.01.2027' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: '12.01.2027: отделение снова принимает.' }),
  ).toBeVisible()
  await expect(page.getByText('Впереди закрытых дней нет.')).toBeVisible()
})

test('the calendar refuses a pasted line by number, naming it', async ({ page, desk }) => {
  // Two years of rows, each with three named controls to check.
  test.slow()
  await openSettings(page, desk.url, 'administrator')
  await page.getByRole('tab', { name: 'Производственный календарь' }).click()
  await expect(page.getByRole('textbox', { name: 'Название дня 04.11.2026' })).toHaveValue(
    'День народного единства',
  )
  await expectNamed(page)
  // From the keyboard: Enter opens the list of years.
  await page.getByRole('combobox', { name: 'Год' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: '2027', exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Название дня 04.11.2027' })).toBeVisible()
  await page
    .getByRole('textbox', { name: 'Строки календаря на 2027 год' })
    .fill('2027-01-01;holiday;Новый год\n2027-02-30;holiday;Нет такого дня')
  await page.getByRole('button', { name: 'Загрузить и заменить календарь на 2027 год' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Строка 2: «2027-02-30» — не дата' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Название дня 04.11.2027' })).toBeVisible()
  await shot(page, 'appointment-settings-calendar')
})

test('a topic is added from the keyboard, its duration checked against the grid', async ({ page, desk }) => {
  await openSettings(page, desk.url, 'administrator')
  await page.getByRole('tab', { name: 'Темы приёма' }).click()
  await page.getByRole('button', { name: 'Добавить тему' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('textbox', { name: 'Название темы' })).toBeFocused()
  await page.keyboard.type('Замена прибора учёта')
  await dialog.getByRole('textbox', { name: 'Длительность, мин' }).fill('20')
  await dialog.getByRole('button', { name: 'Сохранить тему' }).click()
  await expect(dialog.getByText('Длительность должна быть кратна шагу записи (15 мин)')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Длительность, мин' }).fill('45')
  await dialog.getByRole('textbox', { name: /Что взять с собой/ }).fill('Паспорт; паспорт прибора')
  await dialog.getByRole('textbox', { name: 'Длительность, мин' }).press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Тема «Замена прибора учёта» сохранена.' }),
  ).toBeVisible()
  await expect(page.getByRole('row', { name: /Замена прибора учёта 45 мин/ })).toBeVisible()
  await shot(page, 'appointment-settings-topics')
})

test('the report counts the appointments and downloads as Excel', async ({ page, desk }) => {
  await openSettings(page, desk.url, 'administrator')
  await page.getByRole('tab', { name: 'Отчёт' }).click()
  await expect(page.getByTestId('appointment-report-title')).toHaveText(
    'Записи на приём за 01.11.2026–22.12.2026, все отделения',
  )
  await expect(
    page.getByRole('table', { name: 'По темам' }).getByRole('row', { name: /^Консультация/ }),
  ).toBeVisible()
  await expectNamed(page)
  await shot(page, 'appointment-settings-report')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Выгрузить в Excel' }).click()
  expect((await download).suggestedFilename()).toBe('Записи_2026-11-01_2026-12-22.xlsx')
})

test('an operator sees the plan read-only and no report', async ({ page, desk }) => {
  await openSettings(page, desk.url, 'operator')
  await expect(page.getByText('Изменять график, календарь и темы может администратор')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Сохранить график' })).toHaveCount(0)
  await expect(page.getByRole('tab', { name: 'Отчёт' })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Понедельник: приём ведётся' })).toBeDisabled()
})
