// The accessibility check every screen passes: each control has an accessible name (a visible
// label or a Russian aria-label), so a screen reader and role-based locators find it.
import { expect, type Page } from '@playwright/test'

const CONTROL_ROLES = [
  'button',
  'link',
  'textbox',
  'combobox',
  'spinbutton',
  'checkbox',
  'radio',
  'option',
  'listbox',
] as const

export async function expectAllControlsNamed(page: Page, screen: string): Promise<void> {
  for (const role of CONTROL_ROLES) {
    for (const control of await page.getByRole(role).all()) {
      await expect(control, `${screen}: ${role} без доступного имени`).toHaveAccessibleName(/\S/)
    }
  }
}
