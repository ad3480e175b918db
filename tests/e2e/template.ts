// The template demo database built once by global-setup.ts; tests copy it, never open it.
import { copyFileSync } from 'node:fs'

export const TEMPLATE_ENV = 'OKNO_E2E_TEMPLATE_DB'

/**
 * Every desk under test starts its clock here (OKNO_CLOCK_START), and the template's demo data is
 * «as of» this day: 10:00 in Sevastopol on 22 November, inside the readings window (15–25), with
 * October charged. The tests do not depend on the day they run.
 */
export const E2E_CLOCK_START = '2026-11-22T07:00:00.000Z'

/** Copies the template database to `target` (a fresh file for one desk). */
export function copyTemplateDb(target: string): void {
  const template = process.env[TEMPLATE_ENV]
  if (!template)
    throw new Error(`${TEMPLATE_ENV} не задан: тесты запускаются через playwright test (global-setup)`)
  copyFileSync(template, target)
}
