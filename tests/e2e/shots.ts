// Screenshots of the end-to-end run, written to the test's own output folder (test-results/…),
// never to a fixed path: look at them after a run to see each screen as a clerk does.
import { test, type Locator, type Page } from '@playwright/test'

/** The office screen most desks have; `OKNO_E2E_VIEWPORT=1920x1080` looks at another one. */
export const OFFICE_SCREEN = ((): { width: number; height: number } => {
  const m = /^(\d+)x(\d+)$/.exec(process.env.OKNO_E2E_VIEWPORT ?? '')
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: 1366, height: 768 }
})()

/** Saves a screenshot of the page (or one element) as `<name>.png` in the test's output folder. */
export async function shot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  await target.screenshot({ path: test.info().outputPath(`${name}.png`), ...options })
}
