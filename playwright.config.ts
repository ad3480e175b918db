// End-to-end tests: the desk in browser mode driven in the system Chromium (tests/e2e), and a
// small real-Electron suite that skips itself where the Electron binary is absent (tests/electron).
// `npm run test:e2e` first runs scripts/ensure-chromium.mjs, which writes .cache/chromium-path.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    const cached = readFileSync(join(__dirname, '.cache', 'chromium-path'), 'utf8').trim()
    if (cached) return cached
  } catch {
    // Not written yet: scripts/ensure-chromium.mjs has not run on this machine.
  }
  return '/usr/bin/chromium'
}

export default defineConfig({
  testDir: 'tests',
  testMatch: ['tests/e2e/**/*.spec.ts', 'tests/electron/**/*.spec.ts'],
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 2,
  // On CI a failed test runs once more and, if it passes then, is reported as «flaky» with its first
  // failure printed: one unexplained failure in 25 runs of the booking scenario must not hide the
  // rest of a run, and the printed failure is kept to find the cause (see describeBoard).
  retries: process.env.CI ? 1 : 0,
  // Two cores run two desks, two browsers and the tests, and CI shares them with other work: the
  // limits guard against a hang, far above what a busy machine takes (the longest scenarios took
  // about a minute there), never a speed check.
  expect: { timeout: 20_000 },
  timeout: 180_000,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
