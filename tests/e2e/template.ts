// The template demo database built once by global-setup.ts; tests copy it, never open it.
import { copyFileSync } from 'node:fs'

export const TEMPLATE_ENV = 'OKNO_E2E_TEMPLATE_DB'

/** Copies the template database to `target` (a fresh file for one desk). */
export function copyTemplateDb(target: string): void {
  const template = process.env[TEMPLATE_ENV]
  if (!template)
    throw new Error(`${TEMPLATE_ENV} не задан: тесты запускаются через playwright test (global-setup)`)
  copyFileSync(template, target)
}
