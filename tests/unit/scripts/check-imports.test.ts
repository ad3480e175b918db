// The import check that npm test runs (scripts/check-imports.mjs): it passes this repository's
// src/, and on a made-up tree it finds a cycle (type-only imports included), a service importing
// the sync folder, and shared code importing main — naming the files.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const SCRIPT = join(__dirname, '../../../scripts/check-imports.mjs')
const ROOT = join(__dirname, '../../..')
const made: string[] = []

function check(root: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' })
  return { status: r.status, out: r.stdout + r.stderr }
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'okno-imports-'))
  made.push(root)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true })
    writeFileSync(join(root, 'src', path), text)
  }
  return root
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('the import check', () => {
  it('passes the repository as it is', () => {
    const { status, out } = check(ROOT)
    expect(out).toContain('циклов импорта нет')
    expect(status).toBe(0)
  })

  it('finds a cycle, also through a type-only import, and names its files', () => {
    const root = tree({
      'main/services/a.ts': "import { b } from './b'\nexport const a = b\n",
      'main/services/b.ts': "import type { C } from './c'\nexport const b: C = 1\n",
      'main/services/c.ts': "import { a } from './a'\nexport type C = typeof a\n",
      'main/services/d.ts': "import { a } from './a'\nexport const d = a\n",
    })
    const { status, out } = check(root)
    expect(status).toBe(1)
    expect(out).toContain('цикл из 3 файлов: main/services/a.ts → main/services/b.ts → main/services/c.ts')
    expect(out).not.toContain('d.ts')
  })

  it('finds a service importing the sync folder and shared code importing main', () => {
    const root = tree({
      'main/sync/log.ts': 'export const log = 1\n',
      'main/services/core/outbox.ts': "import { log } from '../../sync/log'\nexport const o = log\n",
      'shared/dates.ts': "import { o } from '../main/services/core/outbox'\nexport const d = o\n",
    })
    const { status, out } = check(root)
    expect(status).toBe(1)
    expect(out).toContain('слой: main/services/core/outbox.ts импортирует main/sync/log.ts')
    expect(out).toContain('слой: shared/dates.ts импортирует main/services/core/outbox.ts')
  })

  it('does not count an import written in a comment or a string', () => {
    const root = tree({
      'main/services/a.ts': "// import { b } from './b'\nexport const a = \"import { b } from './b'\"\n",
      'main/services/b.ts': "import { a } from './a'\nexport const b = a\n",
    })
    expect(check(root).status).toBe(0)
  })
})
