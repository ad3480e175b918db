// The wording the reading rules put into their messages; the rules themselves are checked through
// evaluateReadings in reading-checks.test.ts, in the order the clerk reads them.
import { describe, expect, it } from 'vitest'
import { timesRu } from '../../../../../src/main/services/billing/reading-rules'

describe('timesRu', () => {
  it.each([
    [3, 'в 3 раза'],
    [1.5, 'в 1,5 раза'],
    [5, 'в 5 раз'],
    [12, 'в 12 раз'],
    [22, 'в 22 раза'],
  ])('says %s as «%s»', (factor, text) => {
    expect(timesRu(factor)).toBe(text)
  })
})
