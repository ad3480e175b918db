// Inputs for a zod schema: a plausible sample, and wrong ones made from it field by field (another
// type, null, missing, too long, an unknown value or key), to see what a clerk would be told.
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  in?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string | number>
  values?: unknown[]
  format?: string
  checks?: Array<{ _zod: { def: { check: string; value?: number } } }>
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** A value of the schema's shape: right types, a real id where an id is asked, first options. */
export function sampleOf(schema: z.ZodType): unknown {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      return def.format === 'uuid' ? randomUUID() : 'Текст'
    case 'number': {
      const min = def.checks?.find((c) => c._zod.def.check === 'greater_than')?._zod.def.value
      return min ?? 1
    }
    case 'boolean':
      return true
    case 'enum':
      return Object.values(def.entries ?? {})[0]
    case 'literal':
      return def.values?.[0]
    case 'array':
      return [sampleOf(def.element as z.ZodType)]
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, sampleOf(v)]))
    case 'record':
      return {}
    case 'union':
      return sampleOf((def.options as z.ZodType[])[0] as z.ZodType)
    case 'pipe':
      return sampleOf(def.in as z.ZodType)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return sampleOf(def.innerType as z.ZodType)
    default:
      return undefined
  }
}

const WRONG: unknown[] = [
  42,
  'строка',
  true,
  null,
  [],
  [1, 2],
  {},
  { лишнее: 1 },
  'я'.repeat(60_000),
  'neizvestno',
  -1,
  1.5,
  1e12,
]

type Path = Array<string | number>

/** Every path to a value inside `value` (objects and arrays), the root first. */
function paths(value: unknown, at: Path = []): Path[] {
  const found: Path[] = [at]
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...paths(v, [...at, i])))
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...at, k]))
  }
  return found
}

function replaced(root: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  if (path.length === 0) return make(root)
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >
  const [head, ...rest] = path as [string | number, ...Path]
  const next = replaced(copy[head], rest, make)
  if (next === undefined) delete copy[head]
  else copy[head] = next
  return copy
}

/** Wrong inputs: at every path of the sample, each wrong value, no value, and an unknown key. */
export function wrongInputs(schema: z.ZodType): unknown[] {
  const sample = sampleOf(schema)
  const inputs: unknown[] = [undefined, ...WRONG]
  for (const path of paths(sample)) {
    for (const wrong of WRONG) inputs.push(replaced(sample, path, () => wrong))
    if (path.length > 0) inputs.push(replaced(sample, path, () => undefined))
    inputs.push(
      replaced(sample, path, (old) =>
        old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, unknownKey: 1 } : old,
      ),
    )
  }
  return inputs
}
