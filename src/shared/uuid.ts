// UUID v7 (time-ordered): rows created at different counters merge without clashes, and the
// ids of one workstation sort in creation order.
export type RandomBytes = (n: number) => Uint8Array

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function format(b: Uint8Array): string {
  let hex = ''
  for (let i = 0; i < 16; i++) {
    hex += HEX[b[i] as number] as string
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-'
  }
  return hex
}

/**
 * A generator of monotonic UUID v7: within one millisecond the 12-bit sequence field counts up,
 * so ids from one generator never go backwards.
 */
export function uuidV7Generator(random: RandomBytes, now: () => number = Date.now): () => string {
  let lastMs = -1
  let seq = 0
  return () => {
    let ms = now()
    if (ms <= lastMs) {
      ms = lastMs
      seq += 1
      if (seq > 0xfff) {
        ms += 1
        seq = 0
      }
    } else {
      seq = (random(2)[0] as number) & 0x7f
    }
    lastMs = ms
    const b = new Uint8Array(16)
    const r = random(8)
    b[0] = Math.floor(ms / 2 ** 40) & 0xff
    b[1] = Math.floor(ms / 2 ** 32) & 0xff
    b[2] = (ms >>> 24) & 0xff
    b[3] = (ms >>> 16) & 0xff
    b[4] = (ms >>> 8) & 0xff
    b[5] = ms & 0xff
    b[6] = 0x70 | ((seq >>> 8) & 0x0f)
    b[7] = seq & 0xff
    b[8] = 0x80 | ((r[0] as number) & 0x3f)
    b.set(r.subarray(1, 8), 9)
    return format(b)
  }
}

/**
 * A source that draws `size` bytes at a time from `source` and hands them out in pieces: a
 * charge run makes tens of thousands of ids, and a system call for every 2 or 8 bytes costs more
 * than the rest of making them.
 */
export function bufferedRandom(source: RandomBytes, size = 4096): RandomBytes {
  let pool: Uint8Array = new Uint8Array(0)
  let at = 0
  return (n) => {
    if (n > size) return source(n)
    if (at + n > pool.length) {
      pool = source(size)
      at = 0
    }
    const out = pool.subarray(at, at + n)
    at += n
    return out
  }
}
