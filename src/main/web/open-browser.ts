// Opens the desk's link in the default browser (npm start in browser mode) and says whether it
// could: on a machine without a desktop or a link handler nothing opens, and the clerk must know.
import { spawn } from 'node:child_process'

/** The platform's own way to open a link, run without a shell (the link is never parsed by one). */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] }
  if (platform === 'darwin') return { command: 'open', args: [url] }
  return { command: 'xdg-open', args: [url] }
}

// A handler still running after this long has handed the link to a browser that runs on.
const SETTLE_MS = 5_000

/** True when the handler took the link; false when it is missing or refused it. */
export function openInBrowser(
  url: string,
  command = browserCommand(process.platform, url),
): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command.command, command.args, { stdio: 'ignore', detached: true })
    const timer = setTimeout(() => {
      child.unref()
      resolve(true)
    }, SETTLE_MS)
    child.once('error', () => {
      clearTimeout(timer)
      resolve(false)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code === 0)
    })
  })
}

/** What to print after trying: where the desk is, and what to do when nothing opened. */
export function openedMessage(opened: boolean, url: string): string {
  return opened
    ? `Рабочее место открыто в браузере по умолчанию. Если окно не появилось, откройте ссылку: ${url}`
    : `Браузер не открылся сам: на этом компьютере нет программы, которая открывает ссылки. ` +
        `Откройте ссылку в браузере на этом компьютере: ${url}`
}
