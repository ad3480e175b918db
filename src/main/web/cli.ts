// Entry of browser mode (npm run start:web, and npm start where Electron is unavailable):
// opens the workstation, serves the desk on 127.0.0.1 and prints the one link to open.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { openWorkstation } from '../app/bootstrap'
import { resolveDbPath, resolveSettingsPath } from '../config/paths'
import { startWebServer } from './server'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: process.env.OKNO_PORT ?? '0' } },
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
  console.log(`Окно работает в браузере. База: ${dbPath}`)
  console.log(`Откройте в браузере на этом компьютере: ${server.url}`)
  const stop = (): void => {
    void server
      .close()
      .then(() => workstation.close())
      .then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`Не удалось запустить рабочее место: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
