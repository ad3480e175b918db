// Electron hardening, one measure per function, each naming the item of the Electron security
// checklist (https://www.electronjs.org/docs/latest/tutorial/security) it implements.
import { pathToFileURL } from 'node:url'
import type { Session, WebContents, WebPreferences } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

/** Checklist 2–4, 6: isolation, sandbox, no Node in the renderer, web security on. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    webviewTag: false,
  }
}

/** Checklist 7: Content Security Policy on every response, including file:// in production. */
export function applyContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/** Checklist 5: deny every permission request (camera, notifications, geolocation…). */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** Checklist 13–14: no navigation away from the app, no new windows, no <webview>. */
export function lockNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export type RendererLocation = { kind: 'url'; url: string } | { kind: 'file'; path: string }

/**
 * Checklist 13: the window loads the built renderer from disk. Only a development run (electron-vite
 * dev, never a build, packaged or not) loads the dev server named by ELECTRON_RENDERER_URL: in a
 * build an environment variable must not be able to put any site behind the full bridge.
 */
export function rendererLocation(options: {
  development: boolean
  devUrl: string | undefined
  rendererFile: string
}): RendererLocation {
  if (options.development && options.devUrl && URL.canParse(options.devUrl)) {
    return { kind: 'url', url: options.devUrl }
  }
  return { kind: 'file', path: options.rendererFile }
}

/**
 * Checklist 13: the app's own page and nothing else — scheme, host, port, path and query exactly
 * as loaded; only the fragment (the router's hash) may change.
 */
export function appUrlCheck(location: RendererLocation): (url: string) => boolean {
  const own = location.kind === 'url' ? new URL(location.url) : pathToFileURL(location.path)
  own.hash = ''
  return (url) => {
    if (!URL.canParse(url)) return false
    const u = new URL(url)
    u.hash = ''
    return u.href === own.href
  }
}
