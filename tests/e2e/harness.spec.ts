// Proves the end-to-end harness itself: the desk fixture starts browser mode, the page gets the
// bridge with exactly the contract's channels, and the API refuses callers without the cookies.
import { CHANNELS } from '../../src/shared/ipc/channels'
import { expect, test } from './fixtures'

test('the desk link opens a page whose window.okno has exactly the contract channels', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url)
  // The link's token became cookies and the redirect dropped it from the address bar.
  const landed = new URL(page.url())
  expect(landed.origin).toBe(desk.origin)
  expect(landed.searchParams.has('token')).toBe(false)
  const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { okno: object }).okno))
  expect(keys.sort()).toEqual([...CHANNELS].sort())
})

test('an API call without the launch cookies is refused with 403', async ({ desk }) => {
  const res = await fetch(`${desk.origin}/api/app:info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Okno-Bridge': '1' },
    body: JSON.stringify({ input: null }),
  })
  expect(res.status).toBe(403)
})
