// The download's writer waits for a slow desk without piling up listeners: each wait for 'drain'
// or 'close' takes off the one that did not fire (a 100,000-account office waits thousands of times).
import type { ServerResponse } from 'node:http'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { writeLine } from '../../../../src/main/server/routes/snapshot-stream'

/** A desk that reads one chunk at a time, when told to. */
function slowDesk(): { res: Writable; readOne: () => void } {
  const waiting: Array<() => void> = []
  const res = new Writable({
    highWaterMark: 1,
    write(_chunk, _enc, done) {
      waiting.push(done)
    },
  })
  return { res, readOne: () => waiting.shift()?.() }
}

describe('the download writer', () => {
  it('leaves no close or drain listener behind after waiting for a slow desk many times', async () => {
    const { res, readOne } = slowDesk()
    const before = res.listenerCount('close')
    for (let i = 0; i < 50; i++) {
      const written = writeLine(res as unknown as ServerResponse, { kind: 'end', rows: i })
      readOne()
      await written
    }
    expect(res.listenerCount('close')).toBe(before)
    expect(res.listenerCount('drain')).toBe(0)
  })
})
