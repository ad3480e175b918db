// The count by denominations at shift close: the denominations counted, each a whole number.
import { describe, expect, it } from 'vitest'
import '../../../../src/main/ipc/validation-envelope'
import { shiftCloseSchema } from '../../../../src/shared/ipc/schemas/cash'

const messages = (input: unknown): string[] =>
  shiftCloseSchema.safeParse(input).error?.issues.map((i) => i.message) ?? []

describe('shift close count by denominations', () => {
  it('takes the denominations counted; one left out is none of it', () => {
    expect(shiftCloseSchema.parse({ counted: '5100', pieces: { '500000': 1, '10000': 1 } })).toEqual({
      counted: '5100',
      pieces: { '500000': 1, '10000': 1 },
    })
    expect(messages({ counted: '0', pieces: {} })).toEqual([])
  })

  it('says what is wrong with a count, and names no count for a denomination left out', () => {
    expect(messages({ counted: '1', pieces: { '500000': 1.5 } })).toEqual([
      'Количество купюр и монет — целое число',
    ])
    expect(messages({ counted: '1', pieces: { '500000': -1 } })).toEqual([
      'Количество не может быть отрицательным',
    ])
    expect(messages({ counted: '1', pieces: { '300000': 1 } })).toEqual(['Неизвестный номинал'])
  })
})
