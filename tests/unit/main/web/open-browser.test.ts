// npm start in browser mode opens the desk in the default browser, or says plainly it did not.
import { describe, expect, it } from 'vitest'
import { browserCommand, openedMessage, openInBrowser } from '../../../../src/main/web/open-browser'

const URL = 'http://127.0.0.1:41234/?token=abc'

describe('opening the desk in the browser', () => {
  it('uses each platform’s own link handler, with the link as one argument and no shell', () => {
    expect(browserCommand('linux', URL)).toEqual({ command: 'xdg-open', args: [URL] })
    expect(browserCommand('darwin', URL)).toEqual({ command: 'open', args: [URL] })
    expect(browserCommand('win32', URL)).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', URL],
    })
  })

  it('reports nothing opened when the handler is missing or refuses', async () => {
    expect(await openInBrowser(URL, { command: 'okno-no-such-handler', args: [URL] })).toBe(false)
    expect(await openInBrowser(URL, { command: process.execPath, args: ['-e', 'process.exit(3)'] })).toBe(
      false,
    )
    expect(await openInBrowser(URL, { command: process.execPath, args: ['-e', 'process.exit(0)'] })).toBe(
      true,
    )
  })

  it('says clearly when nothing was opened, and gives the link either way', () => {
    expect(openedMessage(false, URL)).toMatch(/^Браузер не открылся сам: .* Откройте ссылку в браузере/)
    expect(openedMessage(true, URL)).toMatch(/^Рабочее место открыто в браузере по умолчанию/)
    for (const opened of [true, false]) expect(openedMessage(opened, URL)).toContain(URL)
  })
})
