// Time-ordered ids in the UUID v7 layout for demo rows, drawn from the seeded generator: the
// same seed gives the same ids. Cheap enough for millions of rows.
import type { Random } from './random'

const SEQ_HEX = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'))
const VARIANT = '89ab'

export class DemoIds {
  private n = 0
  private msPrefix = ''

  constructor(
    private readonly random: Random,
    private readonly baseMs: number,
  ) {}

  next(): string {
    const seq = this.n % 4096
    if (seq === 0 || this.msPrefix === '') {
      const ms = (this.baseMs + Math.floor(this.n / 4096)).toString(16).padStart(12, '0')
      this.msPrefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`
    }
    this.n++
    const r1 = this.random.hex8()
    const r2 = this.random.hex8()
    const variant = VARIANT[this.random.next() & 3] as string
    return `${this.msPrefix}${SEQ_HEX[seq] as string}-${variant}${r1.slice(0, 3)}-${r1.slice(3, 7)}${r2}`
  }
}
