// The one Content Security Policy of both shells, and the copy the renderer's page carries in a
// meta tag (needed before the first response header exists, e.g. under electron-vite dev).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp'

const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim())

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts only from the app itself, no eval, no plugins, no framing', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("form-action 'none'")
  })

  it('is what the renderer page declares, save frame-ancestors (ignored in a meta tag)', () => {
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBeDefined()
    expect(directives(meta ?? '')).toEqual(
      directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors')),
    )
  })
})
