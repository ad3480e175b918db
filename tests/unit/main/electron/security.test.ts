// The Electron hardening measures, checked on fakes of the objects they configure.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import {
  applyContentSecurityPolicy,
  appUrlCheck,
  denyPermissions,
  lockNavigation,
  rendererLocation,
  secureWebPreferences,
} from '../../../../src/main/electron/security'
import { CONTENT_SECURITY_POLICY } from '../../../../src/shared/csp'

describe('Electron security settings', () => {
  it('isolates and sandboxes the renderer with no Node in it', () => {
    const prefs = secureWebPreferences('/app/preload.js')
    expect(prefs).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    })
  })

  it('puts the shared policy on every response of the session, keeping the other headers', () => {
    type Listener = (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void
    let listener: Listener | undefined
    const session = {
      webRequest: { onHeadersReceived: (fn: Listener) => (listener = fn) },
    } as unknown as Session
    applyContentSecurityPolicy(session)
    let headers: Record<string, string[]> | undefined
    listener?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders))
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as unknown as Session
    denyPermissions(session)
    const answers: boolean[] = []
    request!(null, 'media', (ok) => answers.push(ok))
    request!(null, 'notifications', (ok) => answers.push(ok))
    expect(answers).toEqual([false, false])
    expect(check!()).toBe(false)
  })

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new EventEmitter() as EventEmitter & { open?: () => { action: string } }
    ;(
      contents as unknown as { setWindowOpenHandler: (fn: () => { action: string }) => void }
    ).setWindowOpenHandler = (fn) => (contents.open = fn)
    lockNavigation(contents as unknown as WebContents, (url) => url.startsWith('file:///app/'))
    const prevented: string[] = []
    const fire = (name: string, url?: string): void => {
      contents.emit(name, { preventDefault: () => prevented.push(`${name} ${url ?? ''}`) }, url)
    }
    fire('will-navigate', 'file:///app/index.html#/account/1')
    fire('will-navigate', 'https://evil.example/')
    fire('will-redirect', 'https://evil.example/')
    fire('will-attach-webview')
    expect(prevented).toEqual([
      'will-navigate https://evil.example/',
      'will-redirect https://evil.example/',
      'will-attach-webview ',
    ])
    expect(contents.open!()).toEqual({ action: 'deny' })
  })

  it('loads the dev server only in a development run, whatever the environment says', () => {
    const rendererFile = '/opt/okno/out/renderer/index.html'
    const evil = 'https://evil.example/'
    expect(rendererLocation({ development: false, devUrl: evil, rendererFile })).toEqual({
      kind: 'file',
      path: rendererFile,
    })
    expect(rendererLocation({ development: false, devUrl: undefined, rendererFile })).toEqual({
      kind: 'file',
      path: rendererFile,
    })
    expect(rendererLocation({ development: true, devUrl: 'not a url', rendererFile })).toEqual({
      kind: 'file',
      path: rendererFile,
    })
    expect(rendererLocation({ development: true, devUrl: 'http://localhost:5173', rendererFile })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173',
    })
  })

  it('takes the app page itself as the app, the router fragment free, nothing else', () => {
    const isApp = appUrlCheck({ kind: 'file', path: '/opt/okno/out/renderer/index.html' })
    expect(isApp('file:///opt/okno/out/renderer/index.html')).toBe(true)
    expect(isApp('file:///opt/okno/out/renderer/index.html#/account/1')).toBe(true)
    for (const url of [
      'file://evil.example/opt/okno/out/renderer/index.html',
      'file:///opt/okno/out/renderer/index.html?x=1',
      'file:///opt/okno/out/renderer/other.html',
      'https://evil.example/opt/okno/out/renderer/index.html',
      'okno://app/opt/okno/out/renderer/index.html',
      'not a url',
    ]) {
      expect(isApp(url), url).toBe(false)
    }
    const isDev = appUrlCheck({ kind: 'url', url: 'http://localhost:5173' })
    expect(isDev('http://localhost:5173/#/cash')).toBe(true)
    for (const url of [
      'http://localhost:5173/evil.html',
      'http://localhost:5174/',
      'https://localhost:5173/',
    ]) {
      expect(isDev(url), url).toBe(false)
    }
  })
})
