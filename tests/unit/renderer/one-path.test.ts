// The renderer's one path to main (DESIGN.md): screens and composables call store actions, the
// stores call `api/client.ts`, and only that module touches `window.okno`. Read from the sources,
// so a component calling main directly fails here.
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob<string>('../../../src/renderer/src/**/*.{ts,vue}', {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The names a file imports from api/client, however the path to it is written. */
function clientImports(text: string): string[] {
  const names: string[] = []
  for (const m of text.matchAll(/import\s+(type\s+)?([^'"]*?)\s+from\s+['"][./]*api\/client['"]/g)) {
    const clause = m[2] ?? ''
    if (m[1]) continue
    if (/\*\s+as\s+/.test(clause)) names.push('*')
    for (const part of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
      if (name && !part.trim().startsWith('type ')) names.push(name)
    }
  }
  return names
}

const file = (path: string): string => path.replace(/^.*src\/renderer\/src\//, '')

describe('the renderer calls main through stores only', () => {
  it('reads the renderer sources', () => {
    const files = Object.keys(sources).map(file)
    expect(files).toContain('api/client.ts')
    expect(files).toContain('views/SettingsView.vue')
    expect(files.length).toBeGreaterThan(100)
  })

  it('only api/client.ts uses window.okno', () => {
    const users = Object.entries(sources)
      .filter(([path, text]) => file(path) !== 'api/client.ts' && /\bokno\s*[[.]/.test(text))
      .map(([path]) => file(path))
    expect(users).toEqual([])
  })

  it('only stores import call (components, views and composables use the stores)', () => {
    const callers = Object.entries(sources)
      .filter(([path]) => !file(path).startsWith('stores/') && file(path) !== 'api/client.ts')
      .filter(([, text]) => clientImports(text).some((name) => name === 'call' || name === '*'))
      .map(([path]) => file(path))
    expect(callers).toEqual([])
  })

  it('recognises the imports it forbids', () => {
    expect(clientImports("import { call, errorMessage } from '../../api/client'")).toEqual([
      'call',
      'errorMessage',
    ])
    expect(clientImports("import { call as send } from '../api/client'")).toEqual(['call'])
    expect(clientImports("import * as api from './api/client'")).toEqual(['*'])
    expect(clientImports("import {\n  errorFields,\n  call,\n} from '../api/client'")).toEqual([
      'errorFields',
      'call',
    ])
    expect(clientImports("import type { ApiError } from '../api/client'")).toEqual([])
  })
})
