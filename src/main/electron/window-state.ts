// Remembers the window's position, size and maximised state between starts.
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(10_000),
  height: z.number().int().min(600).max(10_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof stateSchema>

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false }

export function loadWindowState(path: string): WindowState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : DEFAULT_STATE
  } catch {
    return DEFAULT_STATE
  }
}

export function saveWindowState(path: string, state: WindowState): void {
  try {
    writeFileSync(path, JSON.stringify(state))
  } catch (err) {
    console.warn('[okno] window state not saved:', err)
  }
}
