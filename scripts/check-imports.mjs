// The import rules of src/ (DESIGN.md): no import cycle anywhere (type-only imports count: they tie
// modules as much as value imports do), and the layers' directions — the domain never imports
// Electron, sync, IPC, the web server, the demo or the office server. Prints what breaks them and
// exits 1. Imports are read with TypeScript's own pre-processor, so comments and strings that look
// like imports are not counted. Usage: node scripts/check-imports.mjs [root] (npm test runs it).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

const root = resolve(process.argv[2] ?? '.')
const src = join(root, 'src')
if (!existsSync(src)) {
  console.error(`Нет папки ${src}`)
  process.exit(2)
}

/** Folders a folder's files may never import (paths under src/, by prefix). */
const FORBIDDEN = [
  {
    from: 'main/services/',
    to: [
      'main/sync/',
      'main/ipc/',
      'main/web/',
      'main/electron/',
      'main/demo/',
      'main/server/',
      'main/index.ts',
    ],
    why: 'предметная область знает только свои порты (DESIGN.md «Processes and layers»)',
  },
  {
    from: 'main/db/',
    to: ['main/services/', 'main/sync/', 'main/ipc/', 'main/demo/'],
    why: 'слой базы данных ниже сервисов',
  },
  {
    from: 'shared/',
    to: ['main/', 'renderer/', 'preload/'],
    why: 'общий код чист и не импортирует ни один процесс',
  },
  { from: 'renderer/', to: ['main/', 'preload/'], why: 'окно обращается к main только через контракт' },
]

function listFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) listFiles(path, out)
    else if (/\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** The code TypeScript should read: a .vue file's <script> blocks, any other file whole. */
function scriptOf(path) {
  const text = readFileSync(path, 'utf8')
  if (!path.endsWith('.vue')) return text
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
}

const files = listFiles(src)
const known = new Set(files)

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (known.has(candidate)) return candidate
  }
  return null
}

const graph = new Map()
for (const file of files) {
  const info = ts.preProcessFile(scriptOf(file), true, true)
  const targets = new Set()
  for (const ref of info.importedFiles) {
    const target = resolveImport(file, ref.fileName)
    if (target && target !== file) targets.add(target)
  }
  graph.set(file, [...targets])
}

const name = (path) => relative(src, path).split(sep).join('/')
const problems = []

for (const [file, targets] of graph) {
  const from = name(file)
  for (const rule of FORBIDDEN) {
    if (!from.startsWith(rule.from)) continue
    for (const target of targets) {
      const to = name(target)
      if (rule.to.some((prefix) => to.startsWith(prefix)))
        problems.push(`слой: ${from} импортирует ${to} (${rule.why})`)
    }
  }
}

// Tarjan's strongly connected components, iteratively (deep graphs must not overflow the stack).
let counter = 0
const index = new Map()
const low = new Map()
const onStack = new Set()
const stack = []
for (const start of files) {
  if (index.has(start)) continue
  const work = [[start, 0]]
  index.set(start, counter)
  low.set(start, counter++)
  stack.push(start)
  onStack.add(start)
  while (work.length > 0) {
    const frame = work[work.length - 1]
    const [node, next] = frame
    const edges = graph.get(node)
    if (next < edges.length) {
      frame[1]++
      const target = edges[next]
      if (!index.has(target)) {
        index.set(target, counter)
        low.set(target, counter++)
        stack.push(target)
        onStack.add(target)
        work.push([target, 0])
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)))
      }
      continue
    }
    work.pop()
    if (work.length > 0) {
      const parent = work[work.length - 1][0]
      low.set(parent, Math.min(low.get(parent), low.get(node)))
    }
    if (low.get(node) === index.get(node)) {
      const component = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        component.push(name(member))
      } while (member !== node)
      if (component.length > 1)
        problems.push(`цикл из ${component.length} файлов: ${component.sort().join(' → ')}`)
    }
  }
}

for (const problem of problems) console.log(problem)
console.log(
  `Файлов в src/: ${files.length}; ${problems.length === 0 ? 'циклов импорта нет, слои соблюдены' : `нарушений: ${problems.length}`}`,
)
process.exit(problems.length === 0 ? 0 : 1)
