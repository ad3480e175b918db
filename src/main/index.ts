// The Electron composition root: one instance, one window, the security settings, the IPC
// handlers over the shared workstation. Everything else lives in services and is tested
// without Electron.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { openWorkstation, type Workstation } from './app/bootstrap'
import { defaultDataDir, resolveDbPath, resolveSettingsPath } from './config/paths'
import { registerIpc } from './electron/ipc'
import { safeStorageSealer } from './electron/key-sealer'
import { ElectronPrinter } from './electron/printer'
import { buildMenu } from './electron/menu'
import {
  appUrlCheck,
  applyContentSecurityPolicy,
  denyPermissions,
  lockNavigation,
  rendererLocation,
  secureWebPreferences,
} from './electron/security'
import { loadWindowState, saveWindowState } from './electron/window-state'

// import.meta.env.DEV is fixed when electron-vite builds main: true only under electron-vite dev.
const renderer = rendererLocation({
  development: import.meta.env.DEV === true && !app.isPackaged,
  devUrl: process.env.ELECTRON_RENDERER_URL,
  rendererFile: join(__dirname, '../renderer/index.html'),
})
const isAppUrl = appUrlCheck(renderer)

let mainWindow: BrowserWindow | null = null

function createWindow(): BrowserWindow {
  const statePath = join(app.getPath('userData'), 'window-state.json')
  const state = loadWindowState(statePath)
  const win = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Окно — рабочее место операциониста',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  })
  if (state.maximized) win.maximize()
  lockNavigation(win.webContents, isAppUrl)
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const b = win.getNormalBounds()
    saveWindowState(statePath, { ...b, maximized: win.isMaximized() })
  })
  if (renderer.kind === 'url') void win.loadURL(renderer.url)
  else void win.loadFile(renderer.path)
  return win
}

async function start(): Promise<void> {
  app.setPath('userData', defaultDataDir())
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  await app.whenReady()
  applyContentSecurityPolicy(session.defaultSession)
  denyPermissions(session.defaultSession)
  const dbPath = resolveDbPath(app.getPath('userData'))
  const keyStore = safeStorageSealer()
  const workstation: Workstation = await openWorkstation({
    dbPath,
    settingsPath: resolveSettingsPath(dbPath),
    keySealer: keyStore.sealer,
    keyLegacyOpen: keyStore.legacyOpen,
    keyStoreWarning: keyStore.warning,
    log: console.log,
  })
  registerIpc({
    ctx: workstation.ctx,
    version: app.getVersion(),
    printer: new ElectronPrinter(),
    sync: workstation.sync,
    isAppUrl,
  })
  Menu.setApplicationMenu(buildMenu(() => mainWindow))
  mainWindow = createWindow()
  mainWindow.on('closed', () => (mainWindow = null))
  // Said at every start until fixed: the administrator installs a keyring (README «Security»).
  if (keyStore.warning) {
    void dialog.showMessageBox(mainWindow, { type: 'warning', title: 'Окно', message: keyStore.warning })
  }
  app.on('window-all-closed', () => {
    void workstation.close().finally(() => app.quit())
  })
}

start().catch((err: unknown) => {
  console.error('[okno] start failed:', err)
  app.exit(1)
})
