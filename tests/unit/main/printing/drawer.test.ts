import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DRAWER_PULSE, kickDrawer } from '../../../../src/main/printing/drawer'

describe('kickDrawer', () => {
  it('writes the ESC/POS pulse to the printer port', async () => {
    const port = join(mkdtempSync(join(tmpdir(), 'okno-drawer-')), 'lp0')
    writeFileSync(port, '')
    expect(await kickDrawer(port)).toEqual({ ok: true })
    expect([...readFileSync(port)]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa])
    expect(DRAWER_PULSE).toHaveLength(5)
  })

  it('says what to check when the port cannot be opened', async () => {
    const r = await kickDrawer('/nonexistent/dir/lp9')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toContain('/nonexistent/dir/lp9')
  })
})
