// Entry of browser mode (npm run start:web, and npm start where Electron is unavailable):
// opens the workstation, serves the desk on 127.0.0.1 and prints the one link to open; with
// --open (what npm start passes) it also opens that link in the default browser.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { openWorkstation } from '../app/bootstrap'
import { resolveDbPath, resolveSettingsPath } from '../config/paths'
import { openedMessage, openInBrowser } from './open-browser'
import { startWebServer } from './server'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.OKNO_PORT ?? '0' },
      open: { type: 'boolean', default: false },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port: номер порта от 0 до 65535')
  const dbPath = resolveDbPath()
  const workstation = await openWorkstation({
    dbPath,
    settingsPath: resolveSettingsPath(dbPath),
    keySealer: null,
    log: (line) => console.log(line),
  })
  const server = await startWebServer({
    ctx: workstation.ctx,
    sync: workstation.sync,
    rendererDir: process.env.OKNO_RENDERER_DIR ?? join(__dirname, '../renderer'),
    port,
    version,
  })
  let stopping = false
  // Ctrl+C reaches this process twice (from the terminal, and passed on by npm start's script).
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void server
      .close()
      .then(() => workstation.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(`Окно работает в браузере. База: ${dbPath}`)
  if (values.open) console.log(openedMessage(await openInBrowser(server.url), server.url))
  else console.log(`Откройте в браузере на этом компьютере: ${server.url}`)
}

main().catch((err: unknown) => {
  console.error(`Не удалось запустить рабочее место: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
