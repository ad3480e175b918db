// The Electron hardening measures, checked on fakes of the objects they configure.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import {
  CONTENT_SECURITY_POLICY,
  denyPermissions,
  lockNavigation,
  secureWebPreferences,
} from '../../../../src/main/electron/security'

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

  it('allows scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
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
})
